import { type Issue, type Plan, parsePlan, type Result } from '@samplan/engine';

/** The plan after the import: the current plan with the imported budget, and what could not stay. */
export interface MergedBudget {
  plan: Plan;
  /** Scenarios that referred to lines, projects or years the new budget lacks, so were left out. */
  droppedScenarios: string[];
}

/**
 * The imported budget put into the current plan: the years, opening equity, members, ESF
 * projects, revenue and cost lines and stated figures come from the file; the plan's name,
 * assumptions, limits, goals, indicators and activities stay, and so do the scenarios that still
 * make sense (a cost line keeps its goal links when the file has a line with the same id).
 * For a shared plan, where the budget is one part of what people work on together.
 */
export function mergeImportedBudget(current: Plan, imported: Plan): Result<MergedBudget, Issue> {
  const links = new Map(current.costs.map((c) => [c.id, c.goals]));
  const costs = imported.costs.map((c) => {
    const goals = links.get(c.id);
    return goals?.length && !c.goals?.length ? { ...c, goals } : c;
  });
  const budget: Plan = {
    ...current,
    years: imported.years,
    members: imported.members,
    esfProjects: imported.esfProjects,
    revenues: imported.revenues,
    costs,
    stated: imported.stated,
  };
  if (imported.openingEquity === undefined) delete budget.openingEquity;
  else budget.openingEquity = imported.openingEquity;

  const withScenarios = parsePlan(budget);
  if (withScenarios.ok) return { ok: true, value: { plan: withScenarios.value as Plan, droppedScenarios: [] } };
  const without = parsePlan({ ...budget, scenarios: [] });
  if (!without.ok) return withScenarios;
  // Keep the scenarios that are valid with the new budget (alone, and then together).
  const valid = current.scenarios.filter((s) => parsePlan({ ...budget, scenarios: [s] }).ok);
  const together = valid.length ? parsePlan({ ...budget, scenarios: valid }) : without;
  const [plan, kept] = together.ok ? [together.value, valid] : [without.value, []];
  return {
    ok: true,
    value: {
      plan: plan as Plan,
      droppedScenarios: current.scenarios.filter((s) => !kept.includes(s)).map((s) => s.name),
    },
  };
}
