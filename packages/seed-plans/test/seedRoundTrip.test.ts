import { exportBudgetTable, importBudgetTable } from '@samplan/budget-table';
import { auditPlan, projectPlan } from '@samplan/engine';
import { describe, expect, it } from 'vitest';
import { SEED_PLANS } from '../src/index.ts';
import { readSeedPlan } from '../src/readSeedPlan.ts';

describe.each(SEED_PLANS)('$title: export → import', ({ id }) => {
  it('gives the same plan, projection and audit', () => {
    const first = importBudgetTable(readSeedPlan(id), `${id}.csv`);
    if (!first.ok) throw new Error(JSON.stringify(first.errors));
    const second = importBudgetTable(exportBudgetTable(first.value), 'export.csv');
    if (!second.ok) throw new Error(JSON.stringify(second.errors));
    const strip = ({ stated, ...rest }: typeof first.value) => ({
      ...rest,
      stated: stated.map(({ source, ...s }) => s),
    });
    expect(strip(second.value)).toEqual(strip(first.value));
    expect(projectPlan(second.value)).toEqual(projectPlan(first.value));
    expect(auditPlan(second.value).entries.map(({ source, ...e }) => e)).toEqual(
      auditPlan(first.value).entries.map(({ source, ...e }) => e),
    );
  });
});
