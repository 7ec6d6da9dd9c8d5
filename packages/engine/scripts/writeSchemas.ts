/** Writes schema/plan.schema.json and schema/scenario.schema.json from the runtime schemas. */
import { writeFileSync } from 'node:fs';
import { planJsonSchema, scenarioJsonSchema } from '../src/planJsonSchema.ts';

export const SCHEMA_FILES = {
  'plan.schema.json': planJsonSchema,
  'scenario.schema.json': scenarioJsonSchema,
} as const;

export const schemaText = (make: () => Record<string, unknown>): string => `${JSON.stringify(make(), null, 2)}\n`;

if (process.argv[1]?.endsWith('writeSchemas.ts')) {
  for (const [file, make] of Object.entries(SCHEMA_FILES)) {
    writeFileSync(new URL(`../schema/${file}`, import.meta.url), schemaText(make));
    console.log(`wrote schema/${file}`);
  }
}
