/**
 * @samplan/seed-plans — the three real verksamhetsplaner (Göteborg 2023–2025, Finnveden 2021–2023,
 * Sundbyberg 2020–2022) as budget tables: the engine's golden tests and the workspace's demos.
 */

/** A seed plan: its file name in `csv/` and what it is. */
export interface SeedPlan {
  id: 'goteborg-2023' | 'finnveden-2021' | 'sundbyberg-2020';
  file: string;
  title: string;
}

export const SEED_PLANS: readonly SeedPlan[] = [
  { id: 'goteborg-2023', file: 'goteborg-2023.csv', title: 'Samordningsförbundet Göteborg 2023–2025' },
  { id: 'finnveden-2021', file: 'finnveden-2021.csv', title: 'Finnvedens Samordningsförbund 2021–2023' },
  { id: 'sundbyberg-2020', file: 'sundbyberg-2020.csv', title: 'Samordningsförbundet Sundbybergs stad 2020–2022' },
];
