import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { build, preview } from 'vite';

const appDir = fileURLToPath(new URL('../..', import.meta.url));

/** Makes sure Debian's chromium is there (installing it when root), then builds and serves the app. */
export async function serveApp(): Promise<{ url: string; close(): Promise<void> }> {
  execFileSync(process.execPath, [fileURLToPath(new URL('../../scripts/ensureChromium.mjs', import.meta.url))], {
    stdio: 'inherit',
  });
  await build({ root: appDir, logLevel: 'warn' });
  const server = await preview({
    root: appDir,
    logLevel: 'warn',
    preview: { port: 0, host: '127.0.0.1', strictPort: false },
  });
  const address = server.httpServer.address();
  if (!address || typeof address === 'string') throw new Error('preview server has no port');
  return {
    url: `http://127.0.0.1:${address.port}/`,
    close: () => new Promise<void>((resolve) => server.httpServer.close(() => resolve())),
  };
}
