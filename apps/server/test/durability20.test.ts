/**
 * Durability with 20 writers on the production server (`startSamplanServer` in a child process through
 * tsx, see `fixtures/samplanServerProcess.ts`): 20 y-websocket clients make real plan edits
 * (`applyEditToDoc` on a plan stored by `POST /api/plans`), the server is SIGKILLed while they write and
 * restarted on the same port and data file. Every update a watching client had received (the server relays
 * only after the commit, so that is an acknowledgement) must be in the data file and in a fresh client,
 * and the 20 clients, never destroyed, must reconnect by themselves and converge, their unacknowledged and
 * offline edits included (re-sent by y-websocket's sync on reconnect).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { applyEditToDoc, docToPlan, planRoot } from '@samplan/plan-doc';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import { COLLAB_PATH, createAccountStore, createSqliteStorage, DATA_FILE_NAME, SESSION_COOKIE } from '../src/index.ts';
import { waitFor } from './helpers.ts';
import { killServerProcess, killServerProcesses, spawnServerProcess } from './serverProcesses.ts';

const WRITERS = 20;
/** Each writer makes one edit this often (20 writers: about 250 edits a second in all). */
const WRITE_EVERY_MS = 80;
/** Acknowledged edits before the kill: the server has been busy for a while, compaction (every 500) included. */
const ACKNOWLEDGED_BEFORE_KILL = 400;
const PASSWORD = 'ett långt lösenord';
const PLAN = {
  name: 'Samordningsförbundet Krocktest',
  years: [2026, 2027, 2028],
  openingEquity: '1500000',
  members: [
    { id: 'staten', name: 'Försäkringskassan', group: 'state', amounts: { 2026: '2000000', 2027: '2000000' } },
    { id: 'region', name: 'Region Exempel', group: 'region', amounts: { 2026: '1000000', 2027: '1000000' } },
    { id: 'kommun', name: 'Exempel kommun', group: 'kommun', amounts: { 2026: '1000000', 2027: '1000000' } },
  ],
};

/** A y-websocket client of the plan (ws as the WebSocket, no BroadcastChannel), with the codes of its lost connections. */
interface PlanClient {
  readonly name: string;
  readonly doc: Y.Doc;
  readonly provider: WebsocketProvider;
  readonly closes: number[];
}

/** The cost line ids a document holds, read without creating anything (a viewer's doc must stay unchanged). */
function costIds(doc: Y.Doc): Set<string> {
  const costs = planRoot(doc).get('costs');
  return new Set(costs instanceof Y.Map ? [...costs.keys()] : []);
}

/** The cost line ids of the document the stored rows of `room` make, read with a read-only connection of our own. */
function storedCostIds(dataFile: string, room: string): Set<string> {
  const db = new Database(dataFile, { readonly: true, fileMustExist: true });
  try {
    const doc = new Y.Doc();
    const rows = db
      .prepare<[string], { data: Buffer }>('SELECT data FROM updates WHERE room = ? ORDER BY id')
      .all(room);
    for (const row of rows) Y.applyUpdate(doc, new Uint8Array(row.data));
    return costIds(doc);
  } finally {
    db.close();
  }
}

/** JSON with every object's keys sorted, so that equal content gives equal text. */
function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_key, inner: unknown) =>
    inner !== null && typeof inner === 'object' && !Array.isArray(inner)
      ? Object.fromEntries(Object.entries(inner).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
      : inner,
  );
}

