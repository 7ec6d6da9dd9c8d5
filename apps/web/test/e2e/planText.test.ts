import { type Plan, projectionToJson, projectPlan } from '@samplan/engine';
import type { Page } from 'playwright-core';
import { describe, expect, inject, it } from 'vitest';
import { showAmount } from '../../src/format/amounts.ts';
import { seriousAxeViolations } from './browser.ts';
import { E2E_USERS } from './globalSetup.ts';
import {
  apiCall,
  createSharedPlan,
  docWritesSent,
  goteborgSeed,
  openPlanAs,
  sharedPlanSuite,
  typeAmount,
} from './sharedPlan.ts';

const baseUrl = inject('baseUrl');
const suite = sharedPlanSuite(baseUrl);
const { sessions, contexts } = suite;

const seed = goteborgSeed;

/** Anna owns the plan, Bo edits, Vera comments. */
const newPlan = (name: string) =>
  createSharedPlan(baseUrl, sessions.anna, seed(), name, [
    { session: sessions.bo, role: 'editor' },
    { session: sessions.vera, role: 'commenter' },
  ]);

async function open(who: keyof typeof E2E_USERS, planId: string, section = 'inledning'): Promise<Page> {
  const opened = await openPlanAs(suite.browser, baseUrl, sessions[who], planId, '#text');
  contexts.push(opened.context);
  const page = opened.page;
  await page.getByTestId(`section-${section}`).click();
  await page.getByTestId('section-editor').waitFor();
  return page;
}

/** The section's text as a reader sees it (without the other people's caret labels). */
const editorText = (page: Page) =>
  page.evaluate(() => {
    const copy = document.querySelector('[data-testid="section-editor"]')?.cloneNode(true) as HTMLElement;
    for (const caret of copy.querySelectorAll('.collaboration-carets__caret')) caret.remove();
    return copy.textContent;
  });

