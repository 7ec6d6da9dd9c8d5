#!/usr/bin/env node
// Runs the server from its TypeScript source: workspace packages resolve to their `src` through the
// `@samplan/source` export condition, and tsx compiles on the fly. No build step is needed.
import { register } from 'node:module';

register(
  'data:text/javascript,export async function resolve(s, c, next) { return next(s, { ...c, conditions: [...c.conditions, "@samplan/source"] }); }',
);
const { register: registerTsx } = await import('tsx/esm/api');
registerTsx();
await import('../src/cli/samplanServer.ts');
