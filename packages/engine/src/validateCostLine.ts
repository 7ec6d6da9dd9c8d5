import { isRealDate, monthIndex, monthsInYears } from './calendar.ts';
import { MAX_CELL_ORE, parseKronor } from './money.ts';
import type { CostLine } from './planSchema.ts';
import { compareRates, parseRate, type Rate } from './rate.ts';
import { staffCost } from './staffCost.ts';

/** What a cost line is checked against: the plan's years, ids and assumptions. */
export interface LineContext {
  years: readonly number[];
  projects: { has(id: string): boolean };
  members: { has(id: string): boolean };
  employerAddOn: string;
  indexation: string;
}

type At = (path: (string | number)[], code: string, message: string) => void;

/** Checks a decimal-string amount in kronor: syntax, öre precision, the per-cell range. */
export function checkAmount(value: string, path: (string | number)[], at: At): void {
  const parsed = parseKronor(value);
  if (parsed.ok) return;
  at(
    path,
    `amount-${parsed.error}`,
    parsed.error === 'range'
      ? `Beloppet ${value} kr är större än 1 000 000 000 kr`
      : `Ogiltigt belopp "${value}" (högst två decimaler, i kronor)`,
  );
}

/** Checks a rate string lies in `[min, max]`. */
export function checkRate(
  value: string,
  min: number,
  max: number,
  path: (string | number)[],
  at: At,
  what: string,
): Rate | null {
  const r = parseRate(value);
  if (
    !r ||
    compareRates(r, parseRate(String(min)) as Rate) < 0 ||
    compareRates(r, parseRate(String(max)) as Rate) > 0
  ) {
    at(path, 'rate-range', `${what} ska vara mellan ${min} och ${max}`);
    return null;
  }
  return r;
}

/** The indexation range the engine accepts (±50 % a year): beyond it a year's deflation could divide by zero. */
export const INDEXATION_RANGE = [-0.5, 0.5] as const;

/**
 * Checks one cost line, of the plan or a scenario's new insats: references, rates, dates, amounts,
 * yearly amounts inside the line's own period, and a staff line's cost within the exact range.
 */
export function validateCostLine(c: CostLine, path: (string | number)[], ctx: LineContext, at: At): void {
  const yearSet = new Set(ctx.years.map(String));
  if (c.project !== undefined && !ctx.projects.has(c.project))
    at([...path, 'project'], 'unknown-project', `ESF-projektet "${c.project}" finns inte`);
  if (c.member !== undefined && !ctx.members.has(c.member))
    at([...path, 'member'], 'unknown-member', `Medlemmen "${c.member}" finns inte`);
  if (c.utilization !== undefined) checkRate(c.utilization, 0, 1, [...path, 'utilization'], at, 'Nyttjandegraden');
  const a = c.amount;
  let datesOk = true;
  for (const key of ['start', 'end'] as const) {
    const value = a[key];
    if (value !== undefined && !isRealDate(value)) {
      at([...path, 'amount', key], 'invalid-date', `${value} är inget giltigt datum`);
      datesOk = false;
    }
  }
  if (datesOk && a.start && a.end && monthIndex(a.end) < monthIndex(a.start)) {
    at([...path, 'amount', 'end'], 'period-reversed', `Perioden slutar (${a.end}) före den börjar (${a.start})`);
    datesOk = false;
  }
  switch (a.type) {
    case 'yearly': {
      const first = datesOk && a.start ? monthIndex(a.start) : Number.NEGATIVE_INFINITY;
      const last = datesOk && a.end ? monthIndex(a.end) : Number.POSITIVE_INFINITY;
      for (const [year, value] of Object.entries(a.amounts)) {
        const p = [...path, 'amount', 'amounts', year];
        if (!yearSet.has(year))
          at(p, 'year-outside-plan', `${year} är inte ett av planens år (${ctx.years.join(', ')})`);
        checkAmount(value, p, at);
        const months = monthsInYears(first, last, [Number(year)])[0] ?? 0;
        const parsed = parseKronor(value);
        if (months === 0 && parsed.ok && parsed.value !== 0) {
          at(
            p,
            'amount-outside-period',
            `Beloppet för ${year} ligger utanför insatsens period (${a.start ?? '…'} – ${a.end ?? '…'})`,
          );
        }
      }
      break;
    }
    case 'period':
      checkAmount(a.total, [...path, 'amount', 'total'], at);
      break;
    case 'staff': {
      checkAmount(a.monthlySalary, [...path, 'amount', 'monthlySalary'], at);
      const fte = checkRate(a.fte, 0, 100, [...path, 'amount', 'fte'], at, 'Tjänstgöringsgraden');
      const addOn = checkRate(
        a.employerAddOn ?? ctx.employerAddOn,
        0,
        2,
        [...path, 'amount', 'employerAddOn'],
        at,
        'PO-påslaget',
      );
      const first = ctx.years[0] ?? 0;
      const last = ctx.years.at(-1) ?? 0;
      if (a.salaryYear !== undefined && (a.salaryYear < first - 10 || a.salaryYear > last + 10)) {
        at(
          [...path, 'amount', 'salaryYear'],
          'salary-year-range',
          `Löneåret ${a.salaryYear} ska ligga högst tio år från planens år`,
        );
        break;
      }
      const salary = parseKronor(a.monthlySalary);
      const index = parseRate(ctx.indexation);
      const indexOk =
        index &&
        compareRates(index, parseRate('-0.5') as Rate) >= 0 &&
        compareRates(index, parseRate('0.5') as Rate) <= 0;
      if (fte && addOn && salary.ok && index && indexOk) {
        const worst = Math.max(
          ...ctx.years.map((y) =>
            Math.abs(
              staffCost(
                {
                  fte,
                  monthlySalary: salary.value,
                  salaryYear: a.salaryYear ?? first,
                  employerAddOn: addOn,
                  indexation: index,
                  indexed: a.indexed,
                },
                y,
                12,
              ),
            ),
          ),
        );
        if (worst > MAX_CELL_ORE)
          at(
            [...path, 'amount', 'monthlySalary'],
            'amount-range',
            'Personalkostnaden blir större än 1 000 000 000 kr om året',
          );
      }
      break;
    }
  }
}
