import { parseAmount, readRate } from '@samplan/budget-table';
import {
  type Change,
  formatPercent,
  formatTkr,
  type Ore,
  type Plan,
  parseKronor,
  parseRate,
  type Rate,
} from '@samplan/engine';
import { Decimal } from 'decimal.js';
import { InputError } from './cliError.ts';

/** The scenario options of `samplan project`, as commander hands them over. */
export interface ScenarioFlags {
  state?: string;
  matching: boolean;
  esf: string[];
  utilization?: string;
  indexation?: string;
  employerAddOn?: string;
}

const flagError = (flag: string, message: string): InputError =>
  new InputError([{ code: 'bad-flag', message: `${flag}: ${message}`, field: flag }]);

/**
 * Turns the command-line levers into scenario changes: `--state -10%@2025` (or `-500000@2025`,
 * `-500 tkr@2025`), `--no-matching`, `--esf "Gränsgångare=rejected"` (or `approved`, `60%`),
 * `--utilization 0.9`, `--indexation 2%`, `--employer-add-on 31,42%`.
 */
export function changesFromFlags(plan: Plan, flags: ScenarioFlags): Change[] {
  const changes: Change[] = [];
  if (flags.state !== undefined) {
    const m = /^(.+?)\s*(%|tkr|kr)?\s*(?:@\s*(\d{4}))?$/.exec(flags.state.trim());
    const number = m ? parseAmount(m[1] as string) : null;
    if (!m || !number)
      throw flagError('--state', `"${flags.state}" ska vara t.ex. -10%@2025, -500000@2025 eller -500tkr@2025`);
    const fromYear = m[3] ? Number(m[3]) : (plan.years[0] as number);
    if (!plan.years.includes(fromYear))
      throw flagError('--state', `${fromYear} är inte ett av planens år (${plan.years.join(', ')})`);
    const value = new Decimal(number.value);
    if (m[2] === '%' || number.percent) {
      if (value.lessThan(-100)) throw flagError('--state', 'en neddragning kan inte vara större än 100 %');
      changes.push({
        type: 'state-allocation',
        fromYear,
        rate: value.dividedBy(100).toFixed(),
        matching: flags.matching,
      });
    } else {
      const amount = value.times(m[2] === 'tkr' ? 1000 : 1);
      if (amount.decimalPlaces() > 2) throw flagError('--state', 'beloppet har fler decimaler än öre');
      changes.push({ type: 'state-allocation', fromYear, amount: amount.toFixed(), matching: flags.matching });
    }
  }
  for (const text of flags.esf) {
    const at = text.lastIndexOf('=');
    const name = at < 0 ? '' : text.slice(0, at).trim();
    const decision =
      at < 0
        ? ''
        : text
            .slice(at + 1)
            .trim()
            .toLowerCase();
    const project = plan.esfProjects.find((p) => p.name.toLowerCase() === name.toLowerCase() || p.id === name);
    if (!project) {
      const known = plan.esfProjects.map((p) => `"${p.name}"`).join(', ') || 'inga';
      throw flagError(
        '--esf',
        `okänt ESF-projekt "${name}" (planens projekt: ${known}); skriv "<projekt>=rejected|approved|60%"`,
      );
    }
    const base = { type: 'esf-decision' as const, project: project.id, scaleCosts: false, keepLines: [] as string[] };
    if (decision === 'rejected' || decision === 'avslag') changes.push({ ...base, decision: 'rejected' });
    else if (decision === 'approved' || decision === 'beviljad') changes.push({ ...base, decision: 'approved' });
    else {
      const share = readRate(decision);
      if (share === null || new Decimal(share).lessThan(0) || new Decimal(share).greaterThan(1)) {
        throw flagError('--esf', `"${decision}" ska vara rejected, approved eller en andel som 60%`);
      }
      changes.push({ ...base, decision: 'approved', share });
    }
  }
  const rateFlag = (flag: string, value: string | undefined, min: number, max: number): string | undefined => {
    if (value === undefined) return undefined;
    const r = readRate(value);
    if (r === null || new Decimal(r).lessThan(min) || new Decimal(r).greaterThan(max))
      throw flagError(flag, `"${value}" ska vara en andel mellan ${min} och ${max}, t.ex. 0.9 eller 90%`);
    return r;
  };
  const utilization = rateFlag('--utilization', flags.utilization, 0, 1);
  if (utilization !== undefined) changes.push({ type: 'utilization', rate: utilization });
  const indexation = rateFlag('--indexation', flags.indexation, -1, 1);
  if (indexation !== undefined) changes.push({ type: 'indexation', rate: indexation });
  const addOn = rateFlag('--employer-add-on', flags.employerAddOn, 0, 2);
  if (addOn !== undefined) changes.push({ type: 'employer-add-on', rate: addOn });
  return changes;
}

/** A Swedish name for the levers set on the command line: "Staten −10 % från 2025, MIA Vidare beviljas". */
export function describeChanges(plan: Plan, changes: readonly Change[]): string {
  const pct = (r: string) => formatPercent(parseRate(r) as Rate, 2).replace(/,00 %/, ' %');
  const parts = changes.map((c) => {
    switch (c.type) {
      case 'state-allocation': {
        const size = c.rate !== undefined ? pct(c.rate) : formatTkr(kronorOre(c.amount ?? '0'));
        return `Staten ${size.startsWith('−') ? '' : '+'}${size} från ${c.fromYear}${c.matching ? '' : ' (utan följsamhet)'}`;
      }
      case 'esf-decision': {
        const name = plan.esfProjects.find((p) => p.id === c.project)?.name ?? c.project;
        if (c.decision === 'rejected') return `${name} avslås`;
        return c.share === undefined ? `${name} beviljas` : `${name} beviljas till ${pct(c.share)}`;
      }
      case 'utilization':
        return `Nyttjandegrad ${pct(c.rate)}`;
      case 'indexation':
        return `Indexering ${pct(c.rate)}`;
      case 'employer-add-on':
        return `PO-påslag ${pct(c.rate)}`;
      default:
        return c.type;
    }
  });
  return parts.join(', ');
}

const kronorOre = (kr: string): Ore => {
  const parsed = parseKronor(kr);
  return parsed.ok ? parsed.value : (0 as Ore);
};
