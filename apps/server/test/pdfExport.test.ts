import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createPdfRenderer,
  PdfRenderError,
  type PdfRenderer,
  type SamplanServer,
  startSamplanServer,
} from '../src/index.ts';

// Needs chromium (SAMPLAN_CHROMIUM or /usr/bin/chromium) and poppler-utils (pdftoppm, pdftotext):
// `npm test` installs or names them first (../../scripts/ensureTestTools.mjs).

const PASSWORD = 'ett långt lösenord';
const PLAN_NAME = 'Samordningsförbundet Utskrift';
const ROWS = 150;

/**
 * A stand-in for the web app's print view, served for `/plans/<id>/print` by the SPA fallback: it loads
 * the plan with the session cookie, opens the collaboration socket (the internal origin must pass its
 * Origin check), writes the plan name, the scenario and a table of ROWS rows (several A4 pages) and
 * sets `data-print-ready`. Scenario `saknas` makes it report an error, `hänger` makes it never finish.
 */
const PRINT_PAGE = `<!doctype html>
<html lang="sv">
<head>
<meta charset="utf-8">
<title>Utskrift</title>
<style>
  @page { size: A4; margin: 15mm 12mm 20mm; @bottom-center { content: "Sida " counter(page) " av " counter(pages); } }
  body { font-family: sans-serif; font-size: 11pt; }
  h1 { background: #dde8f3; }
  table { border-collapse: collapse; width: 100%; }
  td { border: 1px solid #888; padding: 3pt; }
</style>
</head>
<body>
<script type="module">
  const root = document.documentElement;
  try {
    const planId = decodeURIComponent(location.pathname.split('/')[2]);
    const scenario = new URLSearchParams(location.search).get('scenario');
    if (scenario === 'saknas') throw new Error('Scenariot "saknas" finns inte i planen.');
    if (scenario === 'hänger') await new Promise(() => {});
    const response = await fetch('/api/plans/' + encodeURIComponent(planId));
    if (!response.ok) throw new Error('Planen kunde inte hämtas: HTTP ' + response.status);
    const plan = await response.json();
    await new Promise((resolve, reject) => {
      const socket = new WebSocket('ws://' + location.host + '/collab/' + encodeURIComponent(planId));
      socket.binaryType = 'arraybuffer';
      socket.onmessage = () => { socket.close(); resolve(); };
      socket.onclose = (event) => reject(new Error('Samarbetet stängdes: ' + event.code));
    });
    const heading = document.createElement('h1');
    heading.textContent = plan.name;
    const subtitle = document.createElement('p');
    subtitle.textContent = 'Scenario: ' + (scenario ?? 'grundplan');
    const table = document.createElement('table');
    for (let row = 1; row <= ${ROWS}; row++) {
      const tr = table.insertRow();
      tr.insertCell().textContent = 'Rad ' + row;
      tr.insertCell().textContent = String(row * 1000) + ' kr';
    }
    document.body.append(heading, subtitle, table);
    root.dataset.printReady = 'true';
  } catch (error) {
    root.dataset.printError = error.message;
    root.dataset.printReady = 'error';
  }
</script>
</body>
</html>`;

let dir: string;
const errors: unknown[] = [];

