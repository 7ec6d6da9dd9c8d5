import { compilePlan } from './compilePlan.ts';
import type { CostLine, Plan } from './planSchema.ts';
import { compareRates, parseRate, type Rate } from './rate.ts';
import { fail, type Issue, ok, type Result } from './result.ts';
import type { Change, Scenario } from './scenarioSchema.ts';
import { checkAmount, INDEXATION_RANGE, type LineContext, validateCostLine } from './validateCostLine.ts';

const inRange = (text: string, min: number, max: number | null): boolean => {
  const r = parseRate(text);
  const bound = (x: number) => parseRate(String(x)) as Rate;
  return !!r && compareRates(r, bound(min)) >= 0 && (max === null || compareRates(r, bound(max)) <= 0);
};

/**
 * Flattens a scenario and its parents (`basedOn`, looked up in the plan's scenarios) into one
 * ordered list of changes, checking every reference against the plan. Issues name the scenario
 * and the change (`path: ["scenarios", id, "changes", k, field]`).
 */
export function resolveScenario(plan: Plan, scenario: Scenario): Result<Change[]> {
  const chain: Scenario[] = [];
  const seen = new Set<string>();
  for (let s: Scenario | undefined = scenario; s; ) {
    if (seen.has(s.id)) {
      return fail({
        code: 'scenario-cycle',
        message: `Scenariot "${s.name}" bygger på sig självt`,
        path: ['scenarios', s.id, 'basedOn'],
      });
    }
    seen.add(s.id);
    chain.unshift(s);
    if (s.basedOn === undefined) break;
    const parentId: string = s.basedOn;
    const parent: Scenario | undefined = plan.scenarios.find((p) => p.id === parentId);
    if (!parent) {
      return fail({
        code: 'unknown-scenario',
        message: `Scenariot "${s.name}" bygger på "${parentId}", som inte finns`,
        path: ['scenarios', s.id, 'basedOn'],
      });
    }
    s = parent;
  }
  const issues: Issue[] = [];
  const cp = compilePlan(plan);
  const added = new Map<string, CostLine>();
  const lineContext: LineContext = {
    years: plan.years,
    projects: cp.projects,
    members: cp.memberIndex,
    employerAddOn: plan.assumptions.employerAddOn,
    indexation: plan.assumptions.indexation,
  };
  const costIds = { has: (id: string) => cp.costIndex.has(id) || added.has(id) };
  const memberIds = cp.memberIndex;
  const projectIds = cp.projects;
  const allIds = {
    has: (id: string) =>
      costIds.has(id) || memberIds.has(id) || projectIds.has(id) || cp.revenues.some((r) => r.id === id),
  };
  const changes: Change[] = [];
  for (const s of chain) {
    s.changes.forEach((change, k) => {
      const at = (field: string, code: string, message: string) =>
        issues.push({
          code,
          message: `Scenario "${s.name}", ändring ${k + 1}: ${message}`,
          path: ['scenarios', s.id, 'changes', k, field],
          field,
        });
      switch (change.type) {
        case 'state-allocation':
          if (!plan.members.some((m) => m.group === 'state'))
            at('type', 'no-state-member', 'planen har ingen statlig medlem');
          if (change.rate !== undefined && !inRange(change.rate, -1, 10))
            at('rate', 'rate-range', 'en ändring ska ligga mellan −100 % och +1 000 %');
          if (change.amount !== undefined)
            checkAmount(change.amount, [], (_, code, message) => at('amount', code, message));
          break;
        case 'member-contribution':
          if (!memberIds.has(change.member)) at('member', 'unknown-member', `medlemmen "${change.member}" finns inte`);
          if (change.rate !== undefined && !inRange(change.rate, -1, 10))
            at('rate', 'rate-range', 'en ändring ska ligga mellan −100 % och +1 000 %');
          if (change.amount !== undefined)
            checkAmount(change.amount, [], (_, code, message) => at('amount', code, message));
          break;
        case 'esf-decision':
          if (!projectIds.has(change.project))
            at('project', 'unknown-project', `ESF-projektet "${change.project}" finns inte`);
          if (change.share !== undefined && !inRange(change.share, 0, 1))
            at('share', 'rate-range', 'andelen ska vara mellan 0 och 1');
          for (const id of change.keepLines) {
            const line = plan.costs.find((c) => c.id === id) ?? added.get(id);
            if (!line || line.project !== change.project)
              at('keepLines', 'unknown-line', `kostnadsraden "${id}" hör inte till projektet`);
          }
          break;
        case 'insats-stop':
        case 'insats-start':
        case 'insats-extend':
        case 'insats-scale':
          if (!costIds.has(change.line)) at('line', 'unknown-line', `kostnadsraden "${change.line}" finns inte`);
          if (change.type === 'insats-scale' && !inRange(change.share, 0, null))
            at('share', 'rate-range', 'andelen kan inte vara negativ');
          break;
        case 'insats-new':
          if (allIds.has(change.line.id)) at('line', 'duplicate-id', `id "${change.line.id}" används redan`);
          validateCostLine(change.line, [], lineContext, (path, code, message) =>
            at('line', code, `${message} (${['line', ...path].join('.')})`),
          );
          added.set(change.line.id, change.line);
          break;
        case 'utilization':
          if (!inRange(change.rate, 0, 1)) at('rate', 'rate-range', 'nyttjandegraden ska vara mellan 0 och 1');
          if (change.line !== undefined && !costIds.has(change.line))
            at('line', 'unknown-line', `kostnadsraden "${change.line}" finns inte`);
          break;
        case 'indexation':
          if (!inRange(change.rate, INDEXATION_RANGE[0], INDEXATION_RANGE[1]))
            at('rate', 'rate-range', 'indexeringen ska ligga mellan −50 % och 50 %');
          break;
        case 'employer-add-on':
          if (!inRange(change.rate, 0, 2)) at('rate', 'rate-range', 'PO-påslaget ska ligga mellan 0 och 200 %');
          break;
      }
      changes.push(change);
    });
  }
  return issues.length ? fail(...issues) : ok(changes);
}

/** The resolved changes of an optional scenario: none for the base plan. */
export const changesOf = (plan: Plan, scenario: Scenario | undefined): Result<Change[]> =>
  scenario ? resolveScenario(plan, scenario) : ok([]);
