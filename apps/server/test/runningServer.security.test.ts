/**
 * Security of the collaboration socket on the RUNNING production server (`startSamplanServer`: one port,
 * HTTP API, `/collab/<plan id>`, a real SQLite file): sessions come from `POST /api/login`, plans from
 * `POST /api/plans`, roles from invitations, exactly as the workspace gets them. Every case checks the
 * close code and that the server stays up: `GET /api/health` answers and two browser-like clients
 * (session cookie and Origin on the upgrade) in another plan keep editing together, never disconnected.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Plan } from '@samplan/engine';
import {
  applyEditToDoc,
  commentsRoot,
  docToPlan,
  ensureOutline,
  pin,
  planRoot,
  propose,
  readOutline,
  readThreads,
  readWorkshop,
  replyToThread,
  setThreadResolved,
  startThread,
  vote,
} from '@samplan/plan-doc';
import Database from 'better-sqlite3';
import * as decoding from 'lib0/decoding';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import { COLLAB_PATH, closeCodes, type SamplanServer, SESSION_COOKIE, startSamplanServer } from '../src/index.ts';
import { syncFrame, waitFor as waitForWithin } from './helpers.ts';

/** Polls like `waitFor`, with room for a busy 2-core machine. */
const waitFor = (condition: () => boolean, what: string) => waitForWithin(condition, what, 20_000);

const PASSWORD = 'ett långt lösenord';
const PEOPLE = ['alice', 'eddie', 'vera', 'kim', 'mallory', 'bob', 'carl'] as const;
type Person = (typeof PEOPLE)[number];

/** A raw `ws` connection to `/collab/<room>` that records frames, the close code and a refused handshake. */
interface RawSocket {
  readonly socket: WebSocket;
  readonly frames: Uint8Array[];
  /** The HTTP status of a refused upgrade ('unexpected-response'), else null. */
  readonly refusedWith: Promise<number | null>;
  closeCode(): number | null;
  closeReason(): string | null;
}

/** A y-websocket client in a browser-like socket: the session cookie and the Origin header on the upgrade. */
interface BrowserClient {
  readonly doc: Y.Doc;
  readonly provider: WebsocketProvider;
  /** Close codes of every connection this client lost. */
  readonly closes: number[];
}

/** The decoded sync frames ([0, syncType, payload]) among `frames`. */
function syncMessages(frames: readonly Uint8Array[]): { syncType: number; payload: Uint8Array }[] {
  return frames.flatMap((frame) => {
    const decoder = decoding.createDecoder(frame);
    if (decoding.readVarUint(decoder) !== 0) return [];
    const syncType = decoding.readVarUint(decoder);
    return [{ syncType, payload: decoding.readVarUint8Array(decoder) }];
  });
}

