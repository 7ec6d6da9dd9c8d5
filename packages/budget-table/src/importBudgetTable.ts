import {
  type CostLine,
  fail,
  type Issue,
  type Member,
  type Plan,
  type PlanInput,
  parsePlan,
  type Result,
  StatedFigureSchema,
} from '@samplan/engine';
import { Decimal } from 'decimal.js';
import { parseAmount } from './parseAmount.ts';
import { createIdMaker } from './slugify.ts';
import type { Cell, TableRecord } from './tableRecord.ts';
import { detectSeparator, tokenizeCsv } from './tokenizeCsv.ts';

/** The fixed columns of a budget table, before the year columns. */
export const FIXED_COLUMNS = ['kind', 'name', 'group', 'project', 'start', 'end', 'total'] as const;
const KINDS = ['member', 'esf', 'income', 'cost', 'equity', 'stated'] as const;
const MEMBER_GROUPS = ['state', 'region', 'kommun'] as const;
const CATEGORIES = ['individual', 'structural', 'administration', 'unallocated'] as const;
const MAX_ERRORS = 50;

type Position = { line: number; column: number; field: string };

/**
 * Reads a budget table (../shared/formats/budget-table.md) into a validated plan. Every error
 * names the file, line, column and field with the cell's text; all errors are collected, not just
 * the first. Accepts more than the format requires: `# plan:`, `# utilization:` and other
 * settings as comment directives, `# @id:`/`# @member:`/`# @population:`/`# @utilization:`/
 * `# @staff:` directives for the next row, `applied` on esf rows, and more stated figures.
 */
export function importBudgetTable(input: string, file = 'budget.csv'): Result<Plan> {
  const text = input.replace(/^\uFEFF/, '');
  const { records, unclosedQuote } = tokenizeCsv(text, detectSeparator(text));
  const issues: Issue[] = unclosedQuote
    ? [
        {
          code: 'unclosed-quote',
          message: 'Citattecknet stängs aldrig',
          file,
          line: unclosedQuote.line,
          column: unclosedQuote.column,
          field: '',
        },
      ]
    : [];
  return importBudgetRecords(records, file, { issues });
}

/**
 * Reads a budget table from its records, whatever file they came from (the CSV tokenizer, a
 * workbook's sheet): the rows of cells with their positions, and the `#` comments. `file` is what
 * every error and stated figure names as its file; `name` is the plan's name when no `# plan:`
 * says it (by default `file` without folder and `.csv`); `issues` are errors found before the
 * records (they come first and make the import fail).
 */
