/**
 * @samplan/engine — the pure scenario engine: exact money, the plan model, scenarios,
 * projection, rules, audit, the two goal-seek answers, Monte Carlo and sensitivity. No DOM, Node,
 * React or Yjs.
 */

export { allocate } from './allocate.ts';
export { applyScenario, type ScenarioAmounts } from './applyScenario.ts';
export { type Audit, type AuditEntry, auditPlan, figureValue } from './auditPlan.ts';
export { monthIndex, monthsInYears } from './calendar.ts';
export { checkRules, exceedsEquityCap, NO_OPENING_EQUITY_MESSAGE, type RuleContext } from './checkRules.ts';
export { type CompiledPlan, compilePlan } from './compilePlan.ts';
export { CostAmountSchema, CostCategorySchema, CostLineSchema } from './costLineSchema.ts';
export * from './formatSv.ts';
export * from './goalSchema.ts';
export * from './money.ts';
export {
  createMonteCarlo,
  DEFAULT_SEED,
  type MonteCarlo,
  type MonteCarloDraw,
  type MonteCarloLever,
  type MonteCarloSummary,
  type MonteCarloYear,
  type RunMonteCarloOptions,
  runMonteCarlo,
} from './monteCarlo.ts';
export { parsePlan, parseScenario, validatePlan } from './parsePlan.ts';
export { planJsonSchema, scenarioJsonSchema } from './planJsonSchema.ts';
export * from './planSchema.ts';
export type { Finding, ProjectedLine, Projection, RuleId, YearProjection } from './projection.ts';
export * from './projectionToJson.ts';
export {
  projectChanges,
  projectChangesFully,
  projectPlan,
  scenarioAmounts,
  summarize,
  withinRange,
} from './projectPlan.ts';
export { UINT32_RANGE, type Uint32Source, xoshiro128ss, xoshiro128ssFromState } from './random.ts';
export * from './rate.ts';
export { resolveScenario } from './resolveScenario.ts';
export * from './result.ts';
export * from './scenarioSchema.ts';
export { IdSchema, IsoDateSchema, KronorSchema, RateSchema, YearSchema } from './schemaPrimitives.ts';
export { type Sensitivity, type SensitivityBar, type SensitivityEnd, sensitivity } from './sensitivity.ts';
export { extraSpend, ROOM_LINE_ID, type SpendingRoom, spendingRoom } from './spendingRoom.ts';
export { spreadProRata } from './spreadProRata.ts';
export { type StaffTerms, staffCost } from './staffCost.ts';
export { type StateCutTolerance, stateCutTolerance } from './stateCutTolerance.ts';
export { RATE_GRID } from './uncertainLevers.ts';
export {
  type BernoulliDistribution,
  BernoulliSchema,
  leverLabel,
  parseUncertainty,
  type RangeDistribution,
  RangeDistributionSchema,
  type TriangularDistribution,
  TriangularSchema,
  type UncertainLever,
  type UncertainLeverInput,
  UncertainLeverSchema,
  type UncertaintyModel,
  type UncertaintyModelInput,
  UncertaintyModelSchema,
  type UniformDistribution,
  UniformSchema,
  validateUncertainty,
} from './uncertaintySchema.ts';
