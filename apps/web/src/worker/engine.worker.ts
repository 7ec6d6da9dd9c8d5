/// <reference lib="webworker" />
// The worker entry: the engine behind comlink. The main thread never runs a projection.
import { expose } from 'comlink';
import { engineApi } from './engineApi.ts';

/** Counts projections done here, so a test can see that the work happens in this worker. */
const scope = self as unknown as { samplanProjections: number };
scope.samplanProjections = 0;

expose({
  ...engineApi,
  project: (...args: Parameters<typeof engineApi.project>) => {
    scope.samplanProjections++;
    return engineApi.project(...args);
  },
  projectChanged: (...args: Parameters<typeof engineApi.projectChanged>) => {
    scope.samplanProjections++;
    return engineApi.projectChanged(...args);
  },
});
