import { existsSync } from 'node:fs';
import { type Browser, type BrowserContext, chromium } from 'playwright-core';

/** The browser the server prints with when nothing else is said: Debian's chromium package. */
export const DEFAULT_CHROMIUM = '/usr/bin/chromium';

/** Headless chromium as a server process: no sandbox (root in a container), no GPU, no calls home. */
const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--no-first-run',
];

export interface PdfRendererOptions {
  /** The chromium executable. Default: `SAMPLAN_CHROMIUM` from the environment, else `/usr/bin/chromium`. */
  readonly executablePath?: string;
  /** Renders at the same time (one browser context each); more wait in line. Default 2. */
  readonly maxConcurrent?: number;
  /** Time for one render, from opening the page to the finished PDF (waiting in line not counted). Default 30 000. */
  readonly timeoutMs?: number;
}

/** A cookie the page is opened with (it is set for the URL's origin). */
export interface PdfCookie {
  readonly name: string;
  readonly value: string;
}

/** Prints pages to PDF in one lazily started, reused headless chromium. */
export interface PdfRenderer {
  /**
   * Opens `url` in a fresh browser context with `cookies`, waits until the page sets
   * `<html data-print-ready>` (`'true'`; `'error'` with `data-print-error` fails the render) and prints it
   * with the page's own CSS page size and backgrounds. Rejects with a {@link PdfRenderError}.
   */
  render(url: string, options: { readonly cookies: readonly PdfCookie[] }): Promise<Uint8Array>;
  /** Closes the browser; renders still running fail, later ones are refused. */
  close(): Promise<void>;
}

/**
 * Why a render failed: `unavailable` (chromium is missing, does not start, or the renderer is closed),
 * `page-status` (the page answered an HTTP error), `page-error` (the page set `data-print-ready="error"`),
 * `timeout`, `failed` (anything else, e.g. the browser crashed).
 */
export type PdfRenderFailure = 'unavailable' | 'page-status' | 'page-error' | 'timeout' | 'failed';

/** A failed render; the message is Swedish and meant for the person who asked for the PDF. */
export class PdfRenderError extends Error {
  constructor(
    readonly reason: PdfRenderFailure,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = 'PdfRenderError';
  }
}

const MAX_PAGE_MESSAGE_LENGTH = 500;

/**
 * A {@link PdfRenderer} over playwright-core and an installed chromium (never a downloaded build). The
 * browser starts on the first render and is reused; if it crashed or disconnected, the next render starts
 * a new one. Each render gets its own context (cookies, storage) that is closed afterwards; the page may
 * only load from its own origin (other requests are aborted, so a print view cannot be used to reach
 * other hosts with the server's network access).
 */
