import type { Ore } from './money.ts';
import { divRound, type Rate } from './rate.ts';

/** A staff line's terms: FTE × monthly salary × months × (1 + PO-påslag), indexed yearly. */
export interface StaffTerms {
  fte: Rate;
  monthlySalary: Ore;
  salaryYear: number;
  employerAddOn: Rate;
  indexation: Rate;
  indexed: boolean;
}

/**
 * The cost of a staff line in `year` for `months` months, computed as one exact rational and
 * rounded once to whole öre: e.g. 0.25 × 38 000 kr × 12 × 1.32 = 150 480 kr (Sundbyberg).
 */
export function staffCost(terms: StaffTerms, year: number, months: number): Ore {
  if (months === 0) return 0 as Ore;
  let n = terms.fte.n * BigInt(terms.monthlySalary) * BigInt(months) * (terms.employerAddOn.d + terms.employerAddOn.n);
  let d = terms.fte.d * terms.employerAddOn.d;
  const steps = terms.indexed ? year - terms.salaryYear : 0;
  const up = terms.indexation.d + terms.indexation.n;
  const down = terms.indexation.d;
  for (let i = 0; i < Math.abs(steps); i++) {
    n *= steps > 0 ? up : down;
    d *= steps > 0 ? down : up;
  }
  return Number(divRound(n, d)) as Ore;
}