describe('durability with 20 clients on the production server', () => {
  let dataDir: string;
  const providers = new Set<WebsocketProvider>();
  const timers = new Set<NodeJS.Timeout>(); // the writers' start timeouts and intervals
  const maxListeners = process.getMaxListeners();
  beforeEach(() => {
    dataDir = mkdtempSync(join(tmpdir(), 'samplan-durability20-'));
    // Each WebsocketProvider listens for the process's 'exit'; 22 of them are expected here, not a leak.
    process.setMaxListeners(maxListeners + 30);
  });
  afterEach(async () => {
    for (const timer of timers) clearInterval(timer);
    timers.clear();
    for (const provider of providers) provider.destroy();
    providers.clear();
    await killServerProcesses();
    rmSync(dataDir, { recursive: true, force: true });
    process.setMaxListeners(maxListeners);
  });

  it('keeps every acknowledged edit through a SIGKILL; the 20 clients reconnect by themselves and converge', {
    timeout: 90_000,
  }, async () => {
    // Accounts and sessions straight into the data file (the server is not running yet); the plan and the
    // roles go through the API below.
    const dataFile = join(dataDir, DATA_FILE_NAME);
    const setup = createSqliteStorage(dataFile);
    const accounts = createAccountStore(setup.database);
    const sessionOf = (name: string, sessions = 1): string[] => {
      const created = accounts.createUser({ email: `${name}@example.se`, name, password: PASSWORD });
      if (!created.ok) throw new Error(JSON.stringify(created.errors));
      return Array.from({ length: sessions }, () => accounts.createSession(created.user.id));
    };
    const [ownerToken = ''] = sessionOf('agnes');
    const writerTokens = Array.from({ length: WRITERS }, (_, w) => sessionOf(`writer${w}`)[0] ?? '');
    const [observerToken = '', checkerToken = ''] = sessionOf('olle', 2);
    setup.close();

    const first = await spawnServerProcess('samplanServerProcess.ts', [dataDir, '0']);
    const base = `http://127.0.0.1:${first.port}`;
    const post = async (path: string, token: string, body: unknown): Promise<Record<string, string>> => {
      const response = await fetch(`${base}${path}`, {
        method: 'POST',
        headers: { origin: base, cookie: `${SESSION_COOKIE}=${token}`, 'content-type': 'application/json' },
        body: JSON.stringify(body),
      });
      const text = await response.text();
      expect(response.status, text).toBeLessThan(300);
      return JSON.parse(text) as Record<string, string>;
    };
    const planId = (await post('/api/plans', ownerToken, { plan: PLAN })).id ?? '';
    for (const [token, role] of [
      ...writerTokens.map((t) => [t, 'editor'] as const),
      [observerToken, 'viewer'] as const,
    ]) {
      const invitation = await post(`/api/plans/${planId}/invitations`, ownerToken, { role });
      await post(`/api/invitations/${invitation.token}/accept`, token, {});
    }

    const connect = (name: string, token: string): PlanClient => {
      const doc = new Y.Doc();
      const provider = new WebsocketProvider(`ws://127.0.0.1:${first.port}${COLLAB_PATH}`, planId, doc, {
        WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket,
        disableBc: true,
        params: { token },
      });
      providers.add(provider);
      const closes: number[] = [];
      provider.on('connection-close', (event) => closes.push(event?.code ?? -1));
      return { name, doc, provider, closes };
    };
    // The observer defines "acknowledged": the server relays an edit only after committing it.
    const observer = connect('observer', observerToken);
    const writers = writerTokens.map((token, w) => connect(`writer${w}`, token));
    const everyone = [observer, ...writers];
    await waitFor(() => everyone.every((client) => client.provider.synced), 'all 21 clients synced', 30_000);
    expect(docToPlan(observer.doc).ok).toBe(true);

    // Each writer adds a cost line of its own (identifiable: `w<writer>-<n>`) every WRITE_EVERY_MS, staggered;
    // every fifth edit also sets the same member amount, a conflict the clients must resolve alike.
    const written: string[][] = writers.map(() => []);
    let crashed = false;
    const writtenAfterCrash: number[] = writers.map(() => 0);
    writers.forEach((writer, w) => {
      const start = setTimeout(
        () => {
          const timer = setInterval(() => {
            const n = written[w]?.length ?? 0;
            const id = `w${w}-${n}`;
            const edit: Parameters<typeof applyEditToDoc>[1] = {
              type: 'add-line',
              collection: 'costs',
              line: {
                id,
                name: `Insats ${id}`,
                category: 'individual',
                amount: { type: 'yearly', amounts: { 2026: String(1000 + n) } },
              },
            };
            applyEditToDoc(writer.doc, edit);
            written[w]?.push(id);
            if (crashed) writtenAfterCrash[w] = (writtenAfterCrash[w] ?? 0) + 1;
            if (n % 5 === 4) {
              const value = String(100_000 * (w + 1) + n);
              applyEditToDoc(writer.doc, {
                type: 'set-amount',
                collection: 'members',
                id: 'staten',
                year: 2027,
                value,
              });
            }
          }, WRITE_EVERY_MS);
          timers.add(timer);
        },
        (w * WRITE_EVERY_MS) / WRITERS,
      );
      timers.add(start);
    });

    await waitFor(
      () => costIds(observer.doc).size >= ACKNOWLEDGED_BEFORE_KILL,
      `${ACKNOWLEDGED_BEFORE_KILL} edits acknowledged`,
      30_000,
    );
    await killServerProcess(first.child, 'SIGKILL'); // mid-write: the writers keep writing, now offline
    crashed = true;
    await waitFor(
      () => everyone.every((client) => !client.provider.wsconnected),
      'every client noticed the crash',
      30_000,
    );
    const acknowledged = [...costIds(observer.doc)];
    const writtenAtCrash = written.reduce((sum, ids) => sum + ids.length, 0);
    expect(acknowledged.length).toBeGreaterThanOrEqual(ACKNOWLEDGED_BEFORE_KILL);

    // The data file as the killed process left it holds every acknowledged edit (nobody could re-send it yet).
    const inFileAfterCrash = storedCostIds(dataFile, planId);
    expect(acknowledged.filter((id) => !inFileAfterCrash.has(id))).toEqual([]);

    // Every writer edits offline for a while before the server is back on the same port and file.
    await waitFor(() => writtenAfterCrash.every((count) => count >= 3), 'every writer edited offline', 30_000);
    const second = await spawnServerProcess('samplanServerProcess.ts', [dataDir, String(first.port)]);
    expect(second.port).toBe(first.port);
    for (const timer of timers) clearInterval(timer);
    timers.clear();
    const totalWritten = written.reduce((sum, ids) => sum + ids.length, 0);

    // (a) A fresh client of the restarted server has every acknowledged edit.
    const checker = connect('checker', checkerToken);
    await waitFor(() => checker.provider.synced, 'the checker synced with the restarted server', 30_000);
    expect(acknowledged.filter((id) => !costIds(checker.doc).has(id))).toEqual([]);

    // (b) The 20 writers (and the observer) reconnect by themselves and everyone converges on every edit
    // made, acknowledged or not, offline or not.
    const all = [...everyone, checker];
    const stateVector = (client: PlanClient) => Buffer.from(Y.encodeStateVector(client.doc)).toString('base64');
    await waitFor(
      () =>
        all.every((client) => client.provider.synced) &&
        costIds(checker.doc).size === totalWritten &&
        all.every((client) => stateVector(client) === stateVector(checker)),
      'all 22 clients reconnected and converged',
      45_000,
    );
    // The same content everywhere (map keys sorted: a Y.Map's key order depends on the order updates arrived).
    const expected = canonicalJson(planRoot(checker.doc).toJSON());
    const differing = all.filter((client) => canonicalJson(planRoot(client.doc).toJSON()) !== expected);
    expect(differing.map((client) => client.name)).toEqual([]);
    const finalIds = costIds(checker.doc);
    expect(written.flat().filter((id) => !finalIds.has(id))).toEqual([]);
    const plan = docToPlan(checker.doc);
    expect(plan.ok && plan.value.costs.length).toBe(totalWritten);

    // Every connection was lost to the crash only (1006), never refused (4400–4499) on reconnect.
    for (const client of everyone) expect(new Set(client.closes), client.name).toEqual(new Set([1006]));
    expect(checker.closes).toEqual([]);
    // The restarted server stored what the clients re-sent: the file has every edit.
    await waitFor(
      () => storedCostIds(dataFile, planId).size === totalWritten,
      'the data file holds every edit',
      30_000,
    );
    console.info(
      `durability20: ${acknowledged.length} acknowledged at the crash, ${writtenAtCrash} written by then, ` +
        `${totalWritten} in all; ${inFileAfterCrash.size} in the file after the crash`,
    );
  });
});
