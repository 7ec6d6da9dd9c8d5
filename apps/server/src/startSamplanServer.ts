import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import type { Plan } from '@samplan/engine';
import sirv from 'sirv';
import { authenticateWithAccounts } from './accounts/authenticateWithAccounts.ts';
import { type AccountStore, createAccountStore } from './accounts/createAccountStore.ts';
import { createRateLimiter } from './accounts/createRateLimiter.ts';
import { createCollabServer } from './createCollabServer.ts';
import { createSqliteStorage } from './createSqliteStorage.ts';
import { createHttpApi } from './http/createHttpApi.ts';
import { createPdfRenderer, type PdfRenderer } from './pdf/createPdfRenderer.ts';
import { samplanPlugins } from './samplanPlugins.ts';

/** The one data file: plan documents, accounts, sessions, roles and invitations. */
export const DATA_FILE_NAME = 'samplan.sqlite';
/** The path prefix of the WebSocket endpoint; the room (plan id) follows it: `/collab/<plan id>`. */
export const COLLAB_PATH = '/collab';

export interface SamplanServerOptions {
  /** The directory of the data file (created if missing). */
  readonly dataDir: string;
  readonly port: number;
  /** Default 127.0.0.1. */
  readonly host?: string;
  /** The built workspace (`apps/web/dist`), served with an SPA fallback to its index.html. */
  readonly staticDir?: string;
  /**
   * The origins browsers use to reach the server (e.g. `https://samplan.example` behind a proxy). The
   * server's own `http://127.0.0.1:<port>` and `http://localhost:<port>` are always allowed.
   */
  readonly publicOrigins?: readonly string[];
  /** Adds `Secure` to the session cookie (behind HTTPS). */
  readonly secureCookie?: boolean;
  /** The plan a first user gets to start from (first-run setup). */
  readonly examplePlan?: () => Promise<Plan>;
  readonly maxMessageBytes?: number;
  /**
   * Prints the web app's print view for `GET /api/plans/:id/export.pdf`. Default: `createPdfRenderer()`
   * (chromium from `SAMPLAN_CHROMIUM` or `/usr/bin/chromium`, started on the first export), closed by
   * `close()`; a renderer given here is the caller's to close.
   */
  readonly pdfRenderer?: PdfRenderer;
  readonly onError?: (error: unknown, context: string) => void;
}

/** The running Samplan server. */
export interface SamplanServer {
  readonly port: number;
  /** `http://host:port` */
  readonly url: string;
  readonly dataFile: string;
  readonly accounts: AccountStore;
  /** While no user exists: the token of the first-run setup link (`/setup#<token>`); null once someone exists. */
  setupToken(): string | null;
  /** Closes the connections (their rooms are compacted and unloaded), then the data file. */
  close(): Promise<void>;
}

/**
 * The whole server on one port: the built workspace, the HTTP API (`/api/…`) and the collaboration
 * WebSocket (`/collab/<plan id>`, the session cookie authenticates, roles per plan, browsers only from
 * allowed origins), all on one SQLite file in `dataDir`.
 */
