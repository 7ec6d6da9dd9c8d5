/** A value or a list of typed, plain-data errors. Errors are data: never thrown across a boundary. */
export type Result<T, E = Issue> = { ok: true; value: T } | { ok: false; errors: E[] };

/** Where an issue is: a JSON path, and (when known) a file position, 1-based. */
export interface IssueLocation {
  /** Path into the plan or scenario JSON, e.g. `["costs", 3, "amounts", "2024"]`. */
  path?: (string | number)[];
  file?: string;
  line?: number;
  column?: number;
  /** The field or column name as a person would say it, e.g. `2024` or `group`. */
  field?: string;
}

/**
 * An expected failure (bad input, an unknown reference), described in Swedish for the user. A UI
 * in another language says it from `code` and `params` (the values the message names: the cell's
 * text, a year, what was expected); `message` is the Swedish text, for the CLI and as a fallback.
 */
export interface Issue extends IssueLocation {
  code: string;
  message: string;
  /** The values `message` names, by name, for saying it in another language. */
  params?: Record<string, string | number>;
}

export const ok = <T>(value: T): Result<T, never> => ({ ok: true, value });
export const fail = <E = Issue>(...errors: E[]): Result<never, E> => ({ ok: false, errors });

/** Fails to compile when a switch over a union misses a case. */
export function assertNever(value: never, what = 'value'): never {
  throw new Error(`Unhandled ${what}: ${JSON.stringify(value)}`);
}
