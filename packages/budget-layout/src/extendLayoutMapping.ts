import type { LayoutMapping } from './layoutMapping.ts';
import type { LayoutProposal } from './proposeLayoutMapping.ts';

/**
 * A saved mapping completed with the proposal's rows for the rows it lacks (next year's new
 * insats), in the sheet's order: what the user reviews when a known layout gained rows.
 */
export function extendLayoutMapping(mapping: LayoutMapping, proposal: LayoutProposal): LayoutMapping {
  const known = new Map(mapping.rows.map((r) => [r.key, r]));
  const proposed = new Set(proposal.mapping.rows.map((r) => r.key));
  const rows = proposal.mapping.rows.map((r) => known.get(r.key) ?? r);
  // Rows of the saved mapping the sheet no longer has are kept at the end: another year may have them.
  for (const r of mapping.rows) if (!proposed.has(r.key)) rows.push(r);
  return { ...mapping, rows };
}