describe('writing the plan text together', () => {
  it('shows the default outline; two people type in one section and see each other’s text and caret', async () => {
    const planId = await newPlan('Plantext tillsammans');
    const anna = await open('anna', planId);
    const bo = await open('bo', planId);
    const outline = await anna.locator('nav.outline li').allInnerTexts();
    expect(outline.map((s) => s.replace(/^\d+\.\s*/, '').trim())).toEqual([
      'Inledning',
      'Vision',
      'Målgrupper',
      'Organisation',
      'Mål och aktiviteter',
      'Uppföljning och utvärdering',
      'Budget',
    ]);

    await anna.getByTestId('section-editor').click();
    await anna.keyboard.type('Förbundet finansierar insatser för individer.');
    await bo.waitForFunction(() =>
      document.querySelector('[data-testid="section-editor"]')?.textContent?.includes('individer.'),
    );
    await bo.getByTestId('section-editor').click();
    await bo.keyboard.press('Control+End');
    await bo.keyboard.type(' Bo skriver också.');
    // Anna sees Bo's caret with his name, in his colour, where he types.
    const caret = anna.locator('.collaboration-carets__label', { hasText: E2E_USERS.bo.name });
    await caret.waitFor({ timeout: 10_000 });
    await anna.waitForFunction(() =>
      document.querySelector('[data-testid="section-editor"]')?.textContent?.includes('Bo skriver också.'),
    );
    expect(await editorText(anna)).toBe(await editorText(bo));
    // And Bo sees Anna's once she types again.
    await anna.keyboard.type(' Anna igen.');
    await bo.locator('.collaboration-carets__label', { hasText: E2E_USERS.anna.name }).waitFor({ timeout: 10_000 });
    await bo.waitForFunction(() =>
      document.querySelector('[data-testid="section-editor"]')?.textContent?.includes('Anna igen.'),
    );
    expect(await editorText(anna)).toBe(await editorText(bo));

    // Rich text: a heading, bold, a list and a table come through to the other side.
    await anna.keyboard.press('Enter');
    await anna.getByTestId('tool-h2').click();
    await anna.keyboard.type('Mål för året');
    await anna.keyboard.press('Enter');
    await anna.getByTestId('tool-bold').click();
    await anna.keyboard.type('Viktigt');
    await anna.getByTestId('tool-bold').click();
    await anna.keyboard.press('Enter');
    await anna.getByTestId('tool-bullet').click();
    await anna.keyboard.type('Första punkten');
    await anna.keyboard.press('Enter');
    await anna.keyboard.press('Enter');
    await anna.getByTestId('tool-table').click();
    await bo.locator('[data-testid="section-editor"] h2', { hasText: 'Mål för året' }).waitFor();
    await bo.locator('[data-testid="section-editor"] strong', { hasText: 'Viktigt' }).waitFor();
    await bo.locator('[data-testid="section-editor"] ul li', { hasText: 'Första punkten' }).waitFor();
    await bo.locator('[data-testid="section-editor"] table').waitFor();
    await anna.screenshot({ path: '/tmp/samplan-plan-text.png' });
    expect(await seriousAxeViolations(anna)).toEqual([]);
  });

  it('keeps an embedded figure true: it follows a budget edit made by someone else', async () => {
    const planId = await newPlan('Levande siffror');
    const anna = await open('anna', planId);
    const lastYear = seed().years.at(-1) as number;
    await anna.getByTestId('section-editor').click();
    await anna.keyboard.type('Eget kapital vid periodens slut: ');
    await anna.getByTestId('tool-figure').click();
    await anna.getByTestId('figure-kind').selectOption('closing-equity');
    await anna.getByTestId('figure-year').selectOption(String(lastYear));
    await anna.getByTestId('figure-insert').click();
    const figure = anna.getByTestId('live-figure');
    const equity = async () => {
      const plan = (await apiCall<Plan>(baseUrl, `plans/${planId}/export.json`, { session: sessions.anna })).body;
      const projection = projectPlan(plan);
      if (!projection.ok) throw new Error('projection');
      return `${showAmount(projectionToJson(projection.value).years.at(-1)?.closingEquity, 'tkr')} tkr`;
    };
    await expect.poll(() => figure.textContent()).toBe(await equity());

    // Bo lowers the state's contribution in the budget; Anna's sentence changes with it.
    const bo = await openPlanAs(suite.browser, baseUrl, sessions.bo, planId, '#budget');
    contexts.push(bo.context);
    const before = await figure.textContent();
    const cell = bo.page.locator('[data-cell^="members/"]').first();
    const testId = await cell.getAttribute('data-testid');
    await typeAmount(bo.page, testId as string, '1');
    await expect.poll(() => figure.textContent(), { timeout: 10_000 }).not.toBe(before);
    await expect.poll(() => equity()).toBe(await figure.textContent());
  });

  it('lets a commenter comment on text (with a mention) but not edit; the owner resolves; counts per section follow', async () => {
    const planId = await newPlan('Kommentarer');
    const anna = await open('anna', planId, 'vision');
    await anna.getByTestId('section-editor').click();
    await anna.keyboard.type('Alla ska få det stöd de behöver för att nå arbete.');
    const vera = await open('vera', planId, 'vision');
    await vera.waitForFunction(() =>
      document.querySelector('[data-testid="section-editor"]')?.textContent?.includes('arbete.'),
    );
    // Vera cannot type into the text: the editor is read-only for her.
    expect(await vera.getByTestId('section-editor').getAttribute('contenteditable')).toBe('false');
    await expect(vera.getByTestId('tool-bold').count()).resolves.toBe(0);

    // She selects "stöd" and comments, mentioning Anna.
    await vera.evaluate(() => {
      const editor = document.querySelector('[data-testid="section-editor"]') as HTMLElement;
      const walker = document.createTreeWalker(editor, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const at = node.textContent?.indexOf('stöd') ?? -1;
        if (at < 0) continue;
        const range = document.createRange();
        range.setStart(node, at);
        range.setEnd(node, at + 'stöd'.length);
        getSelection()?.removeAllRanges();
        getSelection()?.addRange(range);
        return;
      }
    });
    await vera.getByTestId('tool-comment').click();
    await vera.getByTestId('new-thread-text').fill('Vilket stöd menar vi? @Ann');
    await vera.getByRole('option', { name: E2E_USERS.anna.name }).click();
    await vera.getByTestId('new-thread-submit').click();

    // Anna sees the thread, the marked range and the count on the section; she is mentioned.
    const thread = anna.getByTestId('thread');
    await thread.waitFor({ timeout: 10_000 });
    expect(await thread.textContent()).toContain('”stöd”');
    expect(await thread.textContent()).toContain('Du nämns här.');
    await anna.locator('.comment-range', { hasText: 'stöd' }).waitFor();
    expect(await anna.getByTestId('section-vision').getByTestId('unresolved-count').textContent()).toMatch(/^1/);
    // Vera's writes were accepted: she is still online (the server would close a refused writer).
    expect(await vera.getByTestId('connection').getAttribute('data-status')).toBe('online');

    // Anna replies and resolves; the count goes away for both; Vera reopens.
    await thread.getByTestId('reply-text').fill('Arbetslivsinriktat stöd.');
    await thread.getByTestId('reply-submit').click();
    await vera.getByText('Arbetslivsinriktat stöd.').waitFor();
    await thread.getByTestId('resolve').click();
    await vera.getByTestId('section-vision').getByTestId('unresolved-count').waitFor({ state: 'detached' });
    await anna.getByTestId('section-vision').getByTestId('unresolved-count').waitFor({ state: 'detached' });
    await vera.getByTestId('show-resolved').check();
    await vera.getByTestId('reopen').click();
    await anna.getByTestId('section-vision').getByTestId('unresolved-count').waitFor();
    expect(await vera.getByTestId('connection').getAttribute('data-status')).toBe('online');
    // An empty section opened read-only writes nothing (the server would close a commenter who writes text).
    const writesBefore = await docWritesSent(vera);
    await vera.getByTestId('section-malgrupper').click();
    await vera.getByTestId('section-editor').waitFor();
    expect(await docWritesSent(vera)).toBe(writesBefore);
    expect(await vera.getByTestId('connection').getAttribute('data-status')).toBe('online');

    // A thread on a budget line, from the comments view; it counts under the Budget section for Anna.
    await vera.getByTestId('nav-comments').click();
    await vera.getByTestId('comment-target-kind').selectOption('line');
    const firstLine = await vera.getByTestId('comment-target').locator('option').nth(1).getAttribute('value');
    await vera.getByTestId('comment-target').selectOption(firstLine as string);
    await vera.getByTestId('comment-target-start').click();
    await vera.getByTestId('new-thread-text').fill('Stämmer beloppet för nästa år?');
    await vera.getByTestId('new-thread-submit').click();
    await anna.getByTestId('section-budget').getByTestId('unresolved-count').waitFor({ timeout: 10_000 });
    expect(await vera.getByTestId('count-budget').textContent()).toContain('(1)');
    expect(await vera.getByTestId('connection').getAttribute('data-status')).toBe('online');
    await vera.screenshot({ path: '/tmp/samplan-comments.png' });
    expect(await seriousAxeViolations(vera)).toEqual([]);
  });
});
