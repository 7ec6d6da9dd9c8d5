import { compilePlan } from './compilePlan.ts';
import type { Plan } from './planSchema.ts';
import { compareRates, parseRate, rate } from './rate.ts';
import { fail, type Issue, ok, type Result } from './result.ts';
import type { Change, Scenario } from './scenarioSchema.ts';

const inRange = (text: string, min: number, max: number | null): boolean => {
  const r = parseRate(text);
  return !!r && compareRates(r, rate(min)) >= 0 && (max === null || compareRates(r, rate(max)) <= 0);
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
  const added = new Set<string>();
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
          if (change.rate !== undefined && !inRange(change.rate, -1, null))
            at('rate', 'rate-range', 'en neddragning kan inte vara större än 100 %');
          break;
        case 'member-contribution':
          if (!memberIds.has(change.member)) at('member', 'unknown-member', `medlemmen "${change.member}" finns inte`);
          break;
        case 'esf-decision':
          if (!projectIds.has(change.project))
            at('project', 'unknown-project', `ESF-projektet "${change.project}" finns inte`);
          if (change.share !== undefined && !inRange(change.share, 0, 1))
            at('share', 'rate-range', 'andelen ska vara mellan 0 och 1');
          for (const id of change.keepLines) {
            const line = plan.costs.find((c) => c.id === id);
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
          if (change.line.project !== undefined && !projectIds.has(change.line.project))
            at('line', 'unknown-project', `ESF-projektet "${change.line.project}" finns inte`);
          added.add(change.line.id);
          break;
        case 'utilization':
          if (!inRange(change.rate, 0, 1)) at('rate', 'rate-range', 'nyttjandegraden ska vara mellan 0 och 1');
          if (change.line !== undefined && !costIds.has(change.line))
            at('line', 'unknown-line', `kostnadsraden "${change.line}" finns inte`);
          break;
        case 'indexation':
        case 'employer-add-on':
          if (!inRange(change.rate, -1, 10)) at('rate', 'rate-range', 'orimlig andel');
          break;
      }
      changes.push(change);
    });
  }
  return issues.length ? fail(...issues) : ok(changes);
}
