import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { fileURLToPath } from 'node:url';

const appDir = fileURLToPath(new URL('..', import.meta.url));
const running = new Set<ChildProcess>();

/**
 * Starts a server fixture (`test/fixtures/<script>`, printing `listening <port>`) in a child process
 * through tsx; resolves with its port. A start that fails with EADDRINUSE (a restart on the port of a
 * process just killed) is retried a few times.
 */
export async function spawnServerProcess(
  script: string,
  args: readonly string[],
): Promise<{ child: ChildProcess; port: number }> {
  const file = fileURLToPath(new URL(`./fixtures/${script}`, import.meta.url));
  for (let attempt = 1; ; attempt++) {
    const child = spawn(process.execPath, ['--conditions=@samplan/source', '--import', 'tsx', file, ...args], {
      cwd: appDir,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    running.add(child);
    let output = '';
    let errors = '';
    child.stderr?.on('data', (chunk: Buffer) => {
      errors += chunk.toString();
    });
    try {
      const port = await new Promise<number>((resolve, reject) => {
        child.stdout?.on('data', (chunk: Buffer) => {
          output += chunk.toString();
          const match = /listening (\d+)/.exec(output);
          if (match?.[1]) resolve(Number(match[1]));
        });
        child.once('exit', (code) =>
          reject(new Error(`the server process exited (${code}) before listening:\n${errors}`)),
        );
      });
      // From here on the server's complaints are the test's business.
      child.stderr?.on('data', (chunk: Buffer) => process.stderr.write(chunk));
      return { child, port };
    } catch (error) {
      running.delete(child);
      if (attempt >= 5 || !errors.includes('EADDRINUSE')) throw error;
      await new Promise((resolve) => setTimeout(resolve, 200 * attempt));
    }
  }
}

/** Sends `signal` to a server process and waits until it has exited. */
export async function killServerProcess(child: ChildProcess, signal: NodeJS.Signals): Promise<void> {
  if (child.exitCode === null && child.signalCode === null) {
    const exited = once(child, 'exit');
    child.kill(signal);
    await exited;
  }
  running.delete(child);
}

/** SIGKILLs every server process still running (for afterEach). */
export async function killServerProcesses(): Promise<void> {
  for (const child of [...running]) await killServerProcess(child, 'SIGKILL');
}