export async function startSamplanServer(options: SamplanServerOptions): Promise<SamplanServer> {
  const { dataDir, port, host = '127.0.0.1' } = options;
  const onError =
    options.onError ?? ((error: unknown, context: string) => console.error(`[samplan] ${context}:`, error));
  mkdirSync(dataDir, { recursive: true });
  const dataFile = join(dataDir, DATA_FILE_NAME);
  const storage = createSqliteStorage(dataFile);
  const db = storage.database;
  const accounts = createAccountStore(db);
  const setupToken = randomBytes(24).toString('base64url');

  // Listen first: the allowed origins include the port, which is known only then (with `port: 0`).
  // The handlers are attached right after, before any request can be read.
  const httpServer = createServer();
  await new Promise<void>((resolve, reject) => {
    httpServer.once('error', reject);
    httpServer.listen(port, host, () => {
      httpServer.off('error', reject);
      resolve();
    });
  });
  const actualPort = (httpServer.address() as AddressInfo).port;
  const origins = [
    `http://127.0.0.1:${actualPort}`,
    `http://localhost:${actualPort}`,
    ...(options.publicOrigins ?? []),
  ];
  if (!['127.0.0.1', 'localhost', '0.0.0.0', '::'].includes(host)) origins.push(`http://${host}:${actualPort}`);
  // The origin the server reaches itself under (the PDF export opens the print view there); the print
  // view's collaboration socket sends it as its Origin, so it must be allowed too.
  const internalOrigin = ownOrigin(httpServer.address() as AddressInfo);
  if (!origins.includes(internalOrigin)) origins.push(internalOrigin);
  const pdfRenderer = options.pdfRenderer ?? createPdfRenderer();

  const api = createHttpApi({
    accounts,
    storage,
    db,
    loginLimiter: createRateLimiter({ max: 5, windowMs: 60_000 }),
    allowedOrigins: origins,
    ...(options.secureCookie === undefined ? {} : { secureCookie: options.secureCookie }),
    onError: (error) => onError(error, 'http api'),
    firstRun: { token: setupToken, ...(options.examplePlan ? { examplePlan: options.examplePlan } : {}) },
    pdf: { renderer: pdfRenderer, origin: internalOrigin },
  });
  const serveStatic =
    options.staticDir && existsSync(options.staticDir)
      ? sirv(options.staticDir, { single: true, etag: true, dev: false })
      : null;

  httpServer.on('request', (req: IncomingMessage, res: ServerResponse) => {
    res.setHeader('X-Content-Type-Options', 'nosniff');
    res.setHeader('Referrer-Policy', 'same-origin');
    void api(req, res).then(
      (handled) => {
        if (handled) return;
        if (serveStatic) {
          // sirv pipes a file stream it opened from its start-up listing; a file removed since (a
          // rebuild of the workspace) makes that stream fail, which must end this response, not the process.
          res.once('pipe', (source: NodeJS.ReadableStream) =>
            source.once('error', (error) => {
              onError(error, 'serving a static file');
              res.destroy();
            }),
          );
          serveStatic(req, res, () => {
            res.writeHead(404).end();
          });
        } else {
          res.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8' }).end('Arbetsytan är inte byggd.');
        }
      },
      (error: unknown) => {
        onError(error, 'http request');
        if (!res.headersSent) res.writeHead(500).end();
      },
    );
  });

  const collab = await createCollabServer({
    storage,
    server: httpServer,
    allowedOrigins: origins,
    path: COLLAB_PATH,
    plugins: samplanPlugins(),
    hooks: {
      authenticate: authenticateWithAccounts(accounts),
      // The server, as the one writer, creates the document roots a plan needs (the text outline, the
      // strategy day's maps) when it loads a plan without them: clients never create them concurrently.
      // New plans are stored with them already (createHttpApi), so only older plans change here.
      onLoad: async ({ doc }) => {
        const { ensureOutline, ensureWorkshop, PLAN_ROOT } = await import('@samplan/plan-doc');
        if (!doc.share.has(PLAN_ROOT)) return;
        ensureOutline(doc);
        ensureWorkshop(doc);
      },
    },
    ...(options.maxMessageBytes === undefined ? {} : { maxMessageBytes: options.maxMessageBytes }),
    onError,
  });

  return {
    port: actualPort,
    // The address people open: a wildcard host means this machine; an IPv6 literal needs brackets.
    url: `http://${host === '0.0.0.0' || host === '::' ? '127.0.0.1' : host.includes(':') ? `[${host}]` : host}:${actualPort}`,
    dataFile,
    accounts,
    setupToken: () => (accounts.countUsers() === 0 ? setupToken : null),
    async close() {
      if (options.pdfRenderer === undefined) await pdfRenderer.close();
      await collab.close();
      await new Promise<void>((resolve) => {
        httpServer.close(() => resolve());
        httpServer.closeAllConnections();
      });
      storage.close();
    },
  };
}

/** `http://<address>:<port>` for the listening address, with a wildcard address replaced by loopback. */
function ownOrigin({ address, family, port }: AddressInfo): string {
  if (address === '0.0.0.0' || address === '::') return `http://127.0.0.1:${port}`;
  return family === 'IPv6' ? `http://[${address}]:${port}` : `http://${address}:${port}`;
}
