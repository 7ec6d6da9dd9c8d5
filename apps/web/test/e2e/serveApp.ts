import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type SamplanServer, startSamplanServer } from '@samplan/server';
import { build } from 'vite';

const appDir = fileURLToPath(new URL('../..', import.meta.url));

/** The built workspace served by the real Samplan server (API, collaboration socket) on a fresh data directory. */
export interface ServedApp {
  /** The local demo (`/demo`): the workspace on a plan kept in the browser. */
  readonly url: string;
  /** The server's origin, `http://127.0.0.1:<port>` (no trailing slash). */
  readonly baseUrl: string;
  readonly server: SamplanServer;
  close(): Promise<void>;
}

/** Makes sure Debian's chromium is there (installing it when root), builds the app and starts the server. */
export async function serveApp(): Promise<ServedApp> {
  execFileSync(process.execPath, [fileURLToPath(new URL('../../../../scripts/ensureTestTools.mjs', import.meta.url))], {
    stdio: 'inherit',
  });
  await build({ root: appDir, logLevel: 'warn' });
  const dataDir = mkdtempSync(join(tmpdir(), 'samplan-e2e-'));
  const server = await startSamplanServer({ dataDir, port: 0, staticDir: join(appDir, 'dist') });
  return {
    url: `${server.url}/demo`,
    baseUrl: server.url,
    server,
    async close() {
      await server.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