/** A server over a fresh data dir with the print page; Anna owns one plan, Bo has none. */
async function startServerWithPlan(
  name: string,
  pdfRenderer?: PdfRenderer,
): Promise<{ server: SamplanServer; anna: string; bo: string; planId: string }> {
  const staticDir = join(dir, name, 'dist');
  mkdirSync(staticDir, { recursive: true });
  writeFileSync(join(staticDir, 'index.html'), PRINT_PAGE);
  const server = await startSamplanServer({
    dataDir: join(dir, name, 'data'),
    port: 0,
    staticDir,
    ...(pdfRenderer ? { pdfRenderer } : {}),
    onError: (error) => errors.push(error),
  });
  const login = async (email: string, userName: string) => {
    const created = server.accounts.createUser({ email, name: userName, password: PASSWORD });
    if (!created.ok) throw new Error(JSON.stringify(created.errors));
    const response = await post(server, '/api/login', { email, password: PASSWORD });
    return (response.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
  };
  const anna = await login('anna@example.se', 'Anna');
  const bo = await login('bo@example.se', 'Bo');
  const created = await post(server, '/api/plans', { name: PLAN_NAME }, anna);
  const { id } = (await created.json()) as { id: string };
  return { server, anna, bo, planId: id };
}

function post(server: SamplanServer, path: string, body: unknown, cookie?: string): Promise<Response> {
  return fetch(`${server.url}${path}`, {
    method: 'POST',
    headers: { Origin: server.url, 'Content-Type': 'application/json', ...(cookie ? { Cookie: cookie } : {}) },
    body: JSON.stringify(body),
  });
}

function exportPdf(server: SamplanServer, planId: string, cookie?: string, query = ''): Promise<Response> {
  return fetch(`${server.url}/api/plans/${planId}/export.pdf${query}`, cookie ? { headers: { Cookie: cookie } } : {});
}

async function errorOf(response: Response): Promise<{ code: string; message: string }> {
  return ((await response.json()) as { error: { code: string; message: string } }).error;
}

/** Width and height from a PNG's IHDR chunk. */
function pngSize(file: string): { width: number; height: number } {
  const bytes = readFileSync(file);
  expect(bytes.subarray(1, 4).toString('latin1')).toBe('PNG');
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

/** The browsers this process started: its children with the DevTools pipe. */
function browserPids(): number[] {
  return execFileSync('ps', ['-o', 'pid=,args=', '--ppid', String(process.pid)], { encoding: 'utf8' })
    .split('\n')
    .filter((line) => line.includes('--remote-debugging-pipe'))
    .map((line) => Number.parseInt(line, 10));
}

let main: Awaited<ReturnType<typeof startServerWithPlan>>;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'samplan-pdf-'));
  main = await startServerWithPlan('main');
});
afterAll(async () => {
  await main?.server.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('GET /api/plans/:id/export.pdf', () => {
  it('prints the print view with the requester’s session: A4 pages, numbered by the page’s CSS', async () => {
    const scenario = 'Alt B & ö/?';
    const response = await exportPdf(main.server, main.planId, main.anna, `?scenario=${encodeURIComponent(scenario)}`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/pdf');
    expect(response.headers.get('content-disposition')).toMatch(
      /^attachment; filename="samplan-Samordningsforbundet-Utskrift\.pdf"; filename\*=UTF-8''Samordningsf%C3%B6rbundet%20Utskrift\.pdf$/,
    );
    const pdf = Buffer.from(await response.arrayBuffer());
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const file = join(dir, 'plan.pdf');
    writeFileSync(file, pdf);

    const pngDir = join(dir, 'png');
    mkdirSync(pngDir);
    execFileSync('pdftoppm', ['-r', '50', '-png', file, join(pngDir, 'page')]);
    const pages = readdirSync(pngDir)
      .filter((name) => name.endsWith('.png'))
      .sort();
    expect(pages.length).toBeGreaterThanOrEqual(3);
    for (const page of pages) {
      const { width, height } = pngSize(join(pngDir, page));
      expect(width / height).toBeCloseTo(1 / Math.SQRT2, 2); // A4 portrait: 210 × 297 mm
    }

    const text = execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
    expect(text).toContain(PLAN_NAME);
    expect(text).toContain(`Scenario: ${scenario}`);
    expect(text).toContain(`Rad ${ROWS}`);
    const pageTexts = text.split('\f').filter((page) => page.trim() !== '');
    expect(pageTexts).toHaveLength(pages.length);
    expect(pageTexts.at(-1)).toContain(`Sida ${pages.length} av ${pages.length}`);
    expect(errors).toEqual([]);
  });

  it('asks for a session and a role in the plan, as the other exports do', async () => {
    const { server, planId, bo, anna } = main;
    expect((await exportPdf(server, planId)).status).toBe(401);
    expect((await exportPdf(server, planId, bo)).status).toBe(403);
    expect((await exportPdf(server, planId, `${bo}x`)).status).toBe(401);
    expect((await exportPdf(server, 'saknas', anna)).status).toBe(404);
    const badScenario = await exportPdf(server, planId, anna, '?scenario=%00');
    expect(badScenario.status).toBe(400);
    expect((await errorOf(badScenario)).code).toBe('bad-field');
  });

  it('answers 502 with the print view’s own message when it reports an error', async () => {
    errors.length = 0;
    const response = await exportPdf(main.server, main.planId, main.anna, '?scenario=saknas');
    expect(response.status).toBe(502);
    expect(await errorOf(response)).toEqual({
      code: 'pdf-failed',
      message: 'Utskriftsvyn kunde inte visa planen: Scenariot "saknas" finns inte i planen.',
    });
    expect(errors).toHaveLength(1);
    expect(errors[0]).toBeInstanceOf(PdfRenderError);
  });

  it('answers 503 in Swedish when chromium is missing, and logs why', async () => {
    errors.length = 0;
    const renderer = createPdfRenderer({ executablePath: join(dir, 'ingen-chromium') });
    const { server, planId, anna } = await startServerWithPlan('no-chromium', renderer);
    try {
      const response = await exportPdf(server, planId, anna);
      expect(response.status).toBe(503);
      const error = await errorOf(response);
      expect(error.code).toBe('pdf-unavailable');
      expect(error.message).toMatch(/^PDF-exporten är inte tillgänglig: webbläsaren Chromium saknas på servern/);
      expect(errors).toHaveLength(1);
      expect(String((errors[0] as Error).cause)).toContain('ingen-chromium');
    } finally {
      await server.close();
      await renderer.close();
    }
  });
});

describe('createPdfRenderer', () => {
  it('queues renders over the limit and starts a new browser after a crash', async () => {
    const renderer = createPdfRenderer({ maxConcurrent: 1 });
    const [name = '', value = ''] = main.anna.split('=');
    const render = () =>
      renderer.render(`${main.server.url}/plans/${main.planId}/print`, { cookies: [{ name, value }] });
    const isPdf = (bytes: Uint8Array) => Buffer.from(bytes.subarray(0, 5)).toString('latin1') === '%PDF-';
    try {
      const before = browserPids();
      const both = await Promise.all([render(), render()]);
      expect(both.every(isPdf)).toBe(true);
      const started = browserPids().filter((pid) => !before.includes(pid));
      expect(started).toHaveLength(1);
      process.kill(started[0] ?? 0, 'SIGKILL');
      expect(isPdf(await render())).toBe(true);
    } finally {
      await renderer.close();
    }
  });

  it('gives up on a page that never gets ready, and refuses renders once closed', async () => {
    const renderer = createPdfRenderer({ timeoutMs: 2000 });
    const url = `${main.server.url}/plans/${main.planId}/print?scenario=${encodeURIComponent('hänger')}`;
    const started = Date.now();
    const failure = await renderer.render(url, { cookies: [] }).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(PdfRenderError);
    expect(failure).toMatchObject({ reason: 'timeout', message: 'Utskriftsvyn blev inte klar inom 2 sekunder.' });
    expect(Date.now() - started).toBeLessThan(10_000);
    await renderer.close();
    await expect(renderer.render(url, { cookies: [] })).rejects.toMatchObject({ reason: 'unavailable' });
  });
});
