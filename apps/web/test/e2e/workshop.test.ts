import { type Change, type Plan, projectionToJson, projectPlan } from '@samplan/engine';
import type { Page } from 'playwright-core';
import { describe, expect, inject, it } from 'vitest';
import { showAmount } from '../../src/format/amounts.ts';
import { seriousAxeViolations } from './browser.ts';
import { E2E_USERS } from './globalSetup.ts';
import { apiCall, createSharedPlan, goteborgSeed, openPlanAs, sharedPlanSuite } from './sharedPlan.ts';

const baseUrl = inject('baseUrl');
const suite = sharedPlanSuite(baseUrl);
const { sessions, contexts } = suite;

const seed = goteborgSeed;
const YEARS = seed().years;
const FIRST_YEAR = YEARS[0] as number;
const LAST_YEAR = YEARS.at(-1) as number;
const LANDA = 'landa-och-move-on';

async function open(who: keyof typeof E2E_USERS, planId: string): Promise<Page> {
  const opened = await openPlanAs(suite.browser, baseUrl, sessions[who], planId, '#workshop');
  contexts.push(opened.context);
  await opened.page.getByTestId('workshop').waitFor();
  return opened.page;
}

/** The stored plan, as the server exports it. */
const storedPlan = async (planId: string): Promise<Plan> =>
  (await apiCall<Plan>(baseUrl, `plans/${planId}/export.json`, { session: sessions.anna })).body;

/** The engine's closing equity of the last year with `changes` on the stored plan, as the workshop shows it (tkr). */
async function closingEquity(planId: string, changes: Change[]): Promise<string> {
  const projection = projectPlan(await storedPlan(planId), { id: 'x', name: 'x', changes });
  if (!projection.ok) throw new Error(JSON.stringify(projection.errors));
  return showAmount(projectionToJson(projection.value).years.at(-1)?.closingEquity, 'tkr');
}

/** Moves a range input by `steps` with the keyboard (negative: to the left), as a person would. */
async function moveSlider(page: Page, testId: string, steps: number): Promise<void> {
  await page.getByTestId(testId).focus();
  for (let i = 0; i < Math.abs(steps); i++) await page.keyboard.press(steps < 0 ? 'ArrowLeft' : 'ArrowRight');
}

const proposalOn = (page: Page, name: string) => page.getByTestId('proposal').filter({ hasText: name });

