import type { CostLine, Member, PlanInput } from '@samplan/engine';
import type { ReportError } from './readHeader.ts';
import type { PendingStated } from './readStated.ts';

/** What kind of line an id is: a member's contribution, a revenue line or a cost line. */
export type LineKind = 'member' | 'revenue' | 'cost';

/**
 * Turns the names of `# @lines:` into line ids, on every stated figure that has them: a name is a
 * line's id, or else the name of exactly one member, revenue or cost line (two lines of one name
 * are told apart by their ids, which `# @id:` sets). An unknown or ambiguous name is an error on
 * the directive's line. Returns each line id's kind.
 */
export function resolveLines(
  stated: PendingStated[],
  lines: {
    members: readonly Member[];
    revenues: NonNullable<PlanInput['revenues']>;
    costs: readonly Pick<CostLine, 'id' | 'name'>[];
  },
  error: ReportError,
): Map<string, LineKind> {
  const kinds = new Map<string, LineKind>();
  const byName = new Map<string, string[]>();
  const add = (id: string, name: string, kind: LineKind) => {
    kinds.set(id, kind);
    byName.set(name, [...(byName.get(name) ?? []), id]);
  };
  for (const m of lines.members) add(m.id, m.name, 'member');
  for (const r of lines.revenues) add(r.id, r.name, 'revenue');
  for (const c of lines.costs) add(c.id, c.name, 'cost');

  const resolved = new Map<string, string[] | null>();
  for (const s of stated) {
    const pending = s.__lines;
    if (!pending) continue;
    const key = `${pending.line}`;
    if (!resolved.has(key)) {
      const ids: string[] = [];
      for (const name of pending.names) {
        if (kinds.has(name)) {
          ids.push(name);
          continue;
        }
        const found = byName.get(name) ?? [];
        if (found.length === 1) ids.push(found[0] as string);
        else if (found.length === 0)
          error(
            { line: pending.line },
            'lines',
            'unknown-line',
            `Raden "${name}" i # @lines: finns inte bland member-, esf-, income- och cost-raderna`,
            { line: name },
          );
        else
          error(
            { line: pending.line },
            'lines',
            'ambiguous-line',
            `Flera rader heter "${name}" (${found.join(', ')}); skriv id:t i # @lines:`,
            { line: name, ids: found.join(', ') },
          );
      }
      resolved.set(key, ids.length === pending.names.length ? ids : null);
    }
    const ids = resolved.get(key);
    if (ids) s.lines = ids;
  }
  return kinds;
}
