import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { exportBudgetTable } from '../src/exportBudgetTable.ts';
import { importBudgetTable } from '../src/importBudgetTable.ts';
import { corpusPlan } from './corpus/corpusPlan.ts';
import { csvVariants } from './corpus/csvVariants.ts';
import { outcomeOf, outcomeText } from './corpus/outcome.ts';
import { arbTablePlan } from './corpus/planArbitrary.ts';

/** The corpus table: each variant of the corpus plan's file and what importing it gave. */
export function csvCorpusTable(): { variant: string; lossless: boolean; outcome: ReturnType<typeof outcomeOf> }[] {
  const plan = corpusPlan();
  return csvVariants(plan).map((v) => ({
    variant: v.name,
    lossless: v.lossless,
    outcome: outcomeOf(importBudgetTable(v.bytes, 'budget.csv'), plan),
  }));
}

describe('the CSV file corpus', () => {
  it('the clean file is the plan', () => {
    const plan = corpusPlan();
    expect(outcomeOf(importBudgetTable(exportBudgetTable(plan), 'budget.csv'), plan)).toEqual({ kind: 'same plan' });
  });

  it('every variant gives the same projection as the clean file, or is refused at file:line:column', () => {
    const table = csvCorpusTable();
    console.info(
      `\n| variant | outcome |\n|---|---|\n${table.map((r) => `| ${r.variant} | ${outcomeText(r.outcome)} |`).join('\n')}\n`,
    );
    expect(table.length).toBeGreaterThanOrEqual(20);
    for (const row of table) {
      expect(row.outcome.kind, row.variant).not.toBe('DIFFERENT');
      if (row.lossless) expect(row.outcome, row.variant).toEqual({ kind: 'same plan' });
    }
    // The variants that cannot be read as they are say why, where.
    const refused = Object.fromEntries(
      table.filter((r) => r.outcome.kind === 'refused').map((r) => [r.variant, outcomeText(r.outcome)]),
    );
    expect(refused['no # unit: line']).toMatch(
      /^refused: budget\.csv:\d+:\d+: Filen anger inte om beloppen är i kr eller tkr/,
    );
    expect(refused['dots as thousands separators']).toMatch(
      /^refused: budget\.csv:\d+:\d+: (Tvetydigt|Ogiltigt) belopp/,
    );
  });

  it('would notice a different projection: one amount changed in the file', () => {
    const plan = corpusPlan();
    const text = exportBudgetTable(plan);
    expect(text).toContain(',1824471.5,');
    const changed = importBudgetTable(text.replace(',1824471.5,', ',1824471.6,'), 'budget.csv');
    expect(outcomeOf(changed, plan)).toEqual({ kind: 'DIFFERENT', why: 'the projection differs' });
  });

  it('random plans, each written in every variant, read back to the same plan (or are refused where)', () => {
    fc.assert(
      fc.property(arbTablePlan, (plan) => {
        for (const v of csvVariants(plan)) {
          const outcome = outcomeOf(importBudgetTable(v.bytes, 'budget.csv'), plan);
          if (v.lossless) expect(outcome, v.name).toEqual({ kind: 'same plan' });
          else expect(outcome.kind, `${v.name}: ${outcomeText(outcome)}`).not.toBe('DIFFERENT');
        }
      }),
      { numRuns: 60 },
    );
  });
});
