import type { KINDS, ReportError } from './readHeader.ts';

/** A directive's value and the line it is on. */
export interface Directive {
  value: string;
  line: number;
}

/** Settings of the whole file: `# unit: tkr`, `# utilization: 90 %`, … */
export const SETTINGS = [
  'plan',
  'unit',
  'utilization',
  'indexation',
  'employer-add-on',
  'equity-cap',
  'admin-share',
  'precision',
] as const;
export type SettingKey = (typeof SETTINGS)[number];

type Kind = (typeof KINDS)[number];

/** Directives for the next row (`# @id: team`), and the row kinds each one is for. */
export const ROW_DIRECTIVES = {
  id: ['member', 'esf', 'income', 'cost'],
  'project-id': ['esf'],
  member: ['cost'],
  utilization: ['cost'],
  staff: ['cost'],
  population: ['member'],
  precision: ['stated'],
  sign: ['stated'],
  lines: ['stated'],
  quote: ['stated'],
} as const satisfies Record<string, readonly Kind[]>;
export type RowDirectiveKey = keyof typeof ROW_DIRECTIVES;

/** Row directives that may be written without `@` too (`# quote: budgetram 8 562 tkr`): they only exist for a row. */
const ROW_ONLY: readonly RowDirectiveKey[] = ['quote', 'lines'];

const isRowKey = (key: string): key is RowDirectiveKey => Object.hasOwn(ROW_DIRECTIVES, key);

/** The row directives, as an error lists them: `@id, @project-id, …`. */
const known = () =>
  Object.keys(ROW_DIRECTIVES)
    .map((k) => `@${k}`)
    .join(', ');

/**
 * Collects the `#` directives of a table: settings for the whole file, and directives for the
 * next row. A comment that is no `key: value`, or whose key is no setting, is prose and skipped
 * (`# Source: …`); an `@` key that is no row directive, a setting given twice with different
 * values, and a row directive given twice for one row are errors naming their line.
 */
export class Directives {
  readonly settings: Partial<Record<SettingKey, Directive>> = {};
  private pending: Partial<Record<RowDirectiveKey, Directive>> = {};

  constructor(private readonly error: ReportError) {}

  /** Reads one comment line. */
  comment(text: string, line: number): void {
    const match = /^(@?[a-z][a-z-]*)\s*:\s*(.*)$/i.exec(text);
    if (!match) return;
    const written = match[1] as string;
    const key = written.toLowerCase();
    const entry = { value: (match[2] as string).trim(), line };
    const row = key.startsWith('@') ? key.slice(1) : (ROW_ONLY as readonly string[]).includes(key) ? key : null;
    if (row !== null) {
      if (!isRowKey(row)) {
        this.error({ line }, written, 'unknown-directive', `Okänt raddirektiv "# ${written}:"; kända är ${known()}`, {
          directive: written,
          known: known(),
        });
        return;
      }
      const before = this.pending[row];
      if (before)
        this.error(
          { line },
          row,
          'duplicate-directive',
          `@${row} anges redan på rad ${before.line} för samma rad: "${before.value}" och "${entry.value}"`,
          { directive: row, otherLine: before.line, before: before.value, text: entry.value },
        );
      else this.pending[row] = entry;
      return;
    }
    if (!(SETTINGS as readonly string[]).includes(key)) return;
    const setting = key as SettingKey;
    const before = this.settings[setting];
    if (before && before.value !== entry.value)
      this.error(
        { line },
        setting,
        'conflicting-setting',
        `# ${setting}: anges redan på rad ${before.line} som "${before.value}", här som "${entry.value}"`,
        { setting, otherLine: before.line, before: before.value, text: entry.value },
      );
    else if (!before) this.settings[setting] = entry;
  }

  /**
   * The directives written for the row of `kind` on `line`, taken (the next row starts afresh). A
   * directive that is not for that kind of row is an error.
   */
  take(kind: Kind | null, line: number): Partial<Record<RowDirectiveKey, Directive>> {
    const taken = this.pending;
    this.pending = {};
    if (kind === null) return taken;
    for (const [key, entry] of Object.entries(taken) as [RowDirectiveKey, Directive][]) {
      const kinds = ROW_DIRECTIVES[key] as readonly Kind[];
      if (!kinds.includes(kind))
        this.error(
          { line: entry.line },
          key,
          'directive-not-for-row',
          `@${key} gäller ${kinds.map((k) => `${k}-rader`).join(' och ')}, men nästa rad (rad ${line}) är en ${kind}-rad`,
          { variant: 'row-kind', directive: key, kinds: kinds.join(', '), line, kind },
        );
    }
    return taken;
  }

  /** Directives left with no row after them: errors, since they would apply to nothing. */
  finish(): void {
    for (const [key, entry] of Object.entries(this.pending) as [RowDirectiveKey, Directive][])
      this.error({ line: entry.line }, key, 'directive-without-row', `@${key} står sist och gäller ingen rad`, {
        directive: key,
      });
    this.pending = {};
  }
}
