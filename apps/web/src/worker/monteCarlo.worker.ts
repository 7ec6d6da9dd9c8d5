/// <reference lib="webworker" />
// The Monte Carlo worker: runs draws in chunks beside the engine worker, so the projection worker
// stays free for edits while a run goes on.
import { expose } from 'comlink';
import { createMonteCarloApi } from './monteCarloApi.ts';

expose(createMonteCarloApi());
