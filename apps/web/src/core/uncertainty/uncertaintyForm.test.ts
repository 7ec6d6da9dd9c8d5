import { importBudgetTable } from '@samplan/budget-table';
import type { Plan, Scenario } from '@samplan/engine';
import { readSeedPlan } from '@samplan/seed-plans/node';
import { describe, expect, it } from 'vitest';
import { exampleForm, formToModel, loadModels, modelToForm, saveModel, storageKey } from './uncertaintyForm.ts';

const imported = importBudgetTable(readSeedPlan('goteborg-2023'), 'goteborg-2023.csv');
if (!imported.ok) throw new Error('seed plan');
const plan: Plan = imported.value;
const BAD = 'bad percent';

/** A Storage stand-in. */
const memory = () => {
  const items = new Map<string, string>();
  return {
    items,
    getItem: (k: string) => items.get(k) ?? null,
    setItem: (k: string, v: string) => void items.set(k, v),
  };
};

describe('the uncertainty form', () => {
  it('turns the example ranges into the engine’s model and back', () => {
    const model = formToModel(exampleForm(plan), plan, undefined, BAD);
    if (!model.ok) throw new Error(JSON.stringify(model.errors));
    expect(model.value).toEqual({
      levers: [
        {
          type: 'state-change',
          fromYear: 2024,
          matching: true,
          distribution: { type: 'uniform', min: '-0.15', max: '0' },
        },
        {
          type: 'esf-approval',
          project: 'landa-och-move-on',
          distribution: { type: 'bernoulli', p: '0.5' },
          scaleCosts: false,
          keepLines: [],
        },
        {
          type: 'esf-approval',
          project: 'gransgangare',
          distribution: { type: 'bernoulli', p: '0.5' },
          scaleCosts: false,
          keepLines: [],
        },
        { type: 'utilization', distribution: { type: 'uniform', min: '0.85', max: '1' } },
        { type: 'indexation', distribution: { type: 'uniform', min: '0.01', max: '0.04' } },
      ],
    });
    expect(modelToForm(model.value, plan)).toEqual(exampleForm(plan));
  });

  it('reads typed percentages (Swedish comma, minus sign) and triangular ranges', () => {
    const form = exampleForm(plan, false);
    form.utilization = { on: true, shape: 'triangular', min: '85', mode: '92,5', max: '100' };
    form.state = { ...form.state, on: true, min: '−12,5', max: '0' };
    const model = formToModel(form, plan, undefined, BAD);
    expect(model.ok && model.value.levers).toEqual([
      {
        type: 'state-change',
        fromYear: 2024,
        matching: true,
        distribution: { type: 'uniform', min: '-0.125', max: '0' },
      },
      { type: 'utilization', distribution: { type: 'triangular', min: '0.85', mode: '0.925', max: '1' } },
    ]);
  });

  it('says which lever and field is wrong', () => {
    const form = exampleForm(plan);
    form.indexation = { ...form.indexation, min: 'fyra' };
    expect(formToModel(form, plan, undefined, BAD)).toEqual({
      ok: false,
      errors: [{ lever: 'indexation', field: 'min', message: BAD }],
    });
    const reversed = exampleForm(plan);
    reversed.utilization = { ...reversed.utilization, min: '100', max: '85' };
    const esf = reversed.esf.gransgangare;
    if (esf) esf.p = '150';
    const result = formToModel(reversed, plan, undefined, BAD);
    expect(result.ok ? [] : result.errors.map((e) => [e.lever, e.field])).toEqual([
      ['esf:gransgangare', 'p'],
      ['utilization', 'max'],
    ]);
  });

  it('stores a model per scenario and reads back only what still fits the plan', () => {
    const storage = memory();
    const base = formToModel(exampleForm(plan), plan, undefined, BAD);
    if (!base.ok) throw new Error('model');
    saveModel(storage, 'Göteborg', null, base.value);
    const scenario: Scenario = { id: 'cut', name: 'Cut', changes: [] };
    const withScenario = { ...plan, scenarios: [scenario] };
    const scenarioModel = formToModel(exampleForm(withScenario), withScenario, scenario, BAD);
    if (!scenarioModel.ok) throw new Error('model');
    saveModel(storage, 'Göteborg', 'cut', scenarioModel.value);
    expect([...storage.items.keys()]).toEqual([storageKey('Göteborg')]);
    expect(loadModels(storage, 'Göteborg', withScenario)).toEqual(
      new Map([
        ['', base.value],
        ['cut', scenarioModel.value],
      ]),
    );
    // The scenario is gone from the plan: its model is ignored.
    expect([...loadModels(storage, 'Göteborg', plan).keys()]).toEqual(['']);
    // A project the plan no longer has: the model is ignored.
    const fewer = { ...plan, esfProjects: plan.esfProjects.slice(0, 1) };
    expect(loadModels(storage, 'Göteborg', fewer).size).toBe(0);
    storage.setItem(storageKey('Göteborg'), '{not json');
    expect(loadModels(storage, 'Göteborg', plan).size).toBe(0);
  });

  it('keeps a model whose state change starts in a year the plan no longer has: it starts in the nearest year', () => {
    const storage = memory();
    const form = exampleForm(plan);
    form.state.fromYear = plan.years[0] as number;
    const model = formToModel(form, plan, undefined, BAD);
    if (!model.ok) throw new Error('model');
    saveModel(storage, 'Göteborg', null, model.value);
    const later = { ...plan, years: plan.years.slice(1) };
    const state = (m: typeof model.value | undefined) => m?.levers.find((l) => l.type === 'state-change');
    expect(state(loadModels(storage, 'Göteborg', later).get(''))).toMatchObject({ fromYear: later.years[0] });
    const earlier = { ...plan, years: plan.years.map((y) => y - 5) };
    expect(state(loadModels(storage, 'Göteborg', earlier).get(''))).toMatchObject({ fromYear: earlier.years.at(-1) });
  });
});
