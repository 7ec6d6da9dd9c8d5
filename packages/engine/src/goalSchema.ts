import { z } from 'zod';
import { IdSchema, IsoDateSchema, RateSchema } from './schemaPrimitives.ts';

/** A value as the plan prints it in a goals table ("30 %", "120", "Hög"): free text, short. */
const PrintedValueSchema = z.string().max(60, 'Högst 60 tecken');

/** A goal (mål or centralt uppdrag) of the plan, in an area (område), with who follows it up. */
export const GoalSchema = z
  .object({
    id: IdSchema,
    title: z.string().min(1),
    area: z.string().default('').describe('Område, e.g. "Insatser för individer"'),
    responsible: z.string().default('').describe('Uppföljningsansvarig'),
  })
  .describe('Goal (mål)');

/** An indicator of a goal: its outcome per year (utfall, also years before the plan) and the target value. */
export const IndicatorSchema = z
  .object({
    id: IdSchema,
    goal: IdSchema,
    name: z.string().min(1),
    outcomes: z
      .record(z.string().regex(/^\d{4}$/, 'Årtal med fyra siffror'), PrintedValueSchema)
      .default({})
      .describe('Outcome (utfall) per year, as printed'),
    target: PrintedValueSchema.default('').describe('Target value (målvärde), as printed'),
  })
  .describe('Indicator (indikator)');

/** An activity of a goal: what is done, who is responsible for following it up, by when. */
export const ActivitySchema = z
  .object({
    id: IdSchema,
    goal: IdSchema,
    description: z.string().min(1),
    responsible: z.string().default(''),
    end: IsoDateSchema.optional().describe('Slutdatum'),
  })
  .describe('Activity (aktivitet)');

/** What an insats aims for with its participants, e.g. 200 participants, 25 % to work or studies. */
export const ParticipantTargetsSchema = z.object({
  participants: z.number().int().min(0).max(1_000_000).optional().describe('Number of participants'),
  workOrStudies: RateSchema.optional().describe('Share of participants who go on to work or studies'),
});

export type Goal = z.output<typeof GoalSchema>;
export type Indicator = z.output<typeof IndicatorSchema>;
export type Activity = z.output<typeof ActivitySchema>;
export type ParticipantTargets = z.output<typeof ParticipantTargetsSchema>;
