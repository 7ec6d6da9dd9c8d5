import {
  fail,
  formatDecimalSv,
  type Issue,
  type Member,
  type Plan,
  type PlanInput,
  parsePlan,
  type Result,
} from '@samplan/engine';
import { Decimal } from 'decimal.js';
import type { ReadNote } from './issueCodes.ts';
import { numberProblemParams } from './numberProblemParams.ts';
import { type ParsedNumber, parseAmount, readNumber, UNIT_SCALE } from './parseAmount.ts';
import { type PendingCost, type RowContext, readCostRow, resolveCostReferences } from './readCostRow.ts';
import { type Directive, Directives, type RowDirectiveKey } from './readDirectives.ts';
import { FIXED_COLUMNS, type Header, KINDS, type ReportError, readHeader } from './readHeader.ts';
import { readBand, readRate } from './readRates.ts';
import { type PendingStated, readPrecision, readStatedRow } from './readStated.ts';
import { trimRow } from './readTableGrid.ts';
import { resolveLines } from './resolveLines.ts';
import { createIdMaker } from './slugify.ts';
import type { Cell, Position, TableRecord } from './tableRecord.ts';

const MEMBER_GROUPS = ['state', 'region', 'kommun'] as const;
const MAX_ERRORS = 50;

/** What the caller knows that the file may not say. */
export interface ImportOptions {
  /**
   * The unit of the file's amounts when it has no `# unit:` line (the user was asked). Without
   * either, a file with an amount that has no unit after it is refused with code `missing-unit`.
   * A `# unit:` line that says otherwise is an error (`unit-conflict`).
   */
  unit?: 'kr' | 'tkr';
}

/** Options of `importBudgetRecords`. */
export interface RecordsOptions extends ImportOptions {
  /** The plan's name when no `# plan:` says it; by default `file` without folder and `.csv`. */
  name?: string;
  /** Errors found before the records (they come first and make the import fail). */
  issues?: readonly Issue[];
  /** Notes found before the records (how the file was decoded, float noise rounded). */
  notes?: readonly string[];
  /** `notes` as data (code, params, the same Swedish sentence), one for each. */
  noteReasons?: readonly ReadNote[];
}

/**
 * A plan read from a file, or why not, and in both cases what the reader decided: in Swedish
 * (`notes`), and as data for a UI in another language (`noteReasons`, one for each note).
 */
export type ImportResult = Result<Plan> & { notes: string[]; noteReasons: ReadNote[] };

type Row = { cells: Cell[]; line: number; directives: Partial<Record<RowDirectiveKey, Directive>> };

const kindOf = (cells: readonly Cell[]) => {
  const first = cells[0]?.text.trim().toLowerCase() ?? '';
  return (KINDS as readonly string[]).includes(first) ? (first as (typeof KINDS)[number]) : null;
};

/**
 * Reads a budget table from its records, whatever file they came from (the CSV tokenizer, a
 * workbook's sheet): the rows of cells with their positions, and the `#` comments. `file` is what
 * every error and stated figure names as its file. See docs/formats/budget-table.md.
 */
