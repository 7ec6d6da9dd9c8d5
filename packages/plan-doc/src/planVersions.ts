import { type Issue, type Plan, parsePlan } from '@samplan/engine';
import * as Y from 'yjs';

/** Name of the root `Y.Map` of saved versions (id → version), next to the plan root. */
export const VERSIONS_ROOT = 'versions';

/** A named, frozen copy of the plan ("Beslutad av styrelsen 2025-11-28"). */
export interface PlanVersion {
  readonly id: string;
  readonly name: string;
  /** ISO 8601 time of saving. */
  readonly savedAt: string;
  /** The name of the person who saved it. */
  readonly savedBy: string;
  readonly plan: Plan;
}

/** What is stored per version: the plan as JSON text, so the copy never changes with the live plan. */
interface StoredVersion {
  name: string;
  savedAt: string;
  savedBy: string;
  plan: string;
}

export const MAX_VERSION_NAME_LENGTH = 200;

/** The versions map of a document. */
export const versionsRoot = (doc: Y.Doc): Y.Map<unknown> => doc.getMap<unknown>(VERSIONS_ROOT);

/**
 * Saves `plan` as a named version in the document (one transaction with `origin`; versions are
 * outside the plan root, so the plan's undo manager never undoes a save). Returns the version's id,
 * or an issue when the name is empty or too long.
 */
export function saveVersion(
  doc: Y.Doc,
  input: { name: string; savedBy: string; plan: Plan; savedAt?: Date; id?: string },
  origin: unknown,
): { ok: true; id: string } | { ok: false; errors: Issue[] } {
  const name = input.name.trim();
  if (name === '' || name.length > MAX_VERSION_NAME_LENGTH) {
    return {
      ok: false,
      errors: [
        {
          code: 'version-name',
          message: `Ge versionen ett namn (högst ${MAX_VERSION_NAME_LENGTH} tecken).`,
          path: ['name'],
        },
      ],
    };
  }
  const id = input.id ?? `v-${(input.savedAt ?? new Date()).getTime().toString(36)}-${doc.clientID.toString(36)}`;
  const stored: StoredVersion = {
    name,
    savedAt: (input.savedAt ?? new Date()).toISOString(),
    savedBy: input.savedBy,
    plan: JSON.stringify(input.plan),
  };
  doc.transact(() => versionsRoot(doc).set(id, stored), origin);
  return { ok: true, id };
}

/**
 * The document's versions, newest first. Each entry is validated like the plan itself: an entry that
 * is not a well-formed version (a hostile or broken client) is left out and reported, never thrown.
 */
export function readVersions(doc: Y.Doc): { versions: PlanVersion[]; issues: Issue[] } {
  const versions: PlanVersion[] = [];
  const issues: Issue[] = [];
  for (const [id, value] of versionsRoot(doc).entries()) {
    const read = readVersion(id, value);
    if ('issue' in read) issues.push(read.issue);
    else versions.push(read.version);
  }
  versions.sort((a, b) => (a.savedAt === b.savedAt ? a.id.localeCompare(b.id) : b.savedAt.localeCompare(a.savedAt)));
  return { versions, issues };
}

function readVersion(id: string, value: unknown): { version: PlanVersion } | { issue: Issue } {
  const bad = (message: string): { issue: Issue } => ({
    issue: { code: 'invalid-version', message: `Versionen ${id}: ${message}`, path: [VERSIONS_ROOT, id] },
  });
  if (typeof value !== 'object' || value === null || Array.isArray(value) || value instanceof Y.AbstractType) {
    return bad('är inte en sparad version.');
  }
  const { name, savedAt, savedBy, plan } = value as Partial<Record<keyof StoredVersion, unknown>>;
  if (typeof name !== 'string' || name.trim() === '' || name.length > MAX_VERSION_NAME_LENGTH) {
    return bad('saknar ett giltigt namn.');
  }
  if (typeof savedAt !== 'string' || Number.isNaN(Date.parse(savedAt))) return bad('saknar tidpunkt.');
  if (typeof plan !== 'string') return bad('saknar plan.');
  let json: unknown;
  try {
    json = JSON.parse(plan);
  } catch {
    return bad('planen är inte JSON.');
  }
  const parsed = parsePlan(json);
  if (!parsed.ok) return bad(`planen är ogiltig: ${parsed.errors[0]?.message ?? ''}`);
  return {
    version: { id, name, savedAt, savedBy: typeof savedBy === 'string' ? savedBy : '', plan: parsed.value },
  };
}
