import { z } from 'zod';
import { schemaIssues } from './parsePlan.ts';
import type { Plan } from './planSchema.ts';
import { compareRates, parseRate, type Rate } from './rate.ts';
import { changesOf } from './resolveScenario.ts';
import { fail, type Issue, ok, type Result } from './result.ts';
import type { Scenario } from './scenarioSchema.ts';
import { IdSchema, RateSchema, YearSchema } from './schemaPrimitives.ts';
import { checkRate, INDEXATION_RANGE } from './validateCostLine.ts';

/** A rate drawn uniformly between `min` and `max`. */
export const UniformSchema = z.object({ type: z.literal('uniform'), min: RateSchema, max: RateSchema });

/** A rate drawn from the triangular distribution on `[min, max]` with its peak at `mode`. */
export const TriangularSchema = z.object({
  type: z.literal('triangular'),
  min: RateSchema,
  mode: RateSchema.describe('The most likely value'),
  max: RateSchema,
});

/** A continuous range for a rate lever (state change, utilization, indexation). */
export const RangeDistributionSchema = z.discriminatedUnion('type', [UniformSchema, TriangularSchema]);

/** Yes or no: yes (approved) with probability `p`. */
export const BernoulliSchema = z.object({
  type: z.literal('bernoulli'),
  p: RateSchema.describe('Probability of yes (approved), 0–1'),
});

const label = z.string().max(200).optional().describe('Name shown in charts; default from the plan');

/**
 * One scenario lever given a range instead of a value. Each draw turns it into the matching
 * scenario change, applied after the scenario's own changes (so it overrides the same lever there).
 */
export const UncertainLeverSchema = z.discriminatedUnion('type', [
  z.object({
    type: z.literal('state-change'),
    fromYear: YearSchema,
    matching: z.boolean().default(true).describe('Region and kommuner follow the state (the matching rule)'),
    distribution: RangeDistributionSchema.describe('Relative change, "-0.15" is a 15 % cut'),
    label,
  }),
  z.object({
    type: z.literal('esf-approval'),
    project: IdSchema,
    distribution: BernoulliSchema.describe('Probability that the project is approved'),
    share: RateSchema.optional().describe('Approved at this share of the applied amount'),
    scaleCosts: z.boolean().default(false).describe('With share: the project costs shrink by the same share'),
    keepLines: z.array(IdSchema).default([]).describe('Rejected: cost lines the board keeps on own funds'),
    label,
  }),
  z.object({
    type: z.literal('utilization'),
    line: IdSchema.optional().describe('One cost line; omitted: the global utilization'),
    distribution: RangeDistributionSchema,
    label,
  }),
  z.object({ type: z.literal('indexation'), distribution: RangeDistributionSchema, label }),
]);

/** The uncertain levers of a scenario (or of the base plan), for Monte Carlo and sensitivity. */
export const UncertaintyModelSchema = z
  .object({
    scenario: IdSchema.optional().describe('The scenario the ranges apply on top of; omitted: the base plan'),
    levers: z.array(UncertainLeverSchema).max(100).default([]),
  })
  .describe('Samplan uncertainty model');

export type UniformDistribution = z.output<typeof UniformSchema>;
export type TriangularDistribution = z.output<typeof TriangularSchema>;
export type RangeDistribution = z.output<typeof RangeDistributionSchema>;
export type BernoulliDistribution = z.output<typeof BernoulliSchema>;
export type UncertainLever = z.output<typeof UncertainLeverSchema>;
export type UncertainLeverInput = z.input<typeof UncertainLeverSchema>;
export type UncertaintyModel = z.output<typeof UncertaintyModelSchema>;
export type UncertaintyModelInput = z.input<typeof UncertaintyModelSchema>;

/** What each rate lever accepts: the bounds of the matching scenario lever. */
const BOUNDS: Record<Exclude<UncertainLever['type'], 'esf-approval'>, [number, number, string]> = {
  'state-change': [-1, 10, 'Ändringen'],
  utilization: [0, 1, 'Nyttjandegraden'],
  indexation: [INDEXATION_RANGE[0], INDEXATION_RANGE[1], 'Indexeringen'],
};

/** The name a lever has in charts and messages: its own label, or one from the plan. */
export function leverLabel(plan: Plan, lever: UncertainLever): string {
  if (lever.label) return lever.label;
  switch (lever.type) {
    case 'state-change':
      return `Statens anslag från ${lever.fromYear}${lever.matching ? '' : ' (utan matchning)'}`;
    case 'esf-approval':
      return `ESF-beslut: ${plan.esfProjects.find((p) => p.id === lever.project)?.name ?? lever.project}`;
    case 'utilization':
      return lever.line === undefined
        ? 'Nyttjandegrad'
        : `Nyttjandegrad: ${plan.costs.find((c) => c.id === lever.line)?.name ?? lever.line}`;
    case 'indexation':
      return 'Indexering';
  }
}