export function importBudgetRecords(
  records: readonly TableRecord[],
  file: string,
  options: { name?: string; issues?: readonly Issue[] } = {},
): Result<Plan> {
  const errors: Issue[] = [...(options.issues ?? [])];
  const error = (at: { line: number; column?: number }, field: string, code: string, message: string) => {
    if (errors.length < MAX_ERRORS) errors.push({ code, message, file, line: at.line, column: at.column ?? 1, field });
  };

  const settings: Record<string, { value: string; line: number }> = {};
  let pendingRow: Record<string, { value: string; line: number }> = {};
  let header: { cells: Cell[]; years: number[]; line: number } | null = null;
  const rows: { cells: Cell[]; line: number; directives: typeof pendingRow }[] = [];

  for (const record of records) {
    if (record.type === 'comment') {
      const directive = /^(@?[a-z-]+)\s*:\s*(.*)$/i.exec(record.text);
      if (!directive) continue;
      const key = (directive[1] as string).toLowerCase();
      const entry = { value: (directive[2] as string).trim(), line: record.line };
      if (key.startsWith('@')) pendingRow[key.slice(1)] = entry;
      else settings[key] = entry;
      continue;
    }
    if (record.cells.every((c) => c.text.trim() === '')) continue;
    if (!header) {
      header = readHeader(record, error);
      if (!header) return fail(...errors);
      continue;
    }
    rows.push({ cells: record.cells, line: record.line, directives: pendingRow });
    pendingRow = {};
  }
  if (!header) {
    return fail(...errors, {
      code: 'no-header',
      message: 'Filen saknar rubrikrad (kind,name,group,project,start,end,total,år…)',
      file,
      line: 1,
      column: 1,
      field: '',
    });
  }
  const years = header.years;
  const unitSetting = settings.unit;
  const unit = (unitSetting?.value ?? 'kr').toLowerCase();
  if (unit !== 'kr' && unit !== 'tkr')
    error(
      { line: unitSetting?.line ?? 1 },
      'unit',
      'bad-unit',
      `Okänd enhet "${unitSetting?.value}": ange kr eller tkr`,
    );
  const scale = unit === 'tkr' ? 1000 : 1;

  const positions = new Map<string, Position>();
  const remember = (path: (string | number)[], cell: Cell | undefined, field: string, line: number) =>
    positions.set(path.join('.'), { line: cell?.line ?? line, column: cell?.column ?? 1, field });

  /** Reads an amount cell, in the file's unit, as a kronor decimal string. */
  const money = (
    cell: Cell | undefined,
    field: string,
    line: number,
    opts: { cost?: boolean } = {},
  ): string | null | undefined => {
    const raw = cell?.text.trim() ?? '';
    if (raw === '') return undefined;
    const parsed = parseAmount(raw);
    if (!parsed || parsed.percent) {
      error(cell ?? { line }, field, 'invalid-amount', `Ogiltigt belopp "${raw}" i kolumn ${field}`);
      return null;
    }
    let value = new Decimal(parsed.value).times(scale);
    if (opts.cost) value = value.abs();
    if (value.decimalPlaces() > 2) {
      error(
        cell ?? { line },
        field,
        'amount-precision',
        `Beloppet "${raw}" har fler decimaler än öre i kolumn ${field}`,
      );
      return null;
    }
    return value.toFixed();
  };
  const yearAmounts = (cells: Cell[], line: number, path: (string | number)[], opts: { cost?: boolean } = {}) => {
    const out: Record<string, string> = {};
    years.forEach((year, k) => {
      const cell = cells[FIXED_COLUMNS.length + k];
      const value = money(cell, String(year), line, opts);
      if (value) {
        out[String(year)] = value;
        remember([...path, String(year)], cell, String(year), line);
      }
    });
    return out;
  };
  const rateSetting = (entry: { value: string; line: number } | undefined, what: string): string | undefined => {
    if (!entry) return undefined;
    const r = readRate(entry.value);
    if (r === null) error({ line: entry.line }, what, 'invalid-rate', `Ogiltig andel "${entry.value}" för ${what}`);
    return r ?? undefined;
  };

  const nextId = createIdMaker();
  const members: Member[] = [];
  const projects = new Map<string, { id: string; name: string; status: 'approved' | 'applied'; line: number }>();
  const revenues: PlanInput['revenues'] = [];
  const costs: (CostLine & {
    __line: number;
    __projectName?: string;
    __memberName?: { value: string; line: number };
  })[] = [];
  const stated: NonNullable<PlanInput['stated']> = [];
  let openingEquity: string | undefined;
  let equityLine = 0;

  for (const row of rows) {
    const { cells, line, directives } = row;
    const get = (k: number) => cells[k]?.text.trim() ?? '';
    const extra = cells.slice(FIXED_COLUMNS.length + years.length).find((c) => c.text.trim() !== '');
    if (extra) error(extra, '', 'extra-cell', `Raden har fler celler än rubrikraden: "${extra.text.trim()}"`);
    const kind = get(0).toLowerCase();
    const name = get(1);
    const group = get(2).toLowerCase();
    const project = get(3);
    if (!(KINDS as readonly string[]).includes(kind)) {
      error(cells[0] ?? { line }, 'kind', 'unknown-kind', `Okänd radtyp "${get(0)}": ska vara ${KINDS.join(', ')}`);
      continue;
    }
    if (name === '' && kind !== 'equity') error(cells[1] ?? { line }, 'name', 'missing-name', 'Raden saknar namn');
    const wantedId = directives.id?.value;
    switch (kind) {
      case 'member': {
        if (!(MEMBER_GROUPS as readonly string[]).includes(group)) {
          error(
            cells[2] ?? { line },
            'group',
            'bad-group',
            `Medlemmens grupp "${get(2)}" ska vara state, region eller kommun`,
          );
          break;
        }
        const index = members.length;
        const amounts = yearAmounts(cells, line, ['members', index, 'amounts']);
        const member: Member = { id: nextId(name, wantedId), name, group: group as Member['group'] };
        if (Object.keys(amounts).length > 0) member.amounts = amounts;
        const population = directives.population;
        if (population) {
          const parsed = parseAmount(population.value);
          if (!parsed || parsed.decimals > 0 || parsed.value.startsWith('-'))
            error(
              { line: population.line },
              'population',
              'bad-population',
              `Ogiltigt invånarantal "${population.value}"`,
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
          );
          break;
        }
        if (group !== '' && group !== 'approved' && group !== 'applied') {
          error(
            cells[2] ?? { line },
            'group',
            'bad-group',
            `Gruppen på en esf-rad ska vara tom, approved eller applied, inte "${get(2)}"`,
          );
          break;
        }
        const status = group === 'applied' ? 'applied' : 'approved';
        let p = projects.get(project);
        if (!p) {
          p = { id: nextId(project, directives['project-id']?.value), name: project, status, line };
          projects.set(project, p);
        } else if (group !== '' && p.status !== status) {
          error(
            cells[2] ?? { line },
            'group',
            'conflicting-status',
            `Projektet "${project}" är ${p.status} på rad ${p.line} men ${status} här`,
          );
        }
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
        if (openingEquity !== undefined) {
          error(
            cells[0] ?? { line },
            'kind',
            'duplicate-equity',
            `Ingående eget kapital anges redan på rad ${equityLine}`,
          );
          break;
        }
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
          );
        }
        openingEquity = money(first, String(years[0]), line) ?? '0';
        equityLine = line;
        remember(['openingEquity'], first, String(years[0]), line);
        break;
      }
      case 'cost': {
        if (!(CATEGORIES as readonly string[]).includes(group)) {
          error(
            cells[2] ?? { line },
            'group',
            'bad-group',
            `Kostnadens kategori "${get(2)}" ska vara individual, structural, administration eller unallocated`,
          );
          break;
        }
        const index = costs.length;
        const path = ['costs', index];
        const start = get(4);
        const end = get(5);
        const total = money(cells[6], 'total', line, { cost: true });
        const amounts = yearAmounts(cells, line, [...path, 'amount', 'amounts'], { cost: true });
        const hasYears = Object.keys(amounts).length > 0;
        for (const [k, value] of [
          [4, start],
          [5, end],
        ] as const) {
          if (value !== '' && !/^\d{4}-\d{2}-\d{2}$/.test(value))
            error(cells[k] ?? { line }, FIXED_COLUMNS[k], 'invalid-date', `Datum "${value}" ska skrivas ÅÅÅÅ-MM-DD`);
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
            );
            break;
          }
          amount = { type: 'staff', ...terms, ...(start ? { start } : {}), ...(end ? { end } : {}) };
        } else if (total !== undefined && total !== null) {
          if (!start || !end) {
            error(cells[6] ?? { line }, 'total', 'total-without-period', 'En total kräver både start och end');
            break;
          }
          if (hasYears) {
            error(
              cells[6] ?? { line },
              'total',
              'total-and-years',
              'Ange antingen total med period eller belopp per år, inte båda',
            );
            break;
          }
          amount = { type: 'period', start, end, total };
        } else {
          amount = { type: 'yearly', amounts, ...(start ? { start } : {}), ...(end ? { end } : {}) };
        }
        const cost = {
          id: nextId(name, wantedId),
          name,
          category: group as CostLine['category'],
          amount,
          __line: line,
          ...(project ? { __projectName: project } : {}),
          ...(directives.member ? { __memberName: directives.member } : {}),
        } as (typeof costs)[number];
        remember([...path, 'project'], cells[3], 'project', line);
        const util = rateSetting(directives.utilization, 'utilization');
        if (util !== undefined) cost.utilization = util;
        costs.push(cost);
        break;
      }
      case 'stated': {
        if (!(StatedFigureSchema.options as readonly string[]).includes(group)) {
          error(
            cells[2] ?? { line },
            'group',
            'bad-group',
            `Okänd stated-grupp "${get(2)}": ska vara ${StatedFigureSchema.options.join(', ')}`,
          );
          break;
        }
        const share = group.startsWith('share-');
        years.forEach((year, k) => {
          const cell = cells[FIXED_COLUMNS.length + k];
          const raw = cell?.text.trim() ?? '';
          if (raw === '') return;
          const parsed = parseAmount(raw);
          if (!parsed) {
            error(cell ?? { line }, String(year), 'invalid-amount', `Ogiltigt belopp "${raw}" i kolumn ${year}`);
            return;
          }
          let value: Decimal;
          let precision: Decimal;
          if (share) {
            value = new Decimal(parsed.value).dividedBy(100);
            precision = new Decimal(10).pow(-parsed.decimals).dividedBy(100);
          } else {
            value = new Decimal(parsed.value).times(scale);
            precision = new Decimal(10).pow(-parsed.decimals).times(scale);
            if (value.decimalPlaces() > 2) {
              error(cell ?? { line }, String(year), 'amount-precision', `Beloppet "${raw}" har fler decimaler än öre`);
              return;
            }
          }
          const negated = project.startsWith('!');
          const projectName = negated ? project.slice(1).trim() : project;
          const entry: NonNullable<PlanInput['stated']>[number] = {
            year,
            figure: group as Plan['stated'][number]['figure'],
            value: value.toFixed(),
            label: name,
            source: { file, line: cell?.line ?? line, column: cell?.column ?? 1 },
          };
          const printed = directives.precision ? parseAmount(directives.precision.value) : null;
          if (printed && !share) precision = new Decimal(printed.value);
          if (precision.greaterThan(share ? 0 : 1)) entry.precision = precision.toFixed();
          if (projectName) {
            const p = projects.get(projectName);
            if (!p)
              error(
                cells[3] ?? { line },
                'project',
                'unknown-project',
                `Projektet "${projectName}" har ingen esf-rad ovanför`,
              );
            else entry.when = { project: p.id, runs: !negated };
          }
          stated.push(entry);
        });
        break;
      }
    }
  }

  // References by name: ESF projects of cost rows, requisitioning members.
  for (const cost of costs) {
    if (cost.__projectName !== undefined) {
      const p = projects.get(cost.__projectName);
      if (!p) {
        const pos = positions.get(`costs.${costs.indexOf(cost)}.project`);
        error(
          pos ?? { line: cost.__line },
          'project',
          'unknown-project',
          `Projektet "${cost.__projectName}" har ingen esf-rad`,
        );
      } else cost.project = p.id;
    }
    if (cost.__memberName) {
      const m = members.find((x) => x.name === cost.__memberName?.value || x.id === cost.__memberName?.value);
      if (!m)
        error(
          { line: cost.__memberName.line },
          'member',
          'unknown-member',
          `Medlemmen "${cost.__memberName.value}" finns inte bland member-raderna`,
        );
      else cost.member = m.id;
    }
  }
  if (openingEquity === undefined) {
    error(
      { line: header.line },
      'equity',
      'missing-equity',
      'Filen saknar en equity-rad med ingående eget kapital (skriv 0 om det inte finns något)',
    );
  }
  if (errors.length) return fail(...errors);

  const plan: PlanInput = {
    version: 1,
    name: settings.plan?.value || (options.name ?? file.replace(/^.*[\\/]/, '').replace(/\.csv$/i, '')),
    years,
    openingEquity: openingEquity ?? '0',
    members,
    esfProjects: [...projects.values()].map(({ id, name, status }) => ({ id, name, status })),
    revenues,
    costs: costs.map(({ __line, __projectName, __memberName, ...c }) => c),
    assumptions: {
      utilization: rateSetting(settings.utilization, 'utilization') ?? '1',
      indexation: rateSetting(settings.indexation, 'indexation') ?? '0.02',
      employerAddOn: rateSetting(settings['employer-add-on'], 'employer-add-on') ?? '0.32',
    },
    thresholds: {
      equityCap: rateSetting(settings['equity-cap'], 'equity-cap') ?? '0.2',
      adminShare: readBand(settings['admin-share'], error) ?? { min: '0', max: '0.15' },
    },
    stated,
  };
  if (errors.length) return fail(...errors);
  const parsed = parsePlan(plan);
  if (parsed.ok) return parsed;
  return fail(
    ...parsed.errors.map((e) => {
      const path = e.path ?? [];
      let pos: Position | undefined;
      for (let k = path.length; k > 0 && !pos; k--) pos = positions.get(path.slice(0, k).join('.'));
      const stat = path[0] === 'stated' ? plan.stated?.[Number(path[1])]?.source : undefined;
      return {
        ...e,
        file,
        line: pos?.line ?? stat?.line ?? header.line,
        column: pos?.column ?? stat?.column ?? 1,
        field: pos?.field ?? e.field,
      };
    }),
  );
}

