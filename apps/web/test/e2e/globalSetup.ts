import type { TestProject } from 'vitest/node';
import { serveApp } from './serveApp.ts';

/** The people the end-to-end tests log in as (created once in the server's fresh data file). */
export const E2E_USERS = {
  anna: { email: 'anna@example.se', name: 'Anna Andersson', password: 'anna-lösenord-1' },
  bo: { email: 'bo@example.se', name: 'Bo Berg', password: 'bo-lösenord-12' },
  vera: { email: 'vera@example.se', name: 'Vera Viklund', password: 'vera-lösenord-1' },
} as const;

/** Builds the workspace once and serves it (with the real server) for every end-to-end test file. */
export default async function setup(project: TestProject) {
  const app = await serveApp();
  for (const user of Object.values(E2E_USERS)) {
    const created = app.server.accounts.createUser(user);
    if (!created.ok) throw new Error(`e2e user: ${JSON.stringify(created.errors)}`);
  }
  project.provide('appUrl', app.url);
  project.provide('baseUrl', app.baseUrl);
  return () => app.close();
}

declare module 'vitest' {
  export interface ProvidedContext {
    appUrl: string;
    baseUrl: string;
  }
}
