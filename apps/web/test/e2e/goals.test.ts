import { mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { importBudgetTable } from '@samplan/budget-table';
import { formatKronor, type Ore, projectPlan } from '@samplan/engine';
import { readSeedPlan } from '@samplan/seed-plans/node';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { insatserOf } from '../../src/core/goals/goalCoverage.ts';
import { launchChromium, openApp, seriousAxeViolations, waitForProjection } from './browser.ts';

const artifacts = fileURLToPath(new URL('../../test-results/', import.meta.url));
let browser: Browser;
beforeAll(async () => {
  browser = await launchChromium();
  mkdirSync(artifacts, { recursive: true });
});
afterAll(async () => {
  await browser?.close();
});

const GOAL = 'fler-nar-arbete-eller-studier-1';
const INDICATOR = 'avslutsanledning-arbete-och-studier-1';
const ACTIVITY = 'infora-bip-och-progressionsmatning-skapa-1';

/** The demo plan as the engine reads it: the insatser and Vuxna's total 2023–2025 in kronor. */
const demo = (() => {
  const plan = importBudgetTable(readSeedPlan('goteborg-2023'), 'goteborg-2023.csv');
  if (!plan.ok) throw new Error('seed');
  const projection = projectPlan(plan.value);
  if (!projection.ok) throw new Error('projection');
  const vuxna = projection.value.lines.find((l) => l.id === 'vuxna');
  const total = vuxna?.amounts.reduce((sum, a) => sum + a, 0) ?? 0;
  return { insatser: insatserOf(plan.value).length, vuxnaTotal: formatKronor(total as Ore) };
})();

/** Types into a field and saves it with Enter, as a person would. */
const commit = async (page: Page, testId: string, text: string) => {
  const field = page.getByTestId(testId);
  await field.fill(text);
  await field.press('Enter');
};
const count = (page: Page, list: 'unfunded' | 'unlinked') => page.getByTestId(`overview-${list}-count`).textContent();
/** The plan the demo keeps in this browser's localStorage. */
const storedPlan = (page: Page) =>
  page.evaluate(() => JSON.parse(localStorage.getItem('samplan.plan.v1') ?? 'null')) as Promise<{
    goals: { id: string; title: string; area: string; responsible: string }[];
    indicators: { id: string; goal: string; name: string; outcomes: Record<string, string>; target: string }[];
    activities: { id: string; goal: string; description: string; responsible: string; end?: string }[];
    costs: { id: string; goals?: string[]; targets?: { participants?: number; workOrStudies?: string } }[];
  } | null>;

describe('the Mål view in a real browser', () => {
  it('adds a goal with an indicator and an activity, links an insats, and the overview follows', async () => {
    const { context, page } = await openApp(browser, inject('appUrl'), '#goals');
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('Mål och insatser');
    // The demo plan has no goals: nothing unfunded, every insats without a goal.
    expect(await count(page, 'unfunded')).toBe('0');
    expect(await count(page, 'unlinked')).toBe(String(demo.insatser));
    expect(await page.getByTestId('unlinked-vuxna').count()).toBe(1);

    // A goal: the title is required, and the typed area and responsible stay while it is missing.
    await page.getByTestId('add-goal-area').fill('Insatser för individer');
    await page.getByTestId('add-goal-responsible').fill('Eva Magnusson');
    await page.getByTestId('add-goal-submit').click();
    const title = page.getByTestId('add-goal-title');
    expect(await title.getAttribute('aria-invalid')).toBe('true');
    expect(await page.locator(`[id="${await title.getAttribute('aria-describedby')}"]`).textContent()).toBe(
      'Skriv målet.',
    );
    expect(await page.getByTestId('add-goal-area').inputValue()).toBe('Insatser för individer');
    await title.fill('Fler når arbete eller studier');
    await page.getByTestId('add-goal-submit').click();
    await expect.poll(() => page.getByTestId(`goal-${GOAL}`).count()).toBe(1);
    expect(await page.getByTestId('status').textContent()).toBe('Målet Fler når arbete eller studier är tillagt.');
    expect(await page.getByTestId(`goal-area-${GOAL}`).inputValue()).toBe('Insatser för individer');
    expect(await page.getByTestId(`goal-responsible-${GOAL}`).inputValue()).toBe('Eva Magnusson');
    expect(await count(page, 'unfunded')).toBe('1');
    expect(await page.getByTestId(`unfunded-${GOAL}`).textContent()).toBe('Mål 1 Fler når arbete eller studier');

    // An indicator with outcomes as the plan prints them, and its target value.
    await commit(page, `add-indicator-name-${GOAL}`, 'Avslutsanledning arbete och studier');
    await expect.poll(() => page.getByTestId(`indicator-${INDICATOR}`).count()).toBe(1);
    await commit(page, `outcome-${INDICATOR}-2021`, '30 %');
    const outcome2022 = page.getByTestId(`outcome-${INDICATOR}-2022`);
    await outcome2022.fill('25 %');
    await outcome2022.press('Tab'); // saved when focus leaves, too
    await commit(page, `target-${INDICATOR}`, '35 %');
    // Too long for a printed value: the store's message next to the field, the text kept; Escape restores.
    const outcome2023 = page.getByTestId(`outcome-${INDICATOR}-2023`);
    const tooLong = 'x'.repeat(61);
    await commit(page, `outcome-${INDICATOR}-2023`, tooLong);
    expect(await outcome2023.getAttribute('aria-invalid')).toBe('true');
    expect(await outcome2023.inputValue()).toBe(tooLong);
    expect(await page.locator(`[id="${await outcome2023.getAttribute('aria-describedby')}"]`).textContent()).toBe(
      'Högst 60 tecken',
    );
    await outcome2023.press('Escape');
    expect(await outcome2023.inputValue()).toBe('');
    expect(await outcome2023.getAttribute('aria-invalid')).toBeNull();

    // An activity with who follows it up and its end date (a date input, ISO).
    await page.getByTestId(`add-activity-description-${GOAL}`).fill('Införa BIP och progressionsmätning SKAPA');
    await page.getByTestId(`add-activity-responsible-${GOAL}`).fill('Magnus Simonsson');
    await page.getByTestId(`add-activity-end-${GOAL}`).fill('2023-12-31');
    await page.getByTestId(`add-activity-submit-${GOAL}`).click();
    await expect.poll(() => page.getByTestId(`activity-${ACTIVITY}`).count()).toBe(1);
    expect(await page.getByTestId(`activity-end-${ACTIVITY}`).inputValue()).toBe('2023-12-31');
    expect(await page.getByTestId(`activity-responsible-${ACTIVITY}`).inputValue()).toBe('Magnus Simonsson');

    // Link Vuxna to the goal, with 200 participants and 25 % to work or studies.
    const total = page.getByTestId('insats-total-vuxna');
    expect(await total.getAttribute('data-value')).toBe(demo.vuxnaTotal);
    expect(await total.textContent()).toBe('41\u00a0041');
    await page
      .getByRole('checkbox', { name: 'Vuxna arbetar mot målet Fler når arbete eller studier', exact: true })
      .check();
    expect(await page.getByTestId('status').textContent()).toBe(
      'Vuxna arbetar nu mot målet Fler når arbete eller studier.',
    );
    await commit(page, 'participants-vuxna', 'tvåhundra');
    expect(await page.getByTestId('participants-vuxna').getAttribute('aria-invalid')).toBe('true');
    expect(await page.getByTestId('participants-vuxna').inputValue()).toBe('tvåhundra');
    await commit(page, 'participants-vuxna', '200');
    await commit(page, 'work-share-vuxna', '25');
    expect(await page.getByTestId('participants-vuxna').getAttribute('aria-invalid')).toBeNull();
    expect(await page.getByTestId('work-share-vuxna').inputValue()).toBe('25');

    // The overview: the goal is funded now, and Vuxna has left "insatser utan mål".
    expect(await count(page, 'unfunded')).toBe('0');
    expect(await page.getByTestId(`unfunded-${GOAL}`).count()).toBe(0);
    expect(await count(page, 'unlinked')).toBe(String(demo.insatser - 1));
    expect(await page.getByTestId('unlinked-vuxna').count()).toBe(0);
    expect(await page.getByTestId(`goal-links-${GOAL}`).textContent()).toBe('Insatser mot målet: Vuxna');

    const stored = await storedPlan(page);
    expect(stored?.goals).toEqual([
      {
        id: GOAL,
        title: 'Fler når arbete eller studier',
        area: 'Insatser för individer',
        responsible: 'Eva Magnusson',
      },
    ]);
    expect(stored?.indicators).toEqual([
      {
        id: INDICATOR,
        goal: GOAL,
        name: 'Avslutsanledning arbete och studier',
        outcomes: { '2021': '30 %', '2022': '25 %' },
        target: '35 %',
      },
    ]);
    expect(stored?.activities).toEqual([
      {
        id: ACTIVITY,
        goal: GOAL,
        description: 'Införa BIP och progressionsmätning SKAPA',
        responsible: 'Magnus Simonsson',
        end: '2023-12-31',
      },
    ]);
    const vuxna = stored?.costs.find((c) => c.id === 'vuxna');
    expect(vuxna?.goals).toEqual([GOAL]);
    expect(vuxna?.targets).toEqual({ participants: 200, workOrStudies: '0.25' });

    await page.screenshot({ path: `${artifacts}goals-view.png`, fullPage: true });
    expect(await seriousAxeViolations(page)).toEqual([]);

    // The demo keeps its plan in this browser: after a reload everything is still there.
    await page.reload();
    await waitForProjection(page);
    expect(await page.getByTestId(`goal-title-${GOAL}`).inputValue()).toBe('Fler når arbete eller studier');
    expect(await page.getByTestId(`outcome-${INDICATOR}-2021`).inputValue()).toBe('30 %');
    expect(await page.getByTestId(`activity-end-${ACTIVITY}`).inputValue()).toBe('2023-12-31');
    expect(await page.getByTestId(`link-vuxna-${GOAL}`).isChecked()).toBe(true);
    expect(await page.getByTestId('participants-vuxna').inputValue()).toBe('200');
    expect(await count(page, 'unfunded')).toBe('0');

    // Removing the goal says what goes with it, and takes the links with it.
    await page.getByTestId(`goal-remove-${GOAL}`).click();
    expect(await page.getByTestId(`goal-confirm-${GOAL}`).textContent()).toContain(
      'Ta bort målet Fler når arbete eller studier med 1 indikator och 1 aktivitet? 1 insats kopplas loss från målet.',
    );
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe(
      `goal-remove-cancel-${GOAL}`,
    );
    await page.getByTestId(`goal-${GOAL}`).screenshot({ path: `${artifacts}goals-remove-confirm.png` });
    expect(await seriousAxeViolations(page)).toEqual([]);
    await page.getByTestId(`goal-remove-confirm-${GOAL}`).click();
    await expect.poll(() => page.getByTestId(`goal-${GOAL}`).count()).toBe(0);
    expect(await count(page, 'unlinked')).toBe(String(demo.insatser));
    const after = await storedPlan(page);
    expect([after?.goals, after?.indicators, after?.activities]).toEqual([[], [], []]);
    expect(after?.costs.find((c) => c.id === 'vuxna')?.goals).toEqual([]);
    await context.close();
  });

  it('judges the funding in the chosen scenario: a goal whose only insats stops is unfunded there', async () => {
    const { context, page } = await openApp(browser, inject('appUrl'), '#goals');
    await commit(page, 'add-goal-title', 'Fler når arbete eller studier');
    await expect.poll(() => page.getByTestId(`goal-${GOAL}`).count()).toBe(1);
    await page.getByTestId(`link-vuxna-${GOAL}`).check();
    expect(await count(page, 'unfunded')).toBe('0');

    // A scenario that stops Vuxna from the first day of the plan.
    await page.getByTestId('nav-scenarios').click();
    await page.getByTestId('new-scenario').click();
    const levers = page.getByRole('group', { name: 'Insatser', exact: true });
    await levers.getByLabel('Rad', { exact: true }).selectOption('vuxna');
    await levers.getByLabel('Åtgärd').selectOption('insats-stop');
    await levers.getByLabel('ÅÅÅÅ-MM-DD').fill('2023-01-01');
    await levers.getByRole('button', { name: 'Lägg till', exact: true }).click();
    await waitForProjection(page);

    await page.getByTestId('nav-goals').click();
    expect(await count(page, 'unfunded')).toBe('0');
    await page.getByTestId('goals-scenario').selectOption({ label: 'Nytt scenario 1' });
    await expect.poll(() => count(page, 'unfunded')).toBe('1');
    expect(await page.getByTestId('insats-total-vuxna').getAttribute('data-value')).toBe('0');
    expect(await page.getByTestId(`goal-links-${GOAL}`).textContent()).toBe(
      'Insatser mot målet: Vuxna (ingen kostnad) · Ingen finansierad insats arbetar mot målet.',
    );
    await page.getByTestId('goals-scenario').selectOption({ label: 'Grundplan' });
    expect(await count(page, 'unfunded')).toBe('0');
    expect(await page.getByTestId('insats-total-vuxna').getAttribute('data-value')).toBe(demo.vuxnaTotal);
    await context.close();
  });

  it('shows the view in English with the same sv-SE numbers', async () => {
    const { context, page } = await openApp(browser, inject('appUrl'), '#goals');
    await page.getByRole('button', { name: 'English' }).click();
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('Goals and insatser');
    expect(await page.getByTestId('insats-total-vuxna').textContent()).toBe('41\u00a0041');
    expect(await seriousAxeViolations(page)).toEqual([]);
    await context.close();
  });
});
