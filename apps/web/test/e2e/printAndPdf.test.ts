import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type Plan, projectionToJson, projectPlan } from '@samplan/engine';
import type { Page } from 'playwright-core';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { showAmount } from '../../src/format/amounts.ts';
import { seriousAxeViolations } from './browser.ts';
import { apiCall, createSharedPlan, goteborgSeed, openPlanAs, sharedPlanSuite, typeAmount } from './sharedPlan.ts';

const baseUrl = inject('baseUrl');
const suite = sharedPlanSuite(baseUrl);
const { sessions, contexts } = suite;
const work = mkdtempSync(join(tmpdir(), 'samplan-pdf-'));

const seed = goteborgSeed;

/** The PDF the server renders for Anna, as text (pdftotext -layout) and PNG pages (pdftoppm). */
async function pdfOf(planId: string, name: string): Promise<{ text: string; pages: string[] }> {
  const response = await fetch(`${baseUrl}/api/plans/${planId}/export.pdf`, {
    headers: { Cookie: `samplan_session=${sessions.anna}` },
  });
  expect(response.status).toBe(200);
  expect(response.headers.get('content-type')).toBe('application/pdf');
  const file = join(work, `${name}.pdf`);
  writeFileSync(file, Buffer.from(await response.arrayBuffer()));
  // SAMPLAN_KEEP_PDF=<dir> keeps the PDFs to look at.
  if (process.env.SAMPLAN_KEEP_PDF) copyFileSync(file, join(process.env.SAMPLAN_KEEP_PDF, `${name}.pdf`));
  execFileSync('pdftoppm', ['-r', '40', '-png', file, join(work, name)]);
  const pages = readdirSync(work)
    .filter((f) => f.startsWith(`${name}-`) && f.endsWith('.png'))
    .map((f) => join(work, f));
  const text = execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
  return { text, pages };
}

/** Width and height of a PNG, from its header. */
const pngSize = (file: string) => {
  const header = readFileSync(file).subarray(16, 24);
  return { width: header.readUInt32BE(0), height: header.readUInt32BE(4) };
};

async function serverProjection(planId: string) {
  const plan = (await apiCall<Plan>(baseUrl, `plans/${planId}/export.json`, { session: sessions.anna })).body;
  const projection = projectPlan(plan);
  if (!projection.ok) throw new Error('projection');
  return projectionToJson(projection.value);
}
const tkr = (kronor: string | undefined) => showAmount(kronor, 'tkr');
/** Spaces as pdftotext gives them (no-break and narrow spaces become plain ones). */
const plain = (text: string) => text.replace(/[\u00a0\u202f]/g, ' ');

afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('board-ready output', () => {
  it('prints the whole plan to A4 and the server’s PDF of the seed plan carries the budget totals and a live figure that follows the budget', async () => {
    const planId = await createSharedPlan(baseUrl, sessions.anna, seed(), 'Göteborg utskrift', [
      { session: sessions.bo, role: 'editor' },
    ]);
    const anna: Page = (await openPlanAs(suite.browser, baseUrl, sessions.anna, planId, '#text')).page;
    contexts.push(anna.context());
    await anna.getByTestId('section-inledning').click();
    await anna.getByTestId('section-editor').click();
    await anna.keyboard.type('Eget kapital vid periodens slut beräknas till ');
    await anna.getByTestId('tool-figure').click();
    await anna.getByTestId('figure-insert').click();
    await anna.keyboard.type('.');
    const figure = anna.getByTestId('live-figure');
    const before = await serverProjection(planId);
    const equityBefore = `${tkr(before.years.at(-1)?.closingEquity)} tkr`;
    await expect.poll(() => figure.textContent()).toBe(equityBefore);

    // The print view, in the browser: every section, the budget tables and the chart; no serious axe findings.
    const print = await anna.context().newPage();
    await print.goto(`${baseUrl}/plans/${planId}/print`);
    await print.waitForSelector('html[data-print-ready="true"]', { timeout: 20_000 });
    expect(await print.locator('.print-section h2').count()).toBeGreaterThanOrEqual(7);
    expect(await print.getByTestId('print-closing-equity').textContent()).toContain(
      tkr(before.years.at(-1)?.closingEquity),
    );
    await print.screenshot({ path: '/tmp/samplan-print.png', fullPage: false });
    expect(await seriousAxeViolations(print)).toEqual([]);

    // The server renders the same view as PDF: A4 pages, the totals as text, the figure's value.
    const first = await pdfOf(planId, 'first');
    expect(first.pages.length).toBeGreaterThanOrEqual(7);
    for (const page of first.pages) {
      const { width, height } = pngSize(page);
      expect(height / width).toBeCloseTo(Math.SQRT2, 1);
    }
    const text = plain(first.text);
    expect(text).toContain('Samordningsförbundet Göteborg');
    expect(text).toContain(`Sida 1 av ${first.pages.length}`);
    for (const y of before.years) {
      expect(text).toContain(plain(tkr(y.revenue)));
      expect(text).toContain(plain(tkr(y.costs)));
      expect(text).toContain(plain(tkr(y.closingEquity)));
    }
    expect(text).toContain(plain(`beräknas till ${equityBefore}.`));

    // Bo lowers a member's contribution; the figure changes on Anna's screen and in the next PDF.
    const bo = await openPlanAs(suite.browser, baseUrl, sessions.bo, planId, '#budget');
    contexts.push(bo.context);
    const cell = bo.page.locator('[data-cell^="members/"]').first();
    await typeAmount(bo.page, (await cell.getAttribute('data-testid')) as string, '1');
    await expect.poll(() => figure.textContent(), { timeout: 10_000 }).not.toBe(equityBefore);
    const after = await serverProjection(planId);
    const equityAfter = `${tkr(after.years.at(-1)?.closingEquity)} tkr`;
    expect(await figure.textContent()).toBe(equityAfter);
    const second = plain((await pdfOf(planId, 'second')).text);
    expect(second).toContain(plain(`beräknas till ${equityAfter}.`));
    expect(second).not.toContain(plain(`beräknas till ${equityBefore}.`));
  });
});
