import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { kronor, type Ore } from './money.ts';
import { parseRate, type Rate, rate } from './rate.ts';
import { type StaffTerms, staffCost } from './staffCost.ts';

const r = (text: string) => parseRate(text) as Rate;

/** Sundbyberg: 25 % FTE at 38 000 kr a month, PO-påslag 32 %, indexed 2 % a year from 2020. */
const sundbyberg = (overrides: Partial<StaffTerms> = {}): StaffTerms => ({
  fte: r('0.25'),
  monthlySalary: kronor(38_000),
  salaryYear: 2020,
  employerAddOn: r('0.32'),
  indexation: r('0.02'),
  indexed: true,
  ...overrides,
});

describe('staffCost', () => {
  it('0.25 FTE × 38 000 kr × 12 × 1.32 = 150 480 kr exactly', () => {
    expect(staffCost(sundbyberg(), 2020, 12)).toBe(15_048_000);
  });

  it('1.5 FTE gives 902 880 kr ("ca 903 000" in Sundbyberg’s plan)', () => {
    expect(staffCost(sundbyberg({ fte: r('1.5') }), 2020, 12)).toBe(90_288_000);
  });

  it('indexes 2 % a year: 153 489.60 kr the next year, 156 559.39 kr the year after', () => {
    expect(staffCost(sundbyberg(), 2021, 12)).toBe(15_348_960);
    // 150 480 × 1.02² = 156 559.392 kr, rounded once to öre.
    expect(staffCost(sundbyberg(), 2022, 12)).toBe(15_655_939);
  });

  it('deflates years before the salary year', () => {
    // 150 480 / 1.02 = 147 529.4117… kr
    expect(staffCost(sundbyberg(), 2019, 12)).toBe(14_752_941);
  });

  it('does not index a line marked as not indexed', () => {
    expect(staffCost(sundbyberg({ indexed: false }), 2023, 12)).toBe(15_048_000);
  });

  it('pays months pro rata', () => {
    expect(staffCost(sundbyberg(), 2020, 6)).toBe(7_524_000);
    expect(staffCost(sundbyberg(), 2020, 1)).toBe(1_254_000);
    expect(staffCost(sundbyberg(), 2020, 0)).toBe(0);
    expect(staffCost(sundbyberg(), 2021, 9)).toBe(11_511_720);
  });

  it('rounds once: 0.33 FTE × 31 234.56 kr × 7 months × 1.3142, indexed 2.5 % twice', () => {
    const terms = sundbyberg({
      fte: r('0.33'),
      monthlySalary: 3_123_456 as Ore,
      employerAddOn: r('0.3142'),
      indexation: r('0.025'),
    });
    // 0.33 × 3 123 456 × 7 × 1.3142 × 1.025² = 9 953 697.33… öre
    const exact = 33n * 3_123_456n * 7n * 13_142n * 1025n * 1025n;
    const den = 100n * 10_000n * 1000n * 1000n;
    expect(BigInt(staffCost(terms, 2022, 7))).toBe((2n * exact + den) / (2n * den));
  });

  it('equals the exact rational rounded half away from zero (property)', () => {
    const fraction = (max: number) => fc.integer({ min: 0, max }).map((n) => rate(n, 10_000));
    fc.assert(
      fc.property(
        fraction(30_000),
        fc.integer({ min: 0, max: 10_000_000 }),
        fc.integer({ min: 2015, max: 2030 }),
        fraction(20_000),
        fc.integer({ min: -1000, max: 1000 }).map((n) => rate(n, 10_000)),
        fc.boolean(),
        fc.integer({ min: 2015, max: 2030 }),
        fc.integer({ min: 0, max: 12 }),
        (fte, salary, salaryYear, addOn, indexation, indexed, year, months) => {
          const terms: StaffTerms = {
            fte,
            monthlySalary: salary as Ore,
            salaryYear,
            employerAddOn: addOn,
            indexation,
            indexed,
          };
          const steps = indexed ? year - salaryYear : 0;
          const up = indexation.d + indexation.n;
          const down = indexation.d;
          let n = fte.n * BigInt(salary) * BigInt(months) * (addOn.d + addOn.n);
          let d = fte.d * addOn.d;
          if (steps > 0) {
            n *= up ** BigInt(steps);
            d *= down ** BigInt(steps);
          } else {
            n *= down ** BigInt(-steps);
            d *= up ** BigInt(-steps);
          }
          const exact = (2n * n + d) / (2n * d);
          expect(BigInt(staffCost(terms, year, months))).toBe(exact);
        },
      ),
    );
  });
});
