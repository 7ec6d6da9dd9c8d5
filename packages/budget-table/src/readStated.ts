import { LINE_FIGURES, type PlanInput, type StatedFigure, StatedFigureSchema } from '@samplan/engine';
import { Decimal } from 'decimal.js';
import { numberProblemParams } from './numberProblemParams.ts';
import { type ParsedNumber, parseAmount, readNumber } from './parseAmount.ts';
import type { Directive, RowDirectiveKey } from './readDirectives.ts';
import { FIXED_COLUMNS, type ReportError } from './readHeader.ts';
import type { Cell } from './tableRecord.ts';

/** A stated figure as the plan input has it. */
export type StatedInput = NonNullable<PlanInput['stated']>[number];

/** A stated figure before its `lines` names are resolved to line ids. */
export type PendingStated = StatedInput & {
  __lines?: { names: string[]; line: number };
  /** The sign `# @sign:` says, if it says one. */
  __sign?: 'negative' | 'normal';
};

/** What reading a stated row needs from the table around it. */
export interface StatedContext {
  file: string;
  years: readonly number[];
  error: ReportError;
  /** Kronor per unit of an amount cell: its own unit (`tkr` after it), else the file's. */
  scaleOf: (parsed: ParsedNumber, cell: Cell) => number;
  /** The id of the ESF project with this name, read on an esf row above. */
  projectId: (name: string) => string | undefined;
  /** `# precision:` of the whole file, already checked. */
  filePrecision?: string;
}

/** Cost figures: a document that prints them negative uses the opposite sign to the engine's. */
const COST_FIGURES: ReadonlySet<StatedFigure> = new Set([
  'costs',
  'cost-individual',
  'cost-structural',
  'cost-administration',
  'cost-unallocated',
  'cost-operations',
]);

/** Whether a figure is a cost total; `lines` figures only once their lines are known. */
export const isCostFigure = (figure: StatedFigure): boolean => COST_FIGURES.has(figure);

/** A printed precision (`1000`, `0.5`): a positive plain number, in kronor. */
export function readPrecision(entry: Directive, error: ReportError, key: string): string | undefined {
  const parsed = parseAmount(entry.value);
  if (!parsed || parsed.percent || new Decimal(parsed.value).lessThanOrEqualTo(0)) {
    error(
      { line: entry.line },
      key,
      'bad-directive',
      `Ogiltig precision "${entry.value}" i # ${key}: ange värdet av den sista tryckta siffran i kr, t.ex. 1000 för hela tkr`,
      { variant: 'precision', directive: key, text: entry.value },
    );
    return undefined;
  }
  return parsed.value;
}

/** Line names of `# @lines: Kansli; Lokaler`: trimmed, `;`-separated, none empty. */
function readLineNames(entry: Directive, error: ReportError): string[] | null {
  const names = entry.value.split(';').map((n) => n.trim());
  if (names.some((n) => n === '')) {
    error(
      { line: entry.line },
      'lines',
      'bad-directive',
      `Ogiltig radlista "${entry.value}" i # @lines: skriv radernas namn eller id åtskilda med semikolon, t.ex. Kansli; Lokaler`,
      { variant: 'lines', directive: '@lines', text: entry.value },
    );
    return null;
  }
  return names;
}

/**
 * Reads a `stated` row: one figure per filled year cell, as printed. Amounts are in the file's
 * unit (or the one written after the number), shares in percent (`9,2 %` or `9,2`). The printed
 * decimals give the precision unless `# @precision:` or `# precision:` says it. A cost figure
 * printed negative keeps its value and gets `sign: 'negative'` (the audit compares −value), as
 * does every figure of a row with `# @sign: negative`; `# @sign: normal` says the sign is the
 * engine's even for a negative cost. `# @lines:` names the lines a `lines`/`share-lines` figure
 * sums, `# quote:` the sentence the figure was read from; the project column (`!Projekt`: it does
 * not run) the ESF assumption. Each figure's source is its cell: file, line, column, and for a
 * workbook the sheet and row.
 */