export function importBudgetRecords(
  records: readonly TableRecord[],
  file: string,
  options: RecordsOptions = {},
): ImportResult {
  const notes = [...(options.notes ?? [])];
  const noteReasons = [...(options.noteReasons ?? [])];
  const done = (result: Result<Plan>): ImportResult => ({ ...result, notes, noteReasons });
  const errors: Issue[] = [...(options.issues ?? [])];
  const error: ReportError = (at, field, code, message, params) => {
    if (errors.length < MAX_ERRORS)
      errors.push({ code, message, params, file, line: at.line, column: at.column ?? 1, field });
  };

  const directives = new Directives(error);
  let header: Header | null = null;
  let firstRow: Extract<TableRecord, { type: 'row' }> | null = null;
  const beforeHeader: Cell[] = [];
  const rows: Row[] = [];
  for (const record of records) {
    if (record.type === 'comment') {
      directives.comment(record.text, record.line);
      continue;
    }
    const cells = trimRow(record.cells);
    if (cells.length === 0) continue;
    if (!header) {
      if (cells[0]?.text.trim().toLowerCase() === 'kind') {
        header = readHeader({ ...record, cells: record.cells }, error);
        if (!header) return done(fail(...errors));
      } else {
        // A title row above the header; a data row there is an error once the header is found.
        firstRow ??= { ...record, cells };
        if (kindOf(cells)) beforeHeader.push(cells[0] as Cell);
      }
      continue;
    }
    rows.push({ cells, line: record.line, directives: directives.take(kindOf(cells), record.line) });
  }
  directives.finish();
  if (!header) {
    if (firstRow) readHeader(firstRow, error);
    else
      error({ line: 1 }, '', 'no-header', 'Filen saknar rubrikrad (kind,name,group,project,start,end,total,år…)', {
        columns: FIXED_COLUMNS.join(','),
      });
    return done(fail(...errors));
  }
  for (const cell of beforeHeader)
    error(cell, 'kind', 'row-before-header', `Raden "${cell.text.trim()}" står före rubrikraden (rad ${header.line})`, {
      text: cell.text.trim(),
      headerLine: header.line,
    });
  const years = header.years;
  const settings = directives.settings;

  // The unit: `# unit:`, else the caller's; never guessed (an amount with its own unit needs neither).
  let fileScale: number | null = null;
  if (settings.unit) {
    const unit = settings.unit.value.toLowerCase();
    if (unit !== 'kr' && unit !== 'tkr')
      error(
        { line: settings.unit.line },
        'unit',
        'bad-unit',
        `Okänd enhet "${settings.unit.value}": ange kr eller tkr`,
        { text: settings.unit.value },
      );
    else {
      fileScale = UNIT_SCALE[unit];
      if (options.unit && options.unit !== unit)
        error(
          { line: settings.unit.line },
          'unit',
          'unit-conflict',
          `Filen anger enheten ${unit} (# unit: ${settings.unit.value}), men importen valde ${options.unit}`,
          { unit, text: settings.unit.value, chosen: options.unit },
        );
    }
  } else if (options.unit) fileScale = UNIT_SCALE[options.unit];
  // The first amount without a unit, or the first non-zero one once there is one: the refusal shows
  // it read both ways, which says nothing for a 0.
  let unitless: { cell: Cell; field: string; zero: boolean } | null = null;
  const scaleOf = (parsed: ParsedNumber, cell: Cell, field: string): number => {
    if (parsed.unit) return UNIT_SCALE[parsed.unit];
    if (fileScale !== null) return fileScale;
    const zero = new Decimal(parsed.value).isZero();
    if (unitless === null || (unitless.zero && !zero)) unitless = { cell, field, zero };
    // Read on in tkr only to find the other errors: whatever fails in tkr fails in kr too.
    return 1000;
  };

  const positions = new Map<string, Position>();
  const remember = (path: (string | number)[], cell: Cell | undefined, field: string, line: number) =>
    positions.set(path.join('.'), { line: cell?.line ?? line, column: cell?.column ?? 1, field });

  /** Reads an amount cell, in its unit, as a kronor decimal string; undefined when empty, null when wrong. */
  const money = (cell: Cell | undefined, field: string, opts: { cost?: boolean } = {}): string | null | undefined => {
    const raw = cell?.text.trim() ?? '';
    if (!cell || raw === '') return undefined;
    const read = readNumber(raw, { numeric: typeof cell.value === 'number' });
    if (!read.ok || read.number.percent) {
      if (!read.ok && read.code === 'ambiguous-amount')
        error(
          cell,
          field,
          read.code,
          `Tvetydigt belopp i kolumn ${field}: ${read.reason}`,
          numberProblemParams(read, raw, field),
        );
      else
        error(cell, field, 'invalid-amount', `Ogiltigt belopp "${raw}" i kolumn ${field}`, {
          text: raw,
          column: field,
        });
      return null;
    }
    let value = new Decimal(read.number.value).times(scaleOf(read.number, cell, field));
    if (opts.cost) value = value.abs();
    if (value.decimalPlaces() > 2) {
      error(cell, field, 'amount-precision', `Beloppet "${raw}" har fler decimaler än öre i kolumn ${field}`, {
        text: raw,
        column: field,
      });
      return null;
    }
    return value.toFixed();
  };
  const yearAmounts = (cells: Cell[], line: number, path: (string | number)[], opts: { cost?: boolean } = {}) => {
    const out: Record<string, string> = {};
    years.forEach((year, k) => {
      const cell = cells[FIXED_COLUMNS.length + k];
      const value = money(cell, String(year), opts);
      if (value) {
        out[String(year)] = value;
        remember([...path, String(year)], cell, String(year), line);
      }
    });
    return out;
  };
  const rateSetting = (entry: Directive | undefined, what: string): string | undefined => {
    if (!entry) return undefined;
    const r = readRate(entry.value);
    if (r === null)
      error({ line: entry.line }, what, 'invalid-rate', `Ogiltig andel "${entry.value}" för ${what}`, {
        text: entry.value,
        setting: what,
      });
    return r ?? undefined;
  };
  const band = (entry: Directive | undefined): { min: string; max: string } | undefined => {
    if (!entry) return undefined;
    const b = readBand(entry.value);
    if (!b)
      error(
        { line: entry.line },
        'admin-share',
        'invalid-rate',
        `Ogiltigt intervall "${entry.value}": skriv t.ex. 0 %–15 %`,
        { variant: 'band', text: entry.value, setting: 'admin-share' },
      );
    return b ?? undefined;
  };
  const filePrecision = settings.precision ? readPrecision(settings.precision, error, 'precision') : undefined;

  const nextId = createIdMaker();
  const rowContext: RowContext = { years, error, money, yearAmounts, remember, rateSetting, nextId };
  const members: Member[] = [];
  const projects = new Map<string, { id: string; name: string; status: 'approved' | 'applied'; line: number }>();
  const revenues: NonNullable<PlanInput['revenues']> = [];
  const costs: PendingCost[] = [];
  const stated: PendingStated[] = [];
  let openingEquity: string | undefined;
  let equityLine = 0;
  const statedContext = {
    file,
    years,
    error,
    filePrecision,
    scaleOf: (parsed: ParsedNumber, cell: Cell) => scaleOf(parsed, cell, ''),
    projectId: (name: string) => projects.get(name)?.id,
  };

  for (const row of rows) {
    const { cells, line, directives: rowDirectives } = row;
    const get = (k: number) => cells[k]?.text.trim() ?? '';
    const extra = cells.slice(FIXED_COLUMNS.length + years.length).find((c) => c.text.trim() !== '');
    if (extra)
      error(extra, '', 'extra-cell', `Raden har fler celler än rubrikraden: "${extra.text.trim()}"`, {
        text: extra.text.trim(),
      });
    const kind = kindOf(cells);
    const name = get(1);
    const group = get(2).toLowerCase();
    const project = get(3);
    if (!kind) {
      error(cells[0] ?? { line }, 'kind', 'unknown-kind', `Okänd radtyp "${get(0)}": ska vara ${KINDS.join(', ')}`, {
        text: get(0),
        kinds: KINDS.join(', '),
      });
      continue;
    }
    const noAmounts = cells.slice(FIXED_COLUMNS.length).every((c) => c.text.trim() === '');
    // An esf row without a name or amounts declares its project only (a project without revenue lines).
    const declaresProject = kind === 'esf' && name === '' && noAmounts;
    if (name === '' && kind !== 'equity' && !declaresProject)
      error(cells[1] ?? { line }, 'name', 'missing-name', 'Raden saknar namn', { kind });
    const wantedId = rowDirectives.id?.value;
    switch (kind) {
      case 'member': {
        if (!(MEMBER_GROUPS as readonly string[]).includes(group)) {
          error(
            cells[2] ?? { line },
            'group',
            'bad-group',
            `Medlemmens grupp "${get(2)}" ska vara state, region eller kommun`,
            { kind: 'member', text: get(2), allowed: MEMBER_GROUPS.join(', ') },
          );
          break;
        }
        const index = members.length;
        const amounts = yearAmounts(cells, line, ['members', index, 'amounts']);
        const member: Member = { id: nextId(name, wantedId), name, group: group as Member['group'] };
        if (Object.keys(amounts).length > 0) member.amounts = amounts;
        const population = rowDirectives.population;
        if (population) {
          const parsed = parseAmount(population.value);
          if (!parsed || parsed.decimals > 0 || parsed.value.startsWith('-') || parsed.percent)
            error(
              { line: population.line },
              'population',
              'bad-population',
              `Ogiltigt invånarantal "${population.value}"`,
              { text: population.value },
            );
          else member.population = Number(parsed.value);
        }
        remember(['members', index], cells[1], 'name', line);
        members.push(member);
        break;
      }
      case 'esf': {
        if (project === '') {
          error(
            cells[3] ?? { line },
            'project',
            'missing-project',
            'En esf-rad måste ange sitt projekt i kolumnen project',
            { kind },
          );
          break;
        }
        if (group !== '' && group !== 'approved' && group !== 'applied') {
          error(
            cells[2] ?? { line },
            'group',
            'bad-group',
            `Gruppen på en esf-rad ska vara tom, approved eller applied, inte "${get(2)}"`,
            { kind: 'esf', text: get(2), allowed: 'approved, applied' },
          );
          break;
        }
        const status = group === 'applied' ? 'applied' : 'approved';
        let p = projects.get(project);
        if (!p) {
          p = { id: nextId(project, rowDirectives['project-id']?.value), name: project, status, line };
          projects.set(project, p);
        } else if (group !== '' && p.status !== status) {
          error(
            cells[2] ?? { line },
            'group',
            'conflicting-status',
            `Projektet "${project}" är ${p.status} på rad ${p.line} men ${status} här`,
            { project, otherStatus: p.status, otherLine: p.line, status },
          );
        }
        if (declaresProject) break;
        const index = revenues.length;
        revenues.push({
          id: nextId(name, wantedId),
          kind: 'esf',
          name,
          project: p.id,
          amounts: yearAmounts(cells, line, ['revenues', index, 'amounts']),
        });
        remember(['revenues', index], cells[3], 'project', line);
        break;
      }
      case 'income': {
        const index = revenues.length;
        revenues.push({
          id: nextId(name, wantedId),
          kind: 'income',
          name,
          amounts: yearAmounts(cells, line, ['revenues', index, 'amounts']),
        });
        remember(['revenues', index], cells[1], 'name', line);
        break;
      }
      case 'equity': {
        if (openingEquity !== undefined || equityLine > 0) {
          error(
            cells[0] ?? { line },
            'kind',
            'duplicate-equity',
            `Ingående eget kapital anges redan på rad ${equityLine}`,
            { otherLine: equityLine },
          );
          break;
        }
        equityLine = line;
        const first = cells[FIXED_COLUMNS.length];
        const laterIndex = years.findIndex(
          (_, k) => k > 0 && (cells[FIXED_COLUMNS.length + k]?.text.trim() ?? '') !== '',
        );
        if (laterIndex > 0) {
          error(
            cells[FIXED_COLUMNS.length + laterIndex] ?? { line },
            String(years[laterIndex]),
            'equity-later-year',
            `Ingående eget kapital hör hemma i första årets kolumn (${years[0]}); dokumentets senare värden anges som stated-rad med gruppen opening-equity`,
            {
              firstYear: years[0] as number,
              year: years[laterIndex] as number,
              text: cells[FIXED_COLUMNS.length + laterIndex]?.text.trim() ?? '',
            },
          );
        }
        const value = money(first, String(years[0]));
        if (value === undefined)
          error(
            first ?? cells[0] ?? { line },
            String(years[0]),
            'missing-equity-amount',
            `equity-raden saknar belopp i första årets kolumn (${years[0]}): skriv 0, eller ta bort raden om dokumentet inte anger något ingående eget kapital`,
            { firstYear: years[0] as number },
          );
        else if (value !== null) openingEquity = value;
        remember(['openingEquity'], first, String(years[0]), line);
        break;
      }
      case 'cost': {
        const cost = readCostRow(rowContext, cells, line, rowDirectives, costs.length);
        if (cost) costs.push(cost);
        break;
      }
      case 'stated':
        stated.push(...readStatedRow(statedContext, cells, line, rowDirectives));
        break;
    }
  }

  // References by name: ESF projects of cost rows, requisitioning members, the lines of stated sums.
  const finishedCosts = resolveCostReferences(costs, { projects, members, positions }, error);
  const lineKinds = resolveLines(stated, { members, revenues, costs }, error);
  const finished = stated.map(({ __lines, __sign, ...s }) => {
    const allCosts = s.lines !== undefined && s.lines.length > 0 && s.lines.every((id) => lineKinds.get(id) === 'cost');
    if (__sign === undefined && allCosts && new Decimal(s.value).isNegative() && s.value !== '0') s.sign = 'negative';
    if (__sign === 'normal') delete s.sign;
    return s;
  });
  if (unitless && fileScale === null && !settings.unit) {
    const { cell } = unitless as { cell: Cell; field: string; zero: boolean };
    const raw = cell.text.trim();
    const parsed = parseAmount(raw);
    const inKr = parsed ? new Decimal(parsed.value) : null;
    const sv = (d: Decimal) => formatDecimalSv(d.toFixed(), d.decimalPlaces());
    const both = inKr ? ` ("${raw}" är ${sv(inKr)} kr eller ${sv(inKr.times(1000))} kr)` : '';
    errors.unshift({
      code: 'missing-unit',
      message: `Filen anger inte om beloppen är i kr eller tkr${both}: lägg till raden # unit: tkr eller # unit: kr, eller välj enheten vid importen`,
      // The amount read both ways, as decimal strings in kronor (the UI formats them).
      params: { text: raw, ...(inKr ? { kr: inKr.toFixed(), tkr: inKr.times(1000).toFixed() } : {}) },
      file,
      line: cell.line,
      column: cell.column,
      field: 'unit',
    });
  }
  if (errors.length) return done(fail(...errors));

  const plan: PlanInput = {
    version: 1,
    name: settings.plan?.value || (options.name ?? file.replace(/^.*[\\/]/, '').replace(/\.(csv|tsv|txt)$/i, '')),
    years,
    ...(openingEquity !== undefined ? { openingEquity } : {}),
    members,
    esfProjects: [...projects.values()].map(({ id, name, status }) => ({ id, name, status })),
    revenues,
    costs: finishedCosts,
    assumptions: {
      utilization: rateSetting(settings.utilization, 'utilization') ?? '1',
      indexation: rateSetting(settings.indexation, 'indexation') ?? '0.02',
      employerAddOn: rateSetting(settings['employer-add-on'], 'employer-add-on') ?? '0.32',
    },
    thresholds: {
      equityCap: rateSetting(settings['equity-cap'], 'equity-cap') ?? '0.2',
      adminShare: band(settings['admin-share']) ?? { min: '0', max: '0.15' },
    },
    stated: finished,
  };
  if (errors.length) return done(fail(...errors));
  const parsed = parsePlan(plan);
  if (parsed.ok) return done(parsed);
  const headerLine = header.line;
  return done(
    fail(
      ...parsed.errors.map((e) => {
        const path = e.path ?? [];
        let pos: Position | undefined;
        for (let k = path.length; k > 0 && !pos; k--) pos = positions.get(path.slice(0, k).join('.'));
        const stat = path[0] === 'stated' ? plan.stated?.[Number(path[1])]?.source : undefined;
        return {
          ...e,
          file,
          line: pos?.line ?? stat?.line ?? headerLine,
          column: pos?.column ?? stat?.column ?? 1,
          field: pos?.field ?? e.field,
        };
      }),
    ),
  );
}
