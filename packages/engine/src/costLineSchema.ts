import { z } from 'zod';
import { ParticipantTargetsSchema } from './goalSchema.ts';
import {
  IdSchema,
  IsoDateSchema,
  KronorSchema,
  RateSchema,
  YearAmountsSchema,
  YearSchema,
} from './schemaPrimitives.ts';

/** How a cost line's yearly amounts are given. */
export const CostAmountSchema = z.discriminatedUnion('type', [
  z.object({
    type: z.literal('yearly'),
    amounts: YearAmountsSchema,
    start: IsoDateSchema.optional().describe('First day of the insats, when it starts mid-horizon'),
    end: IsoDateSchema.optional().describe('Last day of the insats, when it ends mid-horizon'),
  }),
  z.object({
    type: z.literal('period'),
    start: IsoDateSchema,
    end: IsoDateSchema,
    total: KronorSchema.describe('Granted budget for the whole period, spread pro rata by calendar month'),
  }),
  z.object({
    type: z.literal('staff'),
    fte: RateSchema.describe('Full-time equivalents (heltid), e.g. "0.25"'),
    monthlySalary: KronorSchema.describe('Monthly salary in kronor, in the salary year'),
    salaryYear: YearSchema.optional().describe('The year the salary refers to; default the first plan year'),
    start: IsoDateSchema.optional(),
    end: IsoDateSchema.optional(),
    employerAddOn: RateSchema.optional().describe('PO-påslag for this line; default the plan assumption'),
    indexed: z.boolean().default(true).describe('Indexed yearly by the plan indexation'),
  }),
]);

export const CostCategorySchema = z.enum(['individual', 'structural', 'administration', 'unallocated']);

/** A cost line (insats, administration or unallocated room). */
export const CostLineSchema = z.object({
  id: IdSchema,
  name: z.string().min(1),
  category: CostCategorySchema,
  member: IdSchema.optional().describe('Requisitioning member (rekvirerande organisation)'),
  project: IdSchema.optional().describe('ESF project this cost exists for: gone when the project is rejected'),
  utilization: RateSchema.optional().describe('Share of the grant actually spent; overrides the plan utilization'),
  amount: CostAmountSchema,
  goals: z.array(IdSchema).optional().describe('The goals (ids) this insats serves'),
  targets: ParticipantTargetsSchema.optional().describe('Participant targets of the insats'),
});
