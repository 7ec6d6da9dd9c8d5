import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { SCHEMA_FILES, schemaText } from './writeSchemas.ts';

describe('committed JSON Schemas', () => {
  it.each(Object.entries(SCHEMA_FILES))(
    '%s is what the runtime schema generates (run `npm run schema -w @samplan/engine`)',
    (file, make) => {
      expect(readFileSync(new URL(`../schema/${file}`, import.meta.url), 'utf8')).toBe(schemaText(make));
    },
  );
});
