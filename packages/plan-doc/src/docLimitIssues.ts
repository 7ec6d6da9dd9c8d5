import type { Issue } from '@samplan/engine';
import { UNSAFE_KEYS } from './planRoot.ts';

/**
 * What a plan document may hold. The engine's schema has no upper bound on names; a shared
 * document does, so that one client (or a hostile one) cannot make every other client slow.
 */
export const DOC_LIMITS = {
  /** Characters in any string: a name, label, id or amount. */
  maxStringLength: 2_000,
  /** Entries in any one collection, year map, change list or JSON array/object. */
  maxEntries: 10_000,
  /** Nesting of plain JSON values (scenario changes, a stated figure's source). */
  maxDepth: 16,
} as const;

type Path = (string | number)[];
const issue = (code: string, message: string, path: Path): Issue => ({
  code,
  message,
  path,
  field: String(path.at(-1) ?? ''),
});

/** An issue for a key that could reach `Object.prototype` (`__proto__`, `constructor`, `prototype`). */
export const unsafeKeyIssue = (key: string, path: Path): Issue =>
  issue('doc-unsafe-key', `Nyckeln "${key}" är inte tillåten i ett plandokument`, path);

/** An issue for a string or list over the document limits. */
export const tooLargeIssue = (what: string, path: Path): Issue =>
  issue('doc-too-large', `${what} är för stort för ett plandokument`, path);

/**
 * The document limits checked on plain data (a plan read from a document, or one about to be
 * written): string lengths, list sizes, nesting, and keys or ids that are unsafe as object keys.
 */
export function docLimitIssues(value: unknown, path: Path = [], depth = 0): Issue[] {
  if (typeof value === 'string') {
    return value.length > DOC_LIMITS.maxStringLength
      ? [tooLargeIssue(`Texten (${value.length} tecken, högst ${DOC_LIMITS.maxStringLength})`, path)]
      : [];
  }
  if (typeof value !== 'object' || value === null) return [];
  if (depth > DOC_LIMITS.maxDepth) return [tooLargeIssue('Nästlingen', path)];
  const entries: [string | number, unknown][] = Array.isArray(value)
    ? value.map((v, i) => [i, v])
    : Object.keys(value).map((k) => [k, (value as Record<string, unknown>)[k]]);
  if (entries.length > DOC_LIMITS.maxEntries) return [tooLargeIssue(`Listan (${entries.length} poster)`, path)];
  const issues: Issue[] = [];
  for (const [key, v] of entries) {
    if (typeof key === 'string' && UNSAFE_KEYS.has(key)) issues.push(unsafeKeyIssue(key, [...path, key]));
    else if (key === 'id' && typeof v === 'string' && UNSAFE_KEYS.has(v))
      issues.push(unsafeKeyIssue(v, [...path, key]));
    else issues.push(...docLimitIssues(v, [...path, key], depth + 1));
  }
  return issues;
}