export function readStatedRow(
  ctx: StatedContext,
  cells: readonly Cell[],
  line: number,
  directives: Partial<Record<RowDirectiveKey, Directive>>,
): PendingStated[] {
  const { error } = ctx;
  const get = (k: number) => cells[k]?.text.trim() ?? '';
  const group = get(2).toLowerCase();
  const name = get(1);
  const project = get(3);
  if (!(StatedFigureSchema.options as readonly string[]).includes(group)) {
    error(
      cells[2] ?? { line },
      'group',
      'bad-group',
      `Okänd stated-grupp "${get(2)}": ska vara ${StatedFigureSchema.options.join(', ')}`,
      { kind: 'stated', text: get(2), allowed: StatedFigureSchema.options.join(', ') },
    );
    return [];
  }
  const figure = group as StatedFigure;
  const share = figure.startsWith('share-');

  let precisionOverride = ctx.filePrecision;
  if (directives.precision) {
    if (share)
      error(
        { line: directives.precision.line },
        'precision',
        'directive-not-for-row',
        'En andels precision är decimalerna den skrivs med; @precision gäller belopp',
        { variant: 'share-precision', directive: '@precision', figure },
      );
    else precisionOverride = readPrecision(directives.precision, error, '@precision');
  }
  let sign: 'negative' | 'normal' | undefined;
  if (directives.sign) {
    const value = directives.sign.value.toLowerCase();
    if (value !== 'negative' && value !== 'normal')
      error(
        { line: directives.sign.line },
        'sign',
        'bad-directive',
        `Ogiltigt tecken "${directives.sign.value}" i # @sign: skriv negative (dokumentet trycker talet med omvänt tecken) eller normal`,
        { variant: 'sign', directive: '@sign', text: directives.sign.value },
      );
    else if (share)
      error({ line: directives.sign.line }, 'sign', 'directive-not-for-row', '@sign gäller belopp, inte andelar', {
        variant: 'share-sign',
        directive: '@sign',
        figure,
      });
    else sign = value;
  }
  let lines: { names: string[]; line: number } | undefined;
  if (directives.lines) {
    const names = readLineNames(directives.lines, error);
    if (names) lines = { names, line: directives.lines.line };
  }
  if (LINE_FIGURES.has(figure) && !directives.lines)
    error(
      cells[2] ?? { line },
      'group',
      'lines-missing',
      `En stated-rad med gruppen ${figure} behöver raden # @lines: med namnen på raderna som summeras`,
      { figure },
    );
  if (!LINE_FIGURES.has(figure) && directives.lines)
    error(
      { line: directives.lines.line },
      'lines',
      'directive-not-for-row',
      `# @lines: gäller stated-rader med gruppen lines eller share-lines, inte ${figure}`,
      { variant: 'lines-figure', directive: '@lines', figure },
    );
  const quote = directives.quote?.value;
  if (directives.quote && quote === '')
    error({ line: directives.quote.line }, 'quote', 'bad-directive', '# quote: saknar text', {
      variant: 'quote',
      directive: 'quote',
      text: '',
    });

  const negated = project.startsWith('!');
  const projectName = negated ? project.slice(1).trim() : project;
  let when: StatedInput['when'];
  if (projectName) {
    const id = ctx.projectId(projectName);
    if (!id)
      error(
        cells[3] ?? { line },
        'project',
        'unknown-project',
        `Projektet "${projectName}" har ingen esf-rad ovanför`,
        {
          project: projectName,
        },
      );
    else when = { project: id, runs: !negated };
  }

  const out: PendingStated[] = [];
  ctx.years.forEach((year, k) => {
    const cell = cells[FIXED_COLUMNS.length + k];
    const raw = cell?.text.trim() ?? '';
    if (!cell || raw === '') return;
    const read = readNumber(raw, { numeric: typeof cell.value === 'number' });
    if (!read.ok) {
      const params = numberProblemParams(read, raw, String(year));
      if (read.code === 'ambiguous-amount')
        error(cell, String(year), read.code, `Tvetydigt belopp i kolumn ${year}: ${read.reason}`, params);
      else error(cell, String(year), read.code, `Ogiltigt belopp "${raw}" i kolumn ${year}`, params);
      return;
    }
    const parsed = read.number;
    let value: Decimal;
    let precision: Decimal;
    if (share) {
      if (parsed.unit) {
        error(cell, String(year), 'invalid-amount', `En andel anges i procent, inte i ${parsed.unit}: "${raw}"`, {
          variant: 'share-unit',
          text: raw,
          column: String(year),
          unit: parsed.unit,
        });
        return;
      }
      value = new Decimal(parsed.value).dividedBy(100);
      precision = new Decimal(10).pow(-parsed.decimals).dividedBy(100);
    } else {
      if (parsed.percent) {
        error(
          cell,
          String(year),
          'invalid-amount',
          `Ogiltigt belopp "${raw}" i kolumn ${year}: ${figure} är inget procenttal`,
          { variant: 'percent', text: raw, column: String(year), figure },
        );
        return;
      }
      const scale = ctx.scaleOf(parsed, cell);
      value = new Decimal(parsed.value).times(scale);
      precision = new Decimal(10).pow(-parsed.decimals).times(scale);
      if (value.decimalPlaces() > 2) {
        error(cell, String(year), 'amount-precision', `Beloppet "${raw}" har fler decimaler än öre`, {
          text: raw,
          column: String(year),
        });
        return;
      }
      if (precisionOverride !== undefined) precision = new Decimal(precisionOverride);
    }
    const entry: PendingStated = {
      year,
      figure,
      value: value.toFixed(),
      label: name,
      source: {
        file: ctx.file,
        line: cell.line,
        column: cell.column,
        ...(cell.sheet !== undefined ? { sheet: cell.sheet, row: cell.line } : {}),
        ...(quote ? { quote } : {}),
      },
    };
    if (precision.greaterThan(share ? 0 : 1)) entry.precision = precision.toFixed();
    if (when) entry.when = when;
    if (lines) entry.__lines = lines;
    if (sign) entry.__sign = sign;
    if (sign === 'negative' || (sign === undefined && isCostFigure(figure) && value.isNegative() && !value.isZero()))
      entry.sign = 'negative';
    out.push(entry);
  });
  return out;
}