/** Two levers that set the same thing: the later one would silently win in every draw. */
const leverKey = (lever: UncertainLever): string | null => {
  switch (lever.type) {
    case 'esf-approval':
      return `esf:${lever.project}`;
    case 'utilization':
      return `utilization:${lever.line ?? ''}`;
    case 'indexation':
      return 'indexation';
    case 'state-change':
      return null; // several state changes compose, like scenario changes do
  }
};

/**
 * The checks a schema cannot express: ranges (min ≤ mode ≤ max, within what the matching scenario
 * lever accepts, 0 ≤ p ≤ 1), references (projects, lines including the scenario's new insatser,
 * plan years), one lever per setting, and that the model belongs to `scenario`. Paths are into
 * the model (`["levers", 2, "distribution", "mode"]`); messages are Swedish.
 */
export function validateUncertainty(plan: Plan, scenario: Scenario | undefined, model: UncertaintyModel): Issue[] {
  const issues: Issue[] = [];
  if (model.scenario !== undefined && model.scenario !== scenario?.id) {
    const owner = scenario ? `"${scenario.id}"` : 'grundplanen';
    issues.push({
      code: 'scenario-mismatch',
      message: `Osäkerheterna hör till scenariot "${model.scenario}", inte till ${owner}`,
      path: ['scenario'],
      field: 'scenario',
    });
  }
  const changes = changesOf(plan, scenario);
  if (!changes.ok) return [...issues, ...changes.errors];
  const lines = new Map(plan.costs.map((c) => [c.id, c.project]));
  for (const c of changes.value) if (c.type === 'insats-new') lines.set(c.line.id, c.line.project);
  const seen = new Map<string, number>();
  model.levers.forEach((lever, k) => {
    const at = (path: (string | number)[], code: string, message: string) =>
      issues.push({
        code,
        message: `Osäkerhet ${k + 1}: ${message}`,
        path: ['levers', k, ...path],
        field: String(path.at(-1) ?? ''),
      });
    const key = leverKey(lever);
    const before = key === null ? undefined : seen.get(key);
    if (before !== undefined) at(['type'], 'duplicate-lever', `samma spak som osäkerhet ${before + 1}`);
    else if (key !== null) seen.set(key, k);
    switch (lever.type) {
      case 'esf-approval': {
        const project = plan.esfProjects.find((p) => p.id === lever.project);
        if (!project) at(['project'], 'unknown-project', `ESF-projektet "${lever.project}" finns inte`);
        checkRate(lever.distribution.p, 0, 1, ['distribution', 'p'], at, 'Sannolikheten');
        if (lever.share !== undefined) checkRate(lever.share, 0, 1, ['share'], at, 'Andelen');
        lever.keepLines.forEach((id, j) => {
          if (lines.get(id) !== lever.project)
            at(['keepLines', j], 'unknown-line', `kostnadsraden "${id}" hör inte till projektet`);
        });
        return;
      }
      case 'state-change':
        if (!plan.members.some((m) => m.group === 'state'))
          at(['type'], 'no-state-member', 'planen har ingen statlig medlem');
        if (!plan.years.includes(lever.fromYear))
          at(
            ['fromYear'],
            'year-outside-plan',
            `${lever.fromYear} är inte ett av planens år (${plan.years.join(', ')})`,
          );
        break;
      case 'utilization':
        if (lever.line !== undefined && !lines.has(lever.line))
          at(['line'], 'unknown-line', `kostnadsraden "${lever.line}" finns inte`);
        break;
      case 'indexation':
        break;
    }
    checkRange(lever.distribution, BOUNDS[lever.type], at);
  });
  return issues;
}

/** Checks a range: each end within the lever's bounds, and min ≤ mode ≤ max. */
function checkRange(
  d: RangeDistribution,
  [low, high, what]: [number, number, string],
  at: (path: (string | number)[], code: string, message: string) => void,
): void {
  const within = (field: 'min' | 'mode' | 'max', text: string): Rate | null =>
    checkRate(text, low, high, ['distribution', field], at, what);
  const min = within('min', d.min);
  const max = within('max', d.max);
  if (min && max && compareRates(min, max) > 0) {
    at(['distribution', 'max'], 'range-reversed', `max (${d.max}) är mindre än min (${d.min})`);
    return;
  }
  if (d.type !== 'triangular') return;
  const mode = within('mode', d.mode);
  if (min && max && mode && (compareRates(mode, min) < 0 || compareRates(mode, max) > 0))
    at(
      ['distribution', 'mode'],
      'mode-outside-range',
      `läget (${d.mode}) ska ligga mellan min (${d.min}) och max (${d.max})`,
    );
}

const swedish = z.locales.sv().localeError;

/** Reads an uncertainty model from untrusted JSON data and checks it against the plan and scenario. */
export function parseUncertainty(input: unknown, plan: Plan, scenario?: Scenario): Result<UncertaintyModel> {
  const parsed = UncertaintyModelSchema.safeParse(input, { error: swedish });
  if (!parsed.success) return fail(...schemaIssues(parsed.error));
  const issues = validateUncertainty(plan, scenario, parsed.data);
  return issues.length ? fail(...issues) : ok(parsed.data);
}

/** The exact value of a validated rate text. */
export const rateOf = (text: string): Rate => parseRate(text) as Rate;