function readHeader(
  record: Extract<TableRecord, { type: 'row' }>,
  error: (at: { line: number; column?: number }, field: string, code: string, message: string) => void,
): { cells: Cell[]; years: number[]; line: number } | null {
  const names = record.cells.map((c) => c.text.trim().toLowerCase());
  for (const [k, expected] of FIXED_COLUMNS.entries()) {
    if (names[k] !== expected) {
      error(
        record.cells[k] ?? { line: record.line },
        expected,
        'bad-header',
        `Rubrikraden ska börja med ${FIXED_COLUMNS.join(',')}; kolumn ${k + 1} är "${record.cells[k]?.text.trim() ?? ''}", väntade "${expected}"`,
      );
      return null;
    }
  }
  const yearCells = record.cells
    .slice(FIXED_COLUMNS.length)
    .filter((c, k, all) => c.text.trim() !== '' || k < all.length - 1);
  const years: number[] = [];
  for (const cell of yearCells) {
    const year = Number(cell.text.trim());
    if (!/^\d{4}$/.test(cell.text.trim())) {
      error(cell, 'year', 'bad-year', `Årskolumnens rubrik "${cell.text.trim()}" är inget årtal`);
      return null;
    }
    if (years.length > 0 && year !== (years.at(-1) as number) + 1) {
      error(
        cell,
        String(year),
        'years-not-consecutive',
        `Åren ska följa på varandra: ${years.at(-1)} följs av ${year}`,
      );
      return null;
    }
    years.push(year);
  }
  if (years.length < 3 || years.length > 5) {
    error(
      record.cells[FIXED_COLUMNS.length] ?? { line: record.line },
      'year',
      'year-count',
      `Tabellen ska ha 3 till 5 årskolumner, inte ${years.length}`,
    );
    return null;
  }
  return { cells: record.cells, years, line: record.line };
}

