import { z } from 'zod';
import { CostLineSchema } from './costLineSchema.ts';
import { IdSchema, IsoDateSchema, KronorSchema, RateSchema, YearSchema } from './schemaPrimitives.ts';

const byRateOrAmount = <T extends { rate?: string | undefined; amount?: string | undefined }>(c: T) =>
  (c.rate === undefined) !== (c.amount === undefined);
const RATE_OR_AMOUNT = { message: 'Ange antingen rate (andel) eller amount (kronor), inte båda', path: ['rate'] };

/** One change of a scenario, applied on top of the base plan (or the parent scenario). */
export const ChangeSchema = z.discriminatedUnion('type', [
  z
    .object({
      type: z.literal('state-allocation'),
      fromYear: YearSchema,
      rate: RateSchema.optional().describe('Relative change, "-0.1" is a 10 % cut'),
      amount: KronorSchema.optional().describe('Change per year in kronor, negative for a cut'),
      matching: z.boolean().default(true).describe('Region and kommuner follow the state (the matching rule)'),
    })
    .refine(byRateOrAmount, RATE_OR_AMOUNT),
  z
    .object({
      type: z.literal('member-contribution'),
      member: IdSchema,
      fromYear: YearSchema,
      rate: RateSchema.optional(),
      amount: KronorSchema.optional(),
    })
    .refine(byRateOrAmount, RATE_OR_AMOUNT),
  z.object({
    type: z.literal('esf-decision'),
    project: IdSchema,
    decision: z.enum(['approved', 'rejected']),
    share: RateSchema.optional().describe('Approved at this share of the applied amount'),
    scaleCosts: z.boolean().default(false).describe('With share: the project costs shrink by the same share'),
    keepLines: z.array(IdSchema).default([]).describe('Rejected: cost lines the board keeps on own funds'),
  }),
  z.object({
    type: z.literal('insats-stop'),
    line: IdSchema,
    from: IsoDateSchema.describe('First day without the insats'),
  }),
  z.object({
    type: z.literal('insats-start'),
    line: IdSchema,
    from: IsoDateSchema.describe('First day of the insats'),
  }),
  z.object({ type: z.literal('insats-extend'), line: IdSchema, until: IsoDateSchema.describe('New last day') }),
  z.object({
    type: z.literal('insats-scale'),
    line: IdSchema,
    share: RateSchema.describe('"0.8" keeps 80 % of the cost'),
    fromYear: YearSchema.optional(),
  }),
  z.object({ type: z.literal('insats-new'), line: CostLineSchema }),
  z.object({ type: z.literal('utilization'), rate: RateSchema, line: IdSchema.optional() }),
  z.object({ type: z.literal('indexation'), rate: RateSchema }),
  z.object({ type: z.literal('employer-add-on'), rate: RateSchema }),
]);

/** A named what-if: a list of changes on top of the base plan or another scenario. */
export const ScenarioSchema = z.object({
  id: IdSchema,
  name: z.string().min(1),
  basedOn: IdSchema.optional().describe('Parent scenario id; its changes apply first'),
  changes: z.array(ChangeSchema).default([]),
});

export type Change = z.output<typeof ChangeSchema>;
export type Scenario = z.output<typeof ScenarioSchema>;
export type ScenarioInput = z.input<typeof ScenarioSchema>;
