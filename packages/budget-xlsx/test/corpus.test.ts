import { importBudgetTable } from '@samplan/budget-table';
import { SEED_PLANS } from '@samplan/seed-plans';
import { readSeedPlan } from '@samplan/seed-plans/node';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { corpusPlan } from '../../budget-table/test/corpus/corpusPlan.ts';
import { outcomeOf, outcomeText } from '../../budget-table/test/corpus/outcome.ts';
import { arbTablePlan } from '../../budget-table/test/corpus/planArbitrary.ts';
import { importBudgetWorkbook } from '../src/index.ts';
import { xlsxVariants } from './corpus/xlsxVariants.ts';

describe('the xlsx file corpus', () => {
  it('every variant gives the same plan as the clean file, or is refused at file:line:column', async () => {
    const plan = corpusPlan();
    const table: { variant: string; outcome: string }[] = [];
    for (const v of await xlsxVariants(plan)) {
      const result = await importBudgetWorkbook(v.bytes, 'budget.xlsx');
      const outcome = outcomeOf(result, plan);
      table.push({ variant: v.name, outcome: outcomeText(outcome) });
      expect(outcome.kind, v.name).not.toBe('DIFFERENT');
      if (v.lossless) expect(outcome, v.name).toEqual({ kind: 'same plan' });
      if (v.name.includes('noise')) expect(result.notes.length, v.name).toBeGreaterThan(0);
    }
    console.info(
      `\n| variant | outcome |\n|---|---|\n${table.map((r) => `| ${r.variant} | ${r.outcome} |`).join('\n')}\n`,
    );
    const refused = Object.fromEntries(table.map((r) => [r.variant, r.outcome]));
    expect(refused['a formula without a cached result']).toMatch(
      /^refused: budget\.xlsx\[Budget\]:\d+:\d+: Formeln =\S+ i Budget![A-Z]+\d+ har inget sparat värde/,
    );
    expect(refused['no # unit: row']).toMatch(/^refused: budget\.xlsx\[Budget\]:\d+:\d+: Filen anger inte om beloppen/);
  });

  it.each(SEED_PLANS)('$title: every lossless variant reads back to the seed plan', async ({ id }) => {
    const seed = importBudgetTable(readSeedPlan(id), `${id}.csv`);
    if (!seed.ok) throw new Error(JSON.stringify(seed.errors));
    for (const v of await xlsxVariants(seed.value)) {
      const outcome = outcomeOf(await importBudgetWorkbook(v.bytes, `${id}.xlsx`), seed.value);
      if (v.lossless) expect(outcome, v.name).toEqual({ kind: 'same plan' });
      else expect(outcome.kind, v.name).toBe('refused');
    }
  });

  it('random plans, each written in every variant, read back to the same plan (or are refused where)', async () => {
    await fc.assert(
      fc.asyncProperty(arbTablePlan, async (plan) => {
        for (const v of await xlsxVariants(plan)) {
          const outcome = outcomeOf(await importBudgetWorkbook(v.bytes, 'budget.xlsx'), plan);
          if (v.lossless) expect(outcome, v.name).toEqual({ kind: 'same plan' });
          else expect(outcome.kind, `${v.name}: ${outcomeText(outcome)}`).not.toBe('DIFFERENT');
        }
      }),
      { numRuns: 15 },
    );
  });
});