describe('the strategy day (workshop mode)', () => {
  it("shows a participant's proposal on the presenter's screen, the presenter's levers on the participant's, and saves the pinned scenarios", async () => {
    // Anna owns the plan and presents; Vera takes part as a commenter.
    const planId = await createSharedPlan(baseUrl, sessions.anna, seed(), 'Strategidag', [
      { session: sessions.vera, role: 'commenter' },
    ]);
    const anna = await open('anna', planId);
    const vera = await open('vera', planId);
    // A participant has no presenter controls.
    expect(await vera.getByTestId('presenter-mode').count()).toBe(0);

    // Vera proposes: LANDA rejected.
    await vera.getByTestId(`draft-esf-${LANDA}-rejected`).check();
    await vera.getByTestId('proposal-name').fill('Stäng Unga vuxna');
    await vera.getByTestId('propose').click();
    const first = `Förslag från ${E2E_USERS.vera.name}: Stäng Unga vuxna`;
    await proposalOn(anna, first).waitFor({ timeout: 10_000 });
    expect(await proposalOn(anna, first).textContent()).toContain('LANDA och Move On avslås');
    // And a second: the state's allocation cut by 10 %.
    await moveSlider(vera, 'draft-state', -10);
    expect(await vera.getByTestId('draft-state-value').textContent()).toBe('−10 %');
    await vera.getByTestId('proposal-name').fill('Tio procent mindre');
    await vera.getByTestId('propose').click();
    const second = `Förslag från ${E2E_USERS.vera.name}: Tio procent mindre`;
    await proposalOn(anna, second).waitFor({ timeout: 10_000 });

    // Anna turns on presenter mode and moves a lever; Vera's view of the live scenario follows, with the engine's figure.
    await anna.getByTestId('presenter-mode').check();
    const veraLive = vera.getByTestId(`workshop-live-${LAST_YEAR}`);
    await veraLive.waitFor();
    const before = await veraLive.textContent();
    expect(before).toBe(await closingEquity(planId, []));
    await moveSlider(anna, 'live-state', -5);
    const cut: Change[] = [{ type: 'state-allocation', fromYear: FIRST_YEAR, rate: '-0.05', matching: true }];
    const expected = await closingEquity(planId, cut);
    expect(expected).not.toBe(before);
    await expect.poll(() => veraLive.textContent(), { timeout: 10_000 }).toBe(expected);
    expect(await vera.getByTestId('workshop-live-changes').textContent()).toMatch(
      /^Statens bidrag [−-]5 % från \d{4}$/,
    );
    expect(await anna.getByTestId(`workshop-live-${LAST_YEAR}`).textContent()).toBe(expected);
    await anna.screenshot({ path: '/tmp/samplan-workshop-presenter.png', fullPage: true });
    expect(await seriousAxeViolations(anna)).toEqual([]);

    // Both vote for the first proposal; each sees two votes, and Vera's own vote is marked as hers.
    await proposalOn(anna, first).getByTestId('proposal-vote').click();
    await proposalOn(vera, first).getByTestId('proposal-vote').click();
    for (const page of [anna, vera])
      await expect
        .poll(() => proposalOn(page, first).getByTestId('proposal-votes').getAttribute('data-count'))
        .toBe('2');
    expect(await proposalOn(vera, first).getByTestId('proposal-vote').getAttribute('aria-pressed')).toBe('true');

    // Anna pins both and shows them side by side: Vera sees the two with their closing equity.
    for (const name of [first, second]) {
      await proposalOn(anna, name).getByTestId('proposal-pin').click();
      await proposalOn(anna, name).getByTestId('proposal-pick').check();
    }
    await anna.getByTestId('show-side-by-side').click();
    await vera.getByTestId('workshop-side-by-side').waitFor({ timeout: 10_000 });
    expect(await vera.getByTestId('workshop-shown-0').textContent()).toContain(first);
    expect(await vera.getByTestId('workshop-shown-1').textContent()).toContain(second);
    const rejected: Change[] = [
      { type: 'esf-decision', project: LANDA, decision: 'rejected', scaleCosts: false, keepLines: [] },
    ];
    await expect
      .poll(() => vera.getByTestId(`workshop-shown-0-${LAST_YEAR}`).textContent())
      .toBe(await closingEquity(planId, rejected));
    for (const name of [first, second]) await proposalOn(vera, name).locator('.badge', { hasText: 'Fäst' }).waitFor();
    await anna.getByTestId('workshop-side-by-side').waitFor();
    await anna.screenshot({ path: '/tmp/samplan-workshop-presenter-side-by-side.png', fullPage: true });
    await vera.screenshot({ path: '/tmp/samplan-workshop-participant.png', fullPage: true });
    expect(await seriousAxeViolations(anna)).toEqual([]);
    expect(await seriousAxeViolations(vera)).toEqual([]);

    // Anna saves the day: the two scenarios are in the plan, and a version with them exists.
    await anna.getByTestId('workshop-version-name').fill('Strategidag 2025-03-14');
    await anna.getByTestId('workshop-save').click();
    expect(await anna.getByTestId('workshop-saved').textContent()).toBe(
      'Sparat: 2 scenarier i planen och versionen ”Strategidag 2025-03-14”.',
    );
    await expect
      .poll(async () => (await storedPlan(planId)).scenarios.map((s) => s.name), { timeout: 10_000 })
      .toEqual([first, second]);
    expect((await storedPlan(planId)).scenarios[0]?.changes).toEqual(rejected);
    await anna.getByTestId('nav-history').click();
    await expect.poll(() => anna.getByTestId('versions').textContent()).toContain('Strategidag 2025-03-14');
    await vera.getByTestId('nav-scenarios').click();
    for (const name of [first, second]) await vera.getByRole('button', { name }).waitFor();
    // The server took Vera's proposals and votes: she was never disconnected.
    expect(await vera.getByTestId('connection').getAttribute('data-status')).toBe('online');
  });
});