export function createPdfRenderer(options: PdfRendererOptions = {}): PdfRenderer {
  const executablePath = options.executablePath ?? process.env.SAMPLAN_CHROMIUM ?? DEFAULT_CHROMIUM;
  const maxConcurrent = Math.max(1, options.maxConcurrent ?? 2);
  const timeoutMs = options.timeoutMs ?? 30_000;

  let browser: Promise<Browser> | null = null;
  let closed = false;
  let active = 0;
  const waiting: (() => void)[] = [];

  const closedError = () =>
    new PdfRenderError('unavailable', 'PDF-exporten stängs av just nu. Försök igen om en stund.');
  /** Anything unexpected (a crashed browser, a closed context), or the closed renderer's refusal. */
  const failedError = (cause: unknown) =>
    closed ? closedError() : new PdfRenderError('failed', 'PDF:en kunde inte skapas. Försök igen.', { cause });

  function launchedBrowser(): Promise<Browser> {
    if (browser !== null) return browser;
    const launching = launch(executablePath).then(
      (launched) => {
        launched.on('disconnected', () => {
          if (browser === launching) browser = null;
        });
        return launched;
      },
      (error: unknown) => {
        if (browser === launching) browser = null;
        throw error;
      },
    );
    browser = launching;
    return launching;
  }

  async function acquire(): Promise<void> {
    if (active < maxConcurrent) {
      active++;
      return;
    }
    // The slot is handed over by release(); `active` stays the same.
    await new Promise<void>((resolve) => waiting.push(resolve));
  }

  function release(): void {
    const next = waiting.shift();
    if (next) next();
    else active--;
  }

  /** A fresh context; a browser found dead (it crashed before its `disconnected` event came) is replaced once. */
  async function newContext(): Promise<BrowserContext> {
    for (let attempt = 1; ; attempt++) {
      const pending = launchedBrowser();
      const launched = await pending;
      try {
        return await launched.newContext({ serviceWorkers: 'block', locale: 'sv-SE', timezoneId: 'Europe/Stockholm' });
      } catch (error) {
        if (attempt > 1 || closed || launched.isConnected()) throw failedError(error);
        if (browser === pending) browser = null;
      }
    }
  }

  async function renderIn(context: BrowserContext, url: URL, cookies: readonly PdfCookie[]): Promise<Uint8Array> {
    const origin = url.origin;
    await context.route(
      (requested) => requested.origin !== origin,
      (route) => route.abort('blockedbyclient'),
    );
    if (cookies.length > 0) {
      await context.addCookies(
        cookies.map(({ name, value }) => ({ name, value, url: origin, httpOnly: true, sameSite: 'Strict' as const })),
      );
    }
    const page = await context.newPage();
    page.setDefaultTimeout(timeoutMs);
    const response = await page.goto(url.href, { waitUntil: 'commit' });
    if (response !== null && !response.ok()) {
      throw new PdfRenderError('page-status', `Utskriftsvyn kunde inte hämtas (HTTP ${response.status()}).`);
    }
    await page.waitForSelector('html[data-print-ready]', { state: 'attached' });
    const html = page.locator('html');
    const ready = await html.getAttribute('data-print-ready');
    const message = await html.getAttribute('data-print-error');
    if (ready === 'error') {
      const detail = (message ?? '').trim().slice(0, MAX_PAGE_MESSAGE_LENGTH);
      throw new PdfRenderError(
        'page-error',
        detail === '' ? 'Utskriftsvyn kunde inte visa planen.' : `Utskriftsvyn kunde inte visa planen: ${detail}`,
      );
    }
    return new Uint8Array(await page.pdf({ preferCSSPageSize: true, printBackground: true }));
  }

  return {
    async render(url, { cookies }) {
      const target = new URL(url);
      if (closed) throw closedError();
      await acquire();
      try {
        if (closed) throw closedError();
        const context = await newContext();
        // A backstop for the steps without their own timeout (page.pdf): closing the context ends them.
        let timedOut = false;
        const timer = setTimeout(() => {
          timedOut = true;
          void context.close().catch(() => {});
        }, timeoutMs);
        try {
          return await renderIn(context, target, cookies);
        } catch (error) {
          if (error instanceof PdfRenderError) throw error;
          if (timedOut || (error instanceof Error && error.name === 'TimeoutError')) {
            throw new PdfRenderError(
              'timeout',
              `Utskriftsvyn blev inte klar inom ${Math.round(timeoutMs / 1000)} sekunder.`,
              { cause: error },
            );
          }
          throw failedError(error);
        } finally {
          clearTimeout(timer);
          await context.close().catch(() => {});
        }
      } finally {
        release();
      }
    },

    async close() {
      closed = true;
      const open = browser;
      browser = null;
      const launched = await open?.catch(() => null);
      await launched?.close();
    },
  };
}

async function launch(executablePath: string): Promise<Browser> {
  if (!existsSync(executablePath)) {
    throw new PdfRenderError(
      'unavailable',
      'PDF-exporten är inte tillgänglig: webbläsaren Chromium saknas på servern. ' +
        'Den som driver servern kan installera den med "apt-get install chromium" (eller ange sökvägen i SAMPLAN_CHROMIUM).',
      { cause: new Error(`chromium not found at ${executablePath}`) },
    );
  }
  try {
    return await chromium.launch({ executablePath, headless: true, args: CHROMIUM_ARGS });
  } catch (error) {
    throw new PdfRenderError(
      'unavailable',
      'PDF-exporten är inte tillgänglig: webbläsaren Chromium kunde inte startas på servern.',
      { cause: error },
    );
  }
}
