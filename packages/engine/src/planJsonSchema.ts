import { z } from 'zod';
import { PlanSchema } from './planSchema.ts';
import { ScenarioSchema } from './scenarioSchema.ts';

/** The JSON Schema of a plan file, generated from the runtime schema (what a plan may contain). */
export function planJsonSchema(): Record<string, unknown> {
  return {
    ...z.toJSONSchema(PlanSchema, { io: 'input' }),
    title: 'Samplan plan',
    $id: 'https://samplan.se/schema/plan.schema.json',
  };
}

/** The JSON Schema of a scenario file (`samplan project --scenario`). */
export function scenarioJsonSchema(): Record<string, unknown> {
  return {
    ...z.toJSONSchema(ScenarioSchema, { io: 'input' }),
    title: 'Samplan scenario',
    $id: 'https://samplan.se/schema/scenario.schema.json',
  };
}
