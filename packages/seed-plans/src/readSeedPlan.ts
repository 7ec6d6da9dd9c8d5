import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { SEED_PLANS, type SeedPlan } from './index.ts';

/** Absolute path of a seed plan's budget table (Node only). */
export const seedPlanPath = (id: SeedPlan['id']): string => {
  const seed = SEED_PLANS.find((s) => s.id === id);
  if (!seed) throw new Error(`Unknown seed plan ${id}`);
  return fileURLToPath(new URL(`../csv/${seed.file}`, import.meta.url));
};

/** The text of a seed plan's budget table (Node only). */
export const readSeedPlan = (id: SeedPlan['id']): string => readFileSync(seedPlanPath(id), 'utf8');