describe('the running server: the collaboration socket refuses what it must and stays up', { timeout: 60_000 }, () => {
  let dataDir: string;
  let server: SamplanServer;
  const cookies = {} as Record<Person, string>;
  const userIds = {} as Record<Person, string>;
  let planA: string; // alice owns it; eddie is an editor, vera a viewer, kim a commenter
  let planB: string; // bob owns it, carl is an editor: the bystanders
  let planM: string; // mallory's own plan
  let bystanderWriter: BrowserClient;
  let bystanderWatcher: BrowserClient;
  let aliveChecks = 0;
  const serverErrors: string[] = [];
  const sockets = new Set<WebSocket>();
  const providers = new Set<WebsocketProvider>();

  /** An HTTP request with the server's own Origin (the API's CSRF check) and optionally a session cookie. */
  function api(method: string, path: string, { cookie, body }: { cookie?: string; body?: unknown } = {}) {
    const headers: Record<string, string> = { origin: server.url };
    if (cookie !== undefined) headers.cookie = cookie;
    if (body !== undefined) headers['content-type'] = 'application/json';
    return fetch(`${server.url}${path}`, {
      method,
      headers,
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
  }

  async function json<T>(response: Response, status: number): Promise<T> {
    const text = await response.text();
    expect(response.status, text).toBe(status);
    return JSON.parse(text) as T;
  }

  /** Logs in through the API; returns the `samplan_session=<token>` cookie. */
  async function login(person: Person): Promise<string> {
    const response = await api('POST', '/api/login', { body: { email: `${person}@example.se`, password: PASSWORD } });
    await json(response, 200);
    const cookie = (response.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
    expect(cookie).toMatch(new RegExp(`^${SESSION_COOKIE}=.+`));
    return cookie;
  }

  const tokenOf = (cookie: string) => cookie.slice(SESSION_COOKIE.length + 1);

  async function createPlan(owner: Person, name: string): Promise<string> {
    const created = await json<{ id: string }>(
      await api('POST', '/api/plans', { cookie: cookies[owner], body: { name } }),
      201,
    );
    return created.id;
  }

  async function invite(planId: string, role: string, person: Person): Promise<void> {
    const owner = planId === planB ? 'bob' : 'alice';
    const { token } = await json<{ token: string }>(
      await api('POST', `/api/plans/${planId}/invitations`, { cookie: cookies[owner], body: { role } }),
      201,
    );
    const accepted = await json<{ role: string }>(
      await api('POST', `/api/invitations/${token}/accept`, { cookie: cookies[person] }),
      200,
    );
    expect(accepted.role).toBe(role);
  }

  /** Opens `/collab/<room>` with a raw socket; no cookie, token or Origin unless given. */
  function openSocket(room: string, options: { cookie?: string; token?: string; origin?: string } = {}): RawSocket {
    const query = options.token === undefined ? '' : `?token=${encodeURIComponent(options.token)}`;
    const socket = new WebSocket(`ws://127.0.0.1:${server.port}${COLLAB_PATH}/${encodeURIComponent(room)}${query}`, {
      headers: options.cookie === undefined ? {} : { cookie: options.cookie },
      ...(options.origin === undefined ? {} : { origin: options.origin }),
    });
    sockets.add(socket);
    const frames: Uint8Array[] = [];
    let code: number | null = null;
    let reason: string | null = null;
    socket.on('message', (data: Buffer) => frames.push(new Uint8Array(data)));
    socket.on('error', () => {});
    const refusedWith = new Promise<number | null>((resolve) => {
      socket.once('open', () => resolve(null));
      socket.once('unexpected-response', (request, response) => {
        resolve(response.statusCode ?? 0);
        response.resume();
        request.destroy();
      });
      socket.once('close', () => resolve(null));
    });
    socket.once('close', (closeCode: number, closeReason: Buffer) => {
      code = closeCode;
      reason = closeReason.toString();
      sockets.delete(socket);
    });
    return { socket, frames, refusedWith, closeCode: () => code, closeReason: () => reason };
  }

  /** The code the server closes a socket with (waited for, so that a socket left open fails the test, not its timeout). */
  async function closeCodeOf(raw: RawSocket): Promise<number> {
    await waitFor(() => raw.closeCode() !== null, 'the server closed the connection');
    return raw.closeCode() ?? 0;
  }

  /** Opens a socket and waits until the server greets it with its SyncStep1: it has joined the room. */
  async function joinRoom(
    room: string,
    options: { cookie?: string; token?: string; origin?: string },
  ): Promise<RawSocket> {
    const raw = openSocket(room, options);
    await waitFor(() => raw.frames.length > 0 || raw.closeCode() !== null, `a greeting in ${room} (or a close)`);
    expect(raw.closeCode(), 'the server closed a connection that should have joined').toBeNull();
    expect(syncMessages(raw.frames)[0]?.syncType).toBe(0); // SyncStep1
    return raw;
  }

  /** Joins, asks for the whole document (SyncStep1 with an empty state vector) and returns it with the socket. */
  async function syncRaw(
    room: string,
    options: { cookie?: string; token?: string; origin?: string },
  ): Promise<{ doc: Y.Doc; raw: RawSocket }> {
    const raw = await joinRoom(room, options);
    raw.socket.send(syncFrame(0, Y.encodeStateVector(new Y.Doc())));
    await waitFor(
      () => syncMessages(raw.frames).some((message) => message.syncType === 1) || raw.closeCode() !== null,
      `the SyncStep2 of ${room}`,
    );
    expect(raw.closeCode()).toBeNull();
    const doc = new Y.Doc();
    for (const message of syncMessages(raw.frames)) if (message.syncType !== 0) Y.applyUpdate(doc, message.payload);
    return { doc, raw };
  }

  /** The whole document of a room, synced over a connection that is closed afterwards. */
  async function syncDoc(room: string, options: { cookie?: string; token?: string; origin?: string }): Promise<Y.Doc> {
    const { doc, raw } = await syncRaw(room, options);
    raw.socket.close();
    return doc;
  }

  /** The plan name in a synced document (and that the document is a valid plan). */
  function planName(doc: Y.Doc): string {
    const plan = docToPlan(doc);
    if (!plan.ok) throw new Error(`not a plan: ${JSON.stringify(plan.errors)}`);
    return plan.value.name;
  }

  /** A WebsocketProvider whose socket sends the session cookie and the server's Origin, as a browser does. */
  function browserClient(room: string, cookie: string): BrowserClient {
    const origin = server.url;
    class BrowserWebSocket extends WebSocket {
      constructor(url: string | URL, protocols?: string | string[]) {
        super(url, protocols, { headers: { cookie }, origin });
      }
    }
    const doc = new Y.Doc();
    const provider = new WebsocketProvider(`ws://127.0.0.1:${server.port}${COLLAB_PATH}`, room, doc, {
      WebSocketPolyfill: BrowserWebSocket as unknown as typeof globalThis.WebSocket,
      disableBc: true,
    });
    providers.add(provider);
    const closes: number[] = [];
    provider.on('connection-close', (event) => closes.push(event?.code ?? -1));
    return { doc, provider, closes };
  }

  /** The rows the data file holds for a room, read through a read-only connection of our own. */
  function storedRows(room: string): { id: number; data: Buffer }[] {
    const db = new Database(server.dataFile, { readonly: true, fileMustExist: true });
    try {
      return db
        .prepare<[string], { id: number; data: Buffer }>('SELECT id, data FROM updates WHERE room = ? ORDER BY id')
        .all(room);
    } finally {
      db.close();
    }
  }

  /** The Y.Doc the stored rows of a room make. */
  function storedYDoc(room: string): Y.Doc {
    const doc = new Y.Doc();
    for (const row of storedRows(room)) Y.applyUpdate(doc, new Uint8Array(row.data));
    return doc;
  }

  /** The document the stored rows of a room make: its state vector and plan (unchanged by a compaction). */
  function storedDocument(room: string): { stateVector: string; plan: unknown } {
    const doc = storedYDoc(room);
    const plan = docToPlan(doc);
    return { stateVector: Buffer.from(Y.encodeStateVector(doc)).toString('base64'), plan: plan.ok ? plan.value : plan };
  }

  /** The plan the stored rows of a room make (it must be readable). */
  function storedPlan(room: string): Plan {
    const plan = docToPlan(storedYDoc(room));
    if (!plan.ok) throw new Error(`not a plan: ${JSON.stringify(plan.errors)}`);
    return plan.value;
  }

  /** A snapshot (state vector and delete set) of the stored document: any stored change, a deletion too, changes it. */
  const storedSnapshot = (room: string): string =>
    Buffer.from(Y.encodeSnapshot(Y.snapshot(storedYDoc(room)))).toString('base64');

  async function exportJson(planId: string): Promise<unknown> {
    return json(await api('GET', `/api/plans/${planId}/export.json`, { cookie: cookies.alice }), 200);
  }

  /** The server answers its health check and the bystanders in plan B still edit together, never dropped. */
  async function expectServerStaysUp(): Promise<void> {
    expect(await json(await fetch(`${server.url}/api/health`), 200)).toEqual({ ok: true });
    expect(serverErrors).toEqual([]);
    const value = String(1000 + ++aliveChecks);
    applyEditToDoc(bystanderWriter.doc, { type: 'set-opening-equity', value });
    await waitFor(
      () => planRoot(bystanderWatcher.doc).get('openingEquity') === value,
      'an edit of the bystander editor reached the other bystander',
    );
    for (const client of [bystanderWriter, bystanderWatcher]) {
      expect(client.provider.wsconnected).toBe(true);
      expect(client.closes).toEqual([]);
    }
  }

  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'samplan-running-'));
    server = await startSamplanServer({
      dataDir,
      port: 0,
      onError: (error, context) => serverErrors.push(`${context}: ${String(error)}`),
    });
    for (const person of PEOPLE) {
      const created = server.accounts.createUser({ email: `${person}@example.se`, name: person, password: PASSWORD });
      if (!created.ok) throw new Error(JSON.stringify(created.errors));
      userIds[person] = created.user.id;
      cookies[person] = await login(person);
    }
    planA = await createPlan('alice', 'Styrelsens plan');
    planB = await createPlan('bob', 'Bystanders plan');
    planM = await createPlan('mallory', 'Mallorys egen plan');
    await invite(planA, 'editor', 'eddie');
    await invite(planA, 'viewer', 'vera');
    await invite(planA, 'commenter', 'kim');
    await invite(planB, 'editor', 'carl');

    bystanderWriter = browserClient(planB, cookies.carl);
    bystanderWatcher = browserClient(planB, cookies.bob);
    await waitFor(() => bystanderWriter.provider.synced && bystanderWatcher.provider.synced, 'the bystanders synced');
    await expectServerStaysUp();
  }, 60_000);

  afterAll(async () => {
    for (const provider of providers) provider.destroy();
    for (const socket of sockets) socket.terminate();
    await server?.close();
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  });

  it('closes a connection without a session, or with a bad or expired one, with Unauthorized (4401)', async () => {
    expect(await closeCodeOf(openSocket(planA))).toBe(closeCodes.Unauthorized);
    expect(await closeCodeOf(openSocket(planA, { cookie: `${SESSION_COOKIE}=not-a-session` }))).toBe(
      closeCodes.Unauthorized,
    );
    expect(await closeCodeOf(openSocket(planA, { token: 'not-a-session' }))).toBe(closeCodes.Unauthorized);
    // Other cookies are no session either.
    expect(await closeCodeOf(openSocket(planA, { cookie: `other=${tokenOf(cookies.alice)}` }))).toBe(
      closeCodes.Unauthorized,
    );
    const expired = server.accounts.createSession(userIds.alice, -1000);
    expect(await closeCodeOf(openSocket(planA, { cookie: `${SESSION_COOKIE}=${expired}` }))).toBe(
      closeCodes.Unauthorized,
    );
    expect(await closeCodeOf(openSocket(planA, { token: expired }))).toBe(closeCodes.Unauthorized);
    await expectServerStaysUp();
  });

  it('closes a viewer that sends changes with ReadOnly (4409): nothing is stored or relayed', async () => {
    const editor = browserClient(planA, cookies.eddie);
    await waitFor(() => editor.provider.synced, 'the editor synced');
    const rowsBefore = storedRows(planA);
    expect(rowsBefore.length).toBeGreaterThan(0);
    const exportBefore = await exportJson(planA);

    // The viewer syncs like the workspace does, edits its copy, and sends the change in each way a client can.
    const attacks: { what: string; syncType: number; change: (doc: Y.Doc) => void }[] = [
      {
        what: 'an Update renaming the plan',
        syncType: 2,
        change: (doc) => applyEditToDoc(doc, { type: 'set-name', name: 'Kapad av en läsare' }),
      },
      {
        what: 'a SyncStep2 changing the opening equity',
        syncType: 1,
        change: (doc) => applyEditToDoc(doc, { type: 'set-opening-equity', value: '666' }),
      },
      {
        what: 'a delete-only Update erasing the plan name',
        syncType: 2,
        change: (doc) => {
          const name = planRoot(doc).get('name') as Y.Text;
          name.delete(0, name.length);
        },
      },
    ];
    for (const attack of attacks) {
      const { doc, raw } = await syncRaw(planA, { cookie: cookies.vera });
      expect(planName(doc)).toBe('Styrelsens plan');
      const stateBefore = Y.encodeStateVector(doc);
      attack.change(doc);
      const update = Y.encodeStateAsUpdate(doc, stateBefore);
      if (attack.what.includes('delete-only')) expect(Y.decodeUpdate(update).structs).toEqual([]);
      raw.socket.send(syncFrame(attack.syncType, update));
      expect(await closeCodeOf(raw), attack.what).toBe(closeCodes.ReadOnly);
    }

    // Nothing of it is in the data file, nor in the export.
    expect(storedRows(planA)).toEqual(rowsBefore);
    expect(await exportJson(planA)).toEqual(exportBefore);

    // Nothing of it reached the editor: a later edit by the owner arrives, the viewer's never did.
    const owner = browserClient(planA, cookies.alice);
    await waitFor(() => owner.provider.synced, 'the owner synced');
    applyEditToDoc(owner.doc, { type: 'set-opening-equity', value: '1234' });
    await waitFor(() => planRoot(editor.doc).get('openingEquity') === '1234', 'the owner edit reached the editor');
    expect(planName(editor.doc)).toBe('Styrelsens plan');
    expect(editor.closes).toEqual([]);
    expect(editor.provider.wsconnected).toBe(true);
    await expectServerStaysUp();
    owner.provider.destroy();
    editor.provider.destroy();
  });

  it('lets a commenter write its own comments, and closes it with ReadOnly (4409) for anything else', async () => {
    const kim = { id: userIds.kim, name: 'kim' };
    const eddie = { id: userIds.eddie, name: 'eddie' };
    const editor = browserClient(planA, cookies.eddie);
    await waitFor(() => editor.provider.synced, 'the editor synced');
    // A budget line for the commenter to try to change.
    applyEditToDoc(editor.doc, {
      type: 'add-line',
      collection: 'costs',
      line: { id: 'insats', name: 'Insats', category: 'individual', amount: { type: 'yearly', amounts: {} } },
    });
    await waitFor(() => storedPlan(planA).costs.some((c) => c.id === 'insats'), 'the line was stored');
    const year = storedPlan(planA).years[0] as number;
    const setAmount = (doc: Y.Doc) =>
      applyEditToDoc(doc, { type: 'set-amount', collection: 'costs', id: 'insats', year, value: '666' });

    // Accepted: a thread, a reply and resolving it, each as the commenter's client sends them (Update or SyncStep2).
    const commenter = await syncRaw(planA, { cookie: cookies.kim });
    let sent = Y.encodeStateVector(commenter.doc);
    const send = (syncType: number) => {
      commenter.raw.socket.send(syncFrame(syncType, Y.encodeStateAsUpdate(commenter.doc, sent)));
      sent = Y.encodeStateVector(commenter.doc);
    };
    const started = startThread(commenter.doc, {
      anchor: { kind: 'line', collection: 'costs', line: 'insats' },
      author: kim,
      text: 'Varför är insatsen tom?',
      mentions: [eddie.id],
    });
    if (!started.ok) throw new Error(JSON.stringify(started.errors));
    const threadId = started.id;
    send(2);
    replyToThread(commenter.doc, threadId, { author: kim, text: 'Jag svarar själv.' });
    send(1);
    setThreadResolved(commenter.doc, threadId, kim);
    send(2);
    const threadIn = (doc: Y.Doc) => readThreads(doc).threads.find((t) => t.id === threadId);
    await waitFor(
      () => threadIn(editor.doc)?.resolved?.by === kim.id && threadIn(editor.doc)?.messages.length === 2,
      'the comments reached the editor',
    );
    expect(commenter.raw.closeCode()).toBeNull();
    // Stored: the data file and a fresh client have the thread as the editor got it.
    const accepted = threadIn(editor.doc);
    expect(accepted).toMatchObject({
      author: kim.id,
      resolved: { by: kim.id },
      messages: [
        { author: kim.id, text: 'Varför är insatsen tom?', mentions: [eddie.id] },
        { author: kim.id, text: 'Jag svarar själv.' },
      ],
    });
    expect(threadIn(storedYDoc(planA))).toEqual(accepted);
    expect(threadIn(await syncDoc(planA, { cookie: cookies.vera }))).toEqual(accepted);
    commenter.raw.socket.close();

    // Refused: anything but its own comments, alone or along with a valid comment.
    const snapshotBefore = storedSnapshot(planA);
    const exportBefore = await exportJson(planA);
    const threadsBefore = readThreads(editor.doc).threads;
    const attacks: { what: string; syncType: number; change: (doc: Y.Doc) => void }[] = [
      { what: 'a plan edit (set-amount)', syncType: 2, change: setAmount },
      {
        what: 'text in a section (a SyncStep2)',
        syncType: 1,
        change: (doc) => {
          ensureOutline(doc);
          const body = readOutline(doc)[0]?.body;
          if (!body) throw new Error('no section');
          body.insert(0, [new Y.XmlText('Skrivet av en kommentator')]);
        },
      },
      {
        what: "a message in the editor's name",
        syncType: 2,
        change: (doc) => replyToThread(doc, threadId, { author: eddie, text: 'Jag håller med.' }),
      },
      {
        what: 'deleting a message',
        syncType: 2,
        change: (doc) =>
          ((commentsRoot(doc).get(threadId) as Y.Map<unknown>).get('messages') as Y.Array<unknown>).delete(0, 1),
      },
      {
        what: 'a valid comment with a plan edit',
        syncType: 2,
        change: (doc) => {
          startThread(doc, { anchor: { kind: 'scenario', scenario: 'bas' }, author: kim, text: 'Bara en kommentar' });
          setAmount(doc);
        },
      },
    ];
    for (const attack of attacks) {
      const { doc, raw } = await syncRaw(planA, { cookie: cookies.kim });
      const stateBefore = Y.encodeStateVector(doc);
      attack.change(doc);
      raw.socket.send(syncFrame(attack.syncType, Y.encodeStateAsUpdate(doc, stateBefore)));
      expect(await closeCodeOf(raw), attack.what).toBe(closeCodes.ReadOnly);
      expect(raw.closeReason(), attack.what).toBe('kommentator: får bara skriva kommentarer');
    }
    expect(storedSnapshot(planA)).toBe(snapshotBefore);
    expect(await exportJson(planA)).toEqual(exportBefore);

    // Editors still comment; none of the refused updates reached the editor (the owner's reply, sent
    // after them, did).
    const owner = browserClient(planA, cookies.alice);
    await waitFor(() => owner.provider.synced, 'the owner synced');
    const byEditor = startThread(editor.doc, {
      anchor: { kind: 'text', section: 'inledning', from: null, to: null, quote: '' },
      author: eddie,
      text: 'Redaktörer kommenterar också.',
    });
    if (!byEditor.ok) throw new Error(JSON.stringify(byEditor.errors));
    await waitFor(
      () => readThreads(owner.doc).threads.some((t) => t.id === byEditor.id),
      'the editor comment reached the owner',
    );
    replyToThread(owner.doc, threadId, { author: { id: userIds.alice, name: 'alice' }, text: 'Tack!' });
    await waitFor(() => threadIn(editor.doc)?.messages.length === 3, 'the owner reply reached the editor');
    const { threads } = readThreads(editor.doc);
    expect(threads.map((t) => t.id).sort()).toEqual([...threadsBefore.map((t) => t.id), byEditor.id].sort());
    expect(threadIn(editor.doc)?.messages.map((m) => m.author)).toEqual([kim.id, kim.id, userIds.alice]);
    const editorPlan = docToPlan(editor.doc);
    if (!editorPlan.ok) throw new Error('the editor plan is unreadable');
    const line = editorPlan.value.costs.find((c) => c.id === 'insats');
    expect(line?.amount).toEqual({ type: 'yearly', amounts: {} });
    expect(readOutline(editor.doc).map((s) => s.body.length)).toEqual(readOutline(editor.doc).map(() => 0));
    expect(readThreads(storedYDoc(planA)).threads.map((t) => t.id)).toContain(byEditor.id);
    expect(editor.closes).toEqual([]);
    expect(editor.provider.wsconnected).toBe(true);
    await expectServerStaysUp();
    owner.provider.destroy();
    editor.provider.destroy();
  });

  it('lets a commenter propose and vote on a strategy day, and closes it with ReadOnly (4409) when it pins', async () => {
    const kim = { id: userIds.kim, name: 'kim' };
    const editor = browserClient(planA, cookies.eddie);
    await waitFor(() => editor.provider.synced, 'the editor synced');
    const plan = storedPlan(planA);

    // Accepted: a proposal in Kim's name (the first one creates the workshop's map) and Kim's vote for it.
    const commenter = await syncRaw(planA, { cookie: cookies.kim });
    const before = Y.encodeStateVector(commenter.doc);
    const proposed = propose(commenter.doc, plan, {
      author: kim,
      name: 'Stäng Unga vuxna',
      changes: [{ type: 'indexation', rate: '0.03' }],
    });
    if (!proposed.ok) throw new Error(JSON.stringify(proposed.errors));
    vote(commenter.doc, proposed.id, kim.id);
    commenter.raw.socket.send(syncFrame(2, Y.encodeStateAsUpdate(commenter.doc, before)));
    const proposalIn = (doc: Y.Doc) => readWorkshop(doc, plan).workshop.proposals.find((p) => p.id === proposed.id);
    await waitFor(() => proposalIn(editor.doc) !== undefined, 'the proposal reached the editor');
    expect(commenter.raw.closeCode()).toBeNull();
    expect(proposalIn(editor.doc)).toMatchObject({ author: kim.id, authorName: 'kim', name: 'Stäng Unga vuxna' });
    expect(proposalIn(storedYDoc(planA))).toEqual(proposalIn(editor.doc));
    expect(readWorkshop(storedYDoc(planA), plan).workshop.votes.get(proposed.id)).toEqual([kim.id]);
    commenter.raw.socket.close();

    // Refused: pinning is the presenter's (an editor's); nothing of it is stored.
    const snapshotBefore = storedSnapshot(planA);
    const { doc, raw } = await syncRaw(planA, { cookie: cookies.kim });
    const stateBefore = Y.encodeStateVector(doc);
    pin(doc, proposed.id);
    raw.socket.send(syncFrame(2, Y.encodeStateAsUpdate(doc, stateBefore)));
    expect(await closeCodeOf(raw)).toBe(closeCodes.ReadOnly);
    expect(storedSnapshot(planA)).toBe(snapshotBefore);
    // The editor pins, and that is stored.
    pin(editor.doc, proposed.id);
    await waitFor(
      () => readWorkshop(storedYDoc(planA), plan).workshop.pinned.includes(proposed.id),
      "the editor's pin was stored",
    );
    expect(editor.closes).toEqual([]);
    await expectServerStaysUp();
    editor.provider.destroy();
  });

  it("closes a user opening another plan's room, or a room that does not exist, with Forbidden (4403)", async () => {
    // Mallory's session is good: her own plan opens.
    expect(planName(await syncDoc(planM, { cookie: cookies.mallory }))).toBe('Mallorys egen plan');
    expect(await closeCodeOf(openSocket(planA, { cookie: cookies.mallory }))).toBe(closeCodes.Forbidden);
    expect(await closeCodeOf(openSocket(planA, { token: tokenOf(cookies.mallory) }))).toBe(closeCodes.Forbidden);
    expect(await closeCodeOf(openSocket('no-such-plan', { cookie: cookies.alice }))).toBe(closeCodes.Forbidden);
    expect(await closeCodeOf(openSocket('no-such-plan', { token: tokenOf(cookies.alice) }))).toBe(closeCodes.Forbidden);
    // The token parameter wins over the cookie: Mallory's token with Alice's cookie is Mallory.
    expect(await closeCodeOf(openSocket(planA, { cookie: cookies.alice, token: tokenOf(cookies.mallory) }))).toBe(
      closeCodes.Forbidden,
    );
    await expectServerStaysUp();
  });

  it('closes a connection that sends a message over 1 000 000 bytes with MessageTooLarge (4413)', async () => {
    // The room may be compacting after the previous test's clients left: compare the stored document, not rows.
    const storedBefore = storedDocument(planA);
    const big = syncFrame(2, new Uint8Array(1_200_000));
    // After joining the room ...
    const joined = await joinRoom(planA, { cookie: cookies.eddie });
    joined.socket.send(big);
    expect(await closeCodeOf(joined)).toBe(closeCodes.MessageTooLarge);
    // ... and at once on open, while the session is being checked.
    const early = openSocket(planA, { cookie: cookies.eddie });
    early.socket.once('open', () => early.socket.send(big));
    expect(await closeCodeOf(early)).toBe(closeCodes.MessageTooLarge);
    expect(storedDocument(planA)).toEqual(storedBefore);
    await expectServerStaysUp();
  });

  it('refuses the upgrade from a foreign Origin with HTTP 403, even with a valid session', async () => {
    for (const origin of ['https://evil.example', `http://127.0.0.1:${server.port + 1}`, 'null']) {
      const withCookie = openSocket(planA, { cookie: cookies.alice, origin });
      expect(await withCookie.refusedWith, origin).toBe(403);
      const withToken = openSocket(planA, { token: tokenOf(cookies.alice), origin });
      expect(await withToken.refusedWith, origin).toBe(403);
    }
    // The same session from the server's own origins connects and syncs.
    expect(planName(await syncDoc(planA, { cookie: cookies.alice, origin: server.url }))).toBe('Styrelsens plan');
    const localhost = `http://localhost:${server.port}`;
    expect(planName(await syncDoc(planA, { cookie: cookies.alice, origin: localhost }))).toBe('Styrelsens plan');
    await expectServerStaysUp();
  });

  it('accepts the session from the cookie on the upgrade and from ?token=, and an editor edit is stored', async () => {
    expect(planName(await syncDoc(planA, { cookie: cookies.eddie }))).toBe('Styrelsens plan');
    expect(planName(await syncDoc(planA, { token: tokenOf(cookies.eddie) }))).toBe('Styrelsens plan');

    // An editor authenticated by ?token= writes; a cookie client sees it, and so does the data file.
    const watcher = browserClient(planA, cookies.vera);
    await waitFor(() => watcher.provider.synced, 'the viewer synced');
    const { doc, raw } = await syncRaw(planA, { token: tokenOf(cookies.eddie) });
    const stateBefore = Y.encodeStateVector(doc);
    applyEditToDoc(doc, { type: 'set-name', name: 'Styrelsens plan 2027' });
    raw.socket.send(syncFrame(2, Y.encodeStateAsUpdate(doc, stateBefore)));
    await waitFor(() => planName(watcher.doc) === 'Styrelsens plan 2027', 'the edit reached the viewer');
    expect(raw.closeCode()).toBeNull();
    expect(storedDocument(planA).plan).toMatchObject({ name: 'Styrelsens plan 2027' });
    raw.socket.close();
    watcher.provider.destroy();
    await expectServerStaysUp();
  });

  it('closes connections with a logged-out session with Unauthorized (4401)', async () => {
    const cookie = await login('alice'); // a session of its own, so that the other tests' stays valid
    expect(planName(await syncDoc(planA, { cookie }))).toBe('Styrelsens plan 2027');
    await json(await api('POST', '/api/logout', { cookie }), 200);
    expect((await api('GET', '/api/me', { cookie })).status).toBe(401);
    expect(await closeCodeOf(openSocket(planA, { cookie }))).toBe(closeCodes.Unauthorized);
    expect(await closeCodeOf(openSocket(planA, { token: tokenOf(cookie) }))).toBe(closeCodes.Unauthorized);
    // Alice's other session is untouched.
    expect(planName(await syncDoc(planA, { cookie: cookies.alice }))).toBe('Styrelsens plan 2027');
    await expectServerStaysUp();
  });
});