/** `90 %`, `0,9`, `0.9` → `"0.9"`; null if it is not a rate. */
export function readRate(text: string): string | null {
  const parsed = parseAmount(text);
  if (!parsed) return null;
  return parsed.percent ? new Decimal(parsed.value).dividedBy(100).toFixed() : parsed.value;
}

function readBand(
  entry: { value: string; line: number } | undefined,
  error: (at: { line: number }, field: string, code: string, message: string) => void,
): { min: string; max: string } | undefined {
  if (!entry) return undefined;
  const parts = entry.value.split(/\s*[–—]\s*|\s+-\s+|\s*\.\.\s*/);
  const percent = entry.value.includes('%');
  const rates = parts.map((p) => readRate(percent && !p.includes('%') ? `${p} %` : p));
  if (rates.length !== 2 || rates.some((r) => r === null)) {
    error(
      { line: entry.line },
      'admin-share',
      'invalid-rate',
      `Ogiltigt intervall "${entry.value}": skriv t.ex. 0 %–15 %`,
    );
    return undefined;
  }
  return { min: rates[0] as string, max: rates[1] as string };
}

/** Reads `fte=0.25 salary=38000 year=2020 add-on=0.32 indexed=yes`. */
function readStaff(text: string): Omit<Extract<CostLine['amount'], { type: 'staff' }>, 'type'> | null {
  const pairs = new Map(
    text
      .split(/[\s,;]+/)
      .filter(Boolean)
      .map((p) => p.split('=') as [string, string]),
  );
  const fte = readRate(pairs.get('fte') ?? '');
  const salary = parseAmount(pairs.get('salary') ?? '');
  if (fte === null || !salary || salary.percent) return null;
  const out: Omit<Extract<CostLine['amount'], { type: 'staff' }>, 'type'> = {
    fte,
    monthlySalary: salary.value,
    indexed: (pairs.get('indexed') ?? 'yes') !== 'no',
  };
  const year = pairs.get('year');
  if (year !== undefined) {
    if (!/^\d{4}$/.test(year)) return null;
    out.salaryYear = Number(year);
  }
  const addOn = pairs.get('add-on');
  if (addOn !== undefined) {
    const r = readRate(addOn);
    if (r === null) return null;
    out.employerAddOn = r;
  }
  return out;
}
