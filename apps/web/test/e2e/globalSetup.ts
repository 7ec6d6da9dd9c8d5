import type { TestProject } from 'vitest/node';
import { serveApp } from './serveApp.ts';

/** Builds the workspace once and serves it for every end-to-end test file. */
export default async function setup(project: TestProject) {
  const app = await serveApp();
  project.provide('appUrl', app.url);
  return () => app.close();
}

declare module 'vitest' {
  export interface ProvidedContext {
    appUrl: string;
  }
}
