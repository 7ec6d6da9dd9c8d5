import type { CostLine, Member } from '@samplan/engine';
import type { Directive, RowDirectiveKey } from './readDirectives.ts';
import { FIXED_COLUMNS, type ReportError } from './readHeader.ts';
import { readStaff } from './readRates.ts';
import type { Cell, Position } from './tableRecord.ts';

const CATEGORIES = ['individual', 'structural', 'administration', 'unallocated'] as const;

/** What reading a row needs from the importer: its years, errors, amounts in the file's unit, positions, ids. */
export interface RowContext {
  years: readonly number[];
  error: ReportError;
  /** An amount cell in kronor: undefined when empty, null when wrong (reported). */
  money: (cell: Cell | undefined, field: string, opts?: { cost?: boolean }) => string | null | undefined;
  /** The filled year cells of a row as kronor by year, each cell remembered under `path`. */
  yearAmounts: (
    cells: Cell[],
    line: number,
    path: (string | number)[],
    opts?: { cost?: boolean },
  ) => Record<string, string>;
  /** Remembers where a plan path was read, to map the plan's validation errors back to cells. */
  remember: (path: (string | number)[], cell: Cell | undefined, field: string, line: number) => void;
  /** A rate directive (`95 %`), checked. */
  rateSetting: (entry: Directive | undefined, what: string) => string | undefined;
  nextId: (name: string, wanted?: string) => string;
}

/** A cost line before its ESF project and requisitioning member, named in the file, are resolved. */
export type PendingCost = CostLine & { __line: number; __projectName?: string; __memberName?: Directive };

/** A date cell as `ÅÅÅÅ-MM-DD`: a workbook's date by its value, whatever format shows it. */
const dateText = (cell: Cell | undefined): string =>
  cell?.value instanceof Date && !Number.isNaN(cell.value.getTime())
    ? cell.value.toISOString().slice(0, 10)
    : (cell?.text.trim() ?? '');

/**
 * Reads a `cost` row: the category in `group`, then yearly amounts, or `start`+`end`+`total`
 * spread pro rata, or `# @staff:` terms (the year cells then informational); a period on yearly
 * amounts too. Amounts are costs: a printed minus is the same cost. Null (errors reported) when
 * the row cannot be read.
 */
export function readCostRow(
  ctx: RowContext,
  cells: Cell[],
  line: number,
  directives: Partial<Record<RowDirectiveKey, Directive>>,
  index: number,
): PendingCost | null {
  const { error, money, yearAmounts, remember } = ctx;
  const get = (k: number) => cells[k]?.text.trim() ?? '';
  const name = get(1);
  const group = get(2).toLowerCase();
  const project = get(3);
  if (!(CATEGORIES as readonly string[]).includes(group)) {
    error(
      cells[2] ?? { line },
      'group',
      'bad-group',
      `Kostnadens kategori "${get(2)}" ska vara individual, structural, administration eller unallocated`,
      { kind: 'cost', text: get(2), allowed: CATEGORIES.join(', ') },
    );
    return null;
  }
  const path = ['costs', index];
  const start = dateText(cells[4]);
  const end = dateText(cells[5]);
  const total = money(cells[6], 'total', { cost: true });
  const amounts = yearAmounts(cells, line, [...path, 'amount', 'amounts'], { cost: true });
  const hasYears = Object.keys(amounts).length > 0;
  for (const [k, value] of [
    [4, start],
    [5, end],
  ] as const) {
    if (value !== '' && !/^\d{4}-\d{2}-\d{2}$/.test(value))
      error(cells[k] ?? { line }, FIXED_COLUMNS[k], 'invalid-date', `Datum "${value}" ska skrivas ÅÅÅÅ-MM-DD`, {
        text: value,
        column: FIXED_COLUMNS[k],
      });
    remember([...path, 'amount', FIXED_COLUMNS[k]], cells[k], FIXED_COLUMNS[k], line);
  }
  remember([...path, 'amount', 'total'], cells[6], 'total', line);
  remember(path, cells[1], 'name', line);
  let amount: CostLine['amount'];
  const staff = directives.staff;
  if (staff) {
    const terms = readStaff(staff.value);
    if (!terms) {
      error(
        { line: staff.line },
        'staff',
        'bad-staff',
        `Ogiltig @staff-rad "${staff.value}": skriv t.ex. fte=0.25 salary=38000 year=2020 add-on=0.32 indexed=yes`,
        { text: staff.value },
      );
      return null;
    }
    amount = { type: 'staff', ...terms, ...(start ? { start } : {}), ...(end ? { end } : {}) };
  } else if (total !== undefined && total !== null) {
    if (!start || !end) {
      error(cells[6] ?? { line }, 'total', 'total-without-period', 'En total kräver både start och end', {
        text: cells[6]?.text.trim() ?? '',
      });
      return null;
    }
    if (hasYears) {
      error(
        cells[6] ?? { line },
        'total',
        'total-and-years',
        'Ange antingen total med period eller belopp per år, inte båda',
        { text: cells[6]?.text.trim() ?? '' },
      );
      return null;
    }
    amount = { type: 'period', start, end, total };
  } else {
    amount = { type: 'yearly', amounts, ...(start ? { start } : {}), ...(end ? { end } : {}) };
  }
  const cost: PendingCost = {
    id: ctx.nextId(name, directives.id?.value),
    name,
    category: group as CostLine['category'],
    amount,
    __line: line,
    ...(project ? { __projectName: project } : {}),
    ...(directives.member ? { __memberName: directives.member } : {}),
  };
  remember([...path, 'project'], cells[3], 'project', line);
  const util = ctx.rateSetting(directives.utilization, 'utilization');
  if (util !== undefined) cost.utilization = util;
  return cost;
}

/**
 * The cost lines with their ESF project and requisitioning member as ids: a project by the name
 * of an esf row, a member by its id or else the one member of that name. Unknown or ambiguous
 * names are errors.
 */
export function resolveCostReferences(
  costs: readonly PendingCost[],
  known: {
    projects: ReadonlyMap<string, { id: string }>;
    members: readonly Member[];
    positions: ReadonlyMap<string, Position>;
  },
  error: ReportError,
): CostLine[] {
  return costs.map(({ __line, __projectName, __memberName, ...cost }, index) => {
    if (__projectName !== undefined) {
      const p = known.projects.get(__projectName);
      if (!p)
        error(
          known.positions.get(`costs.${index}.project`) ?? { line: __line },
          'project',
          'unknown-project',
          `Projektet "${__projectName}" har ingen esf-rad`,
          { project: __projectName },
        );
      else cost.project = p.id;
    }
    if (__memberName) {
      const wanted = __memberName.value;
      const named = known.members.filter((x) => x.name === wanted);
      const m = known.members.find((x) => x.id === wanted) ?? (named.length === 1 ? named[0] : undefined);
      if (m) cost.member = m.id;
      else if (named.length > 1)
        error(
          { line: __memberName.line },
          'member',
          'ambiguous-member',
          `Flera medlemmar heter "${wanted}" (${named.map((x) => x.id).join(', ')}); skriv id:t i # @member:`,
          { member: wanted, ids: named.map((x) => x.id).join(', ') },
        );
      else
        error(
          { line: __memberName.line },
          'member',
          'unknown-member',
          `Medlemmen "${wanted}" finns inte bland member-raderna`,
          { member: wanted },
        );
    }
    return cost;
  });
}
