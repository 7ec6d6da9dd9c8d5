import { z } from 'zod';
import { type CostAmountSchema, CostCategorySchema, CostLineSchema } from './costLineSchema.ts';
import { ActivitySchema, GoalSchema, IndicatorSchema } from './goalSchema.ts';
import { ScenarioSchema } from './scenarioSchema.ts';
import { IdSchema, KronorSchema, RateSchema, YearAmountsSchema, YearSchema } from './schemaPrimitives.ts';

/** A member of the förbund (medlem): the state, the region or a kommun, with its yearly contribution. */
export const MemberSchema = z
  .object({
    id: IdSchema,
    name: z.string().min(1),
    group: z.enum(['state', 'region', 'kommun']).describe('state (staten) 50 %, region 25 %, kommun 25 %'),
    population: z
      .number()
      .int()
      .positive()
      .optional()
      .describe('Inhabitants on 1 July the year before: splits the kommun share when amounts are omitted'),
    amounts: YearAmountsSchema.optional().describe(
      'Contribution per year (medlemsbidrag). Omitted for region or kommun: derived from the matching rule',
    ),
  })
  .describe('Member (medlem)');

/** An ESF project: its revenue and the costs that exist only if it runs. */
export const EsfProjectSchema = z.object({
  id: IdSchema,
  name: z.string().min(1),
  status: z
    .enum(['approved', 'applied'])
    .default('approved')
    .describe('applied: not yet decided, so the base plan leaves it out (försiktighetsprincipen)'),
});

/** A revenue line other than member contributions: ESF money or other income. */
export const RevenueLineSchema = z.object({
  id: IdSchema,
  kind: z.enum(['esf', 'income']),
  name: z.string().min(1),
  project: IdSchema.optional().describe('Required for esf lines: the ESF project'),
  amounts: YearAmountsSchema,
});

export const StatedFigureSchema = z.enum([
  'revenue',
  'costs',
  'result',
  'closing-equity',
  'opening-equity',
  'revenue-with-equity',
  'member-revenue',
  'cost-individual',
  'cost-structural',
  'cost-administration',
  'cost-unallocated',
  'cost-operations',
  'share-individual',
  'share-structural',
  'share-administration',
  'share-unallocated',
  'esf-revenue',
  'other-revenue',
  'lines',
  'share-lines',
  'share-member-state',
  'share-member-region',
  'share-member-kommun',
]);

/** The figures that need `lines`: the sum of the named lines, or that sum as a share. */
export const LINE_FIGURES: ReadonlySet<StatedFigure> = new Set(['lines', 'share-lines']);

/** Where a stated figure was read: the file, its line and column, the sheet and row of a workbook, the sentence of a text. */
export const StatedSourceSchema = z.object({
  file: z.string().optional(),
  line: z.number().int().optional(),
  column: z.number().int().optional(),
  row: z.number().int().positive().optional().describe('1-based row in the source sheet (xlsx)'),
  sheet: z.string().optional().describe('Sheet of a workbook'),
  quote: z
    .string()
    .optional()
    .describe(
      'The sentence of the document the figure was read from, for a figure in the text ("budgetram 8 562 tkr")',
    ),
});

/** A figure as the source document prints it, kept for the audit. */
export const StatedSchema = z.object({
  year: YearSchema,
  figure: StatedFigureSchema,
  value: z
    .string()
    .regex(/^-?\d+(\.\d+)?$/)
    .describe('Kronor for amounts; a fraction ("0.092") for share-* figures; as printed (see sign)'),
  precision: z
    .string()
    .regex(/^\d+(\.\d+)?$/)
    .optional()
    .describe(
      'Value of the last printed digit (1000 for a figure printed in tkr); the computed figure is rounded to it',
    ),
  label: z.string().default(''),
  when: z
    .object({ project: IdSchema, runs: z.boolean() })
    .optional()
    .describe('The figure assumes this ESF project runs (or not)'),
  lines: z
    .array(IdSchema)
    .optional()
    .describe('For lines and share-lines: the ids of the lines summed (members, revenue lines or cost lines)'),
  sign: z
    .literal('negative')
    .optional()
    .describe('The document prints this figure with the opposite sign ("Summa kostnader −15 869"): compared as −value'),
  source: StatedSourceSchema.optional(),
});

export const AssumptionsSchema = z.object({
  utilization: RateSchema.default('1').describe('Share of insats grants actually spent (nyttjandegrad)'),
  indexation: RateSchema.default('0.02').describe('Yearly indexation of salaries and fees'),
  employerAddOn: RateSchema.default('0.32').describe('Employer add-on on salaries (PO-påslag)'),
});

export const ThresholdsSchema = z.object({
  equityCap: RateSchema.default('0.2').describe('Closing equity should not exceed this share of the year’s revenue'),
  adminShare: z
    .object({ min: RateSchema.default('0'), max: RateSchema.default('0.15') })
    .default({ min: '0', max: '0.15' })
    .describe('Band for administration’s share of total cost'),
});

/** The fewest and the most years a plan may have. */
export const MIN_YEARS = 1;
export const MAX_YEARS = 10;

/** A plan (verksamhetsplan budget): the base that scenarios change. Amounts are decimal strings in kronor. */
export const PlanSchema = z
  .object({
    version: z.literal(1).default(1),
    name: z.string().min(1).describe('Name of the förbund and plan'),
    years: z
      .array(YearSchema)
      .min(MIN_YEARS)
      .max(MAX_YEARS)
      .describe('1 to 10 consecutive years: the budget year and the plan years'),
    openingEquity: KronorSchema.optional().describe(
      'Opening equity (ingående eget kapital) of the first year; absent when the document states none (projected as 0)',
    ),
    members: z.array(MemberSchema),
    esfProjects: z.array(EsfProjectSchema).default([]),
    revenues: z.array(RevenueLineSchema).default([]),
    costs: z.array(CostLineSchema).default([]),
    assumptions: AssumptionsSchema.default({ utilization: '1', indexation: '0.02', employerAddOn: '0.32' }),
    thresholds: ThresholdsSchema.default({ equityCap: '0.2', adminShare: { min: '0', max: '0.15' } }),
    stated: z.array(StatedSchema).default([]),
    scenarios: z.array(ScenarioSchema).default([]),
    goals: z.array(GoalSchema).default([]),
    indicators: z.array(IndicatorSchema).default([]),
    activities: z.array(ActivitySchema).default([]),
  })
  .describe('Samplan plan');

export type Plan = z.output<typeof PlanSchema>;
export type PlanInput = z.input<typeof PlanSchema>;
export type Member = z.output<typeof MemberSchema>;
export type MemberGroup = Member['group'];
export type EsfProject = z.output<typeof EsfProjectSchema>;
export type RevenueLine = z.output<typeof RevenueLineSchema>;
export type CostLine = z.output<typeof CostLineSchema>;
export type CostAmount = z.output<typeof CostAmountSchema>;
export type CostCategory = z.output<typeof CostCategorySchema>;
export type Stated = z.output<typeof StatedSchema>;
export type StatedFigure = z.output<typeof StatedFigureSchema>;
export type StatedSource = z.output<typeof StatedSourceSchema>;
export type Assumptions = z.output<typeof AssumptionsSchema>;
export type Thresholds = z.output<typeof ThresholdsSchema>;

export const COST_CATEGORIES: readonly CostCategory[] = CostCategorySchema.options;
