import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { importBudgetTable } from '@samplan/budget-table';
import { readSeedPlan } from '@samplan/seed-plans/node';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import { type SamplanServer, startSamplanServer } from '../src/index.ts';

let dir: string;
let server: SamplanServer;

/** What the setup and login routes answer (the fields these tests read). */
interface Answer {
  user?: { email: string };
  planId?: string;
  error?: { code: string; field?: string };
}

async function post(
  path: string,
  body: unknown,
  cookie?: string,
): Promise<{ status: number; body: Answer; cookie: string | null }> {
  const response = await fetch(`${server.url}${path}`, {
    method: 'POST',
    headers: { Origin: server.url, 'Content-Type': 'application/json', ...(cookie ? { Cookie: cookie } : {}) },
    body: JSON.stringify(body),
  });
  return {
    status: response.status,
    body: (await response.json()) as Answer,
    cookie: response.headers.get('set-cookie'),
  };
}

const examplePlan = async () => {
  const imported = importBudgetTable(readSeedPlan('goteborg-2023'), 'goteborg-2023.csv');
  if (!imported.ok) throw new Error('seed');
  return imported.value;
};

beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'samplan-start-'));
  const staticDir = join(dir, 'dist');
  mkdirSync(join(staticDir, 'assets'), { recursive: true });
  writeFileSync(join(staticDir, 'index.html'), '<!doctype html><div id="root"></div>');
  writeFileSync(join(staticDir, 'assets', 'app-1234.js'), 'console.log(1)');
  server = await startSamplanServer({ dataDir: join(dir, 'data'), port: 0, staticDir, examplePlan });
});
afterEach(async () => {
  await server.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('startSamplanServer', () => {
  it('serves the built workspace with a fallback to index.html for its paths, next to the API', async () => {
    const index = await fetch(`${server.url}/`);
    expect(index.status).toBe(200);
    expect(await index.text()).toContain('id="root"');
    const deep = await fetch(`${server.url}/plans/abc`);
    expect(await deep.text()).toContain('id="root"');
    const asset = await fetch(`${server.url}/assets/app-1234.js`);
    expect(asset.headers.get('content-type')).toContain('javascript');
    expect((await fetch(`${server.url}/api/health`)).status).toBe(200);
    expect((await fetch(`${server.url}/api/nothing`)).status).toBe(404);
  });

  it('keeps running when a file of the workspace disappears after start (a rebuild): that request fails, the rest answer', async () => {
    rmSync(join(dir, 'dist', 'index.html'));
    await expect(fetch(`${server.url}/plans/abc`).then((r) => r.text())).rejects.toThrow();
    expect((await fetch(`${server.url}/api/health`)).status).toBe(200);
    expect((await fetch(`${server.url}/assets/app-1234.js`)).status).toBe(200);
  });

  it('prints an address people can open when it listens on an IPv6 loopback (in brackets)', async () => {
    const v6 = await startSamplanServer({
      dataDir: join(dir, 'data-v6'),
      port: 0,
      host: '::1',
      staticDir: join(dir, 'dist'),
    });
    try {
      expect(v6.url).toBe(`http://[::1]:${v6.port}`);
      expect((await fetch(`${v6.url}/`)).status).toBe(200);
    } finally {
      await v6.close();
    }
  });

  it('offers first-run setup with the printed token only, once; the first user owns the example plan', async () => {
    const token = server.setupToken();
    expect(token).toMatch(/^[\w-]{20,}$/);
    expect(await (await fetch(`${server.url}/api/setup`)).json()).toEqual({ needed: true });

    const person = { email: 'anna@example.se', name: 'Anna', password: 'ett-bra-lösenord' };
    expect((await post('/api/setup', { ...person, token: 'fel' })).status).toBe(403);
    const weak = await post('/api/setup', { ...person, password: 'kort', token });
    expect(weak.status).toBe(400);
    expect(weak.body.error?.field).toBe('password');

    const done = await post('/api/setup', { ...person, token });
    expect(done.status).toBe(201);
    expect(done.body.user?.email).toBe('anna@example.se');
    expect(done.cookie).toMatch(/^samplan_session=[^;]+; HttpOnly; SameSite=Strict/);
    const cookie = done.cookie?.split(';')[0] ?? '';
    const plans = await (await fetch(`${server.url}/api/plans`, { headers: { Cookie: cookie } })).json();
    expect(plans).toEqual([{ id: done.body.planId, name: 'Samordningsförbundet Göteborg 2023–2025', role: 'owner' }]);
    const info = await (
      await fetch(`${server.url}/api/plans/${done.body.planId}`, { headers: { Cookie: cookie } })
    ).json();
    expect(info).toMatchObject({ role: 'owner', user: { name: 'Anna' }, members: [{ name: 'Anna', role: 'owner' }] });

    expect(server.setupToken()).toBeNull();
    expect(await (await fetch(`${server.url}/api/setup`)).json()).toEqual({ needed: false });
    const again = await post('/api/setup', { ...person, email: 'bo@example.se', token });
    expect(again.status).toBe(409);
  });

  it('refuses WebSocket upgrades from a foreign Origin before the handshake', async () => {
    const status = await new Promise<number>((resolve) => {
      const socket = new WebSocket(`ws://127.0.0.1:${server.port}/collab/x`, {
        headers: { Origin: 'https://evil.example' },
      });
      socket.on('unexpected-response', (_request, response) => resolve(response.statusCode ?? 0));
      socket.on('open', () => resolve(101));
      socket.on('error', () => {});
    });
    expect(status).toBe(403);
  });

  it('takes collaboration connections only under /collab/', async () => {
    const statusOf = (path: string) =>
      new Promise<number>((resolve) => {
        const socket = new WebSocket(`ws://127.0.0.1:${server.port}${path}`);
        socket.on('unexpected-response', (_request, response) => resolve(response.statusCode ?? 0));
        socket.on('open', () => {
          resolve(101);
          socket.close();
        });
        socket.on('error', () => {});
      });
    expect(await statusOf('/api/some-plan')).toBe(404);
    expect(await statusOf('/some-plan')).toBe(404);
    expect(await statusOf('/collabx/some-plan')).toBe(404);
    expect(await statusOf('/collab/some-plan')).toBe(101);
  });
});
