import { importBudgetTable } from '@samplan/budget-table';
import { formatKronor, type Ore, type Plan, projectPlan } from '@samplan/engine';
import { applyPlanEdit, type PlanEdit } from '@samplan/plan-store';
import { readSeedPlan } from '@samplan/seed-plans/node';
import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchChromium, openApp, seriousAxeViolations, waitForProjection } from './browser.ts';

let browser: Browser;
beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
});

const YEARS = [2023, 2024, 2025] as const;

/** The demo plan the app opens on, read here on its own. */
const seed = (): Plan => {
  const r = importBudgetTable(readSeedPlan('goteborg-2023'), 'goteborg-2023.csv');
  if (!r.ok) throw new Error('seed');
  return r.value;
};

/** Closing equity per year in kronor by the engine, for the seed plan with `edits` applied. */
const engineClosing = (...edits: PlanEdit[]): string[] => {
  const plan = edits.reduce(applyPlanEdit, seed());
  const p = projectPlan(plan);
  if (!p.ok) throw new Error(JSON.stringify(p.errors));
  return p.value.rows.map((r) => formatKronor(r.closingEquity));
};

/** Kronor strings of the seed's closing equity minus a cumulative cost given in öre per year. */
const lessCumulative = (base: readonly string[], costOre: readonly number[]): string[] => {
  let cumulative = 0;
  return base.map((kronor, i) => {
    cumulative += costOre[i] ?? 0;
    return formatKronor((Math.round(Number(kronor) * 100) - cumulative) as Ore);
  });
};

/** What the live summary shows as the base plan's closing equity, in kronor (data-value). */
const liveClosing = (page: Page) =>
  Promise.all(YEARS.map((y) => page.getByTestId(`live-base-${y}`).getAttribute('data-value')));

const values = (page: Page, prefix: string) =>
  Promise.all(YEARS.map((y) => page.getByTestId(`${prefix}-${y}`).getAttribute('data-value')));

const focusedTestId = (page: Page) => page.evaluate(() => document.activeElement?.getAttribute('data-testid'));

/** The message a field points to with aria-describedby (the last id: hints come first). */
const messageOf = async (page: Page, field: Locator) => {
  const ids = ((await field.getAttribute('aria-describedby')) ?? '').split(' ').filter(Boolean);
  return page.locator(`[id="${ids.at(-1)}"]`).textContent();
};

/** Adds a period line through the add form, as a person would. */
const addPeriodLine = async (page: Page, name: string, start: string, end: string, total: string) => {
  const form = page.getByTestId('add-cost-form');
  await form.getByLabel('Namn på ny rad').fill(name);
  await form.getByLabel('Typ av belopp').selectOption({ label: 'Period med totalbelopp' });
  await form.getByLabel('Startdatum', { exact: true }).fill(start);
  await form.getByLabel('Slutdatum', { exact: true }).fill(end);
  await form.getByLabel('Beviljat belopp för hela perioden').fill(total);
  await form.getByRole('button', { name: 'Lägg till rad' }).click();
  await waitForProjection(page);
};

const BASE = engineClosing();

describe('editing period, staff and ESF lines in the budget view', () => {
  it('opens on the plan whose closing equity the engine computes', async () => {
    // The plan's own text: 4 174, 2 807 and 2 120 tkr.
    expect(BASE).toEqual(['4174000', '2807000', '2120000']);
    const { context, page } = await openApp(browser, inject('appUrl'), '#budget');
    expect(await liveClosing(page)).toEqual(BASE);
    await context.close();
  });

  it('adds a period line, then changes its granted total: the yearly amounts and the closing equity move by exactly that', async () => {
    const { context, page } = await openApp(browser, inject('appUrl'), '#budget');
    // 2023-04-01 – 2024-03-31 is 9 months in 2023 and 3 in 2024: 1 200 tkr → 900 + 300 tkr.
    await addPeriodLine(page, 'Jobbspåret', '2023-04-01', '2024-03-31', '1 200');
    await expect.poll(() => values(page, 'computed-jobbsparet-1')).toEqual(['900000', '300000', '0']);
    await expect.poll(() => liveClosing(page)).toEqual(lessCumulative(BASE, [90_000_000, 30_000_000, 0]));
    // Focus went to the new line's edit button (it has no cells to type in).
    expect(await focusedTestId(page)).toBe('edit-jobbsparet-1');

    const edit = page.getByRole('button', { name: 'Ändra Jobbspåret' });
    expect(await edit.getAttribute('aria-expanded')).toBe('false');
    await edit.click();
    expect(await edit.getAttribute('aria-expanded')).toBe('true');
    const form = page.getByRole('form', { name: 'Ändra Jobbspåret' });
    expect(await form.getByLabel('Startdatum', { exact: true }).inputValue()).toBe('2023-04-01');
    expect(await form.getByLabel('Slutdatum', { exact: true }).inputValue()).toBe('2024-03-31');
    const total = form.getByLabel('Beviljat belopp för hela perioden');
    expect(await total.inputValue()).toBe('1\u00a0200');
    await total.fill('1 600');
    await form.getByRole('button', { name: 'Spara' }).click();
    await waitForProjection(page);

    // 1 600 tkr over the same months: 1 200 + 400 tkr, so 300 and 100 tkr more than before.
    await expect.poll(() => values(page, 'computed-jobbsparet-1')).toEqual(['1200000', '400000', '0']);
    const line: PlanEdit = {
      type: 'add-line',
      collection: 'costs',
      line: {
        id: 'jobbsparet-1',
        name: 'Jobbspåret',
        category: 'individual',
        amount: { type: 'period', start: '2023-04-01', end: '2024-03-31', total: '1600000' },
      },
    };
    const expected = lessCumulative(BASE, [120_000_000, 40_000_000, 0]);
    expect(engineClosing(line)).toEqual(expected);
    await expect.poll(() => liveClosing(page)).toEqual(expected);
    expect(await page.getByTestId('line-jobbsparet-1').textContent()).toContain(
      'Period 2023-04-01 – 2024-03-31, totalt 1\u00a0600 tkr',
    );
    // Saved: the form closes and focus is back on its button.
    expect(await form.count()).toBe(0);
    expect(await focusedTestId(page)).toBe('edit-jobbsparet-1');
    expect(await page.getByTestId('status').textContent()).toBe('Jobbspåret är ändrad.');
    await context.close();
  });

  it('adds a staff line (0,5 × 40 000 kr, PO 32 %): 316 800 kr the first year, indexed 2 % a year after', async () => {
    const { context, page } = await openApp(browser, inject('appUrl'), '#budget');
    const costsBefore = await values(page, 'sum-costs');
    const form = page.getByTestId('add-cost-form');
    await form.getByLabel('Namn på ny rad').fill('Samordnare');
    await form.getByLabel('Kategori').selectOption({ label: 'Förvaltning' });
    await form.getByLabel('Typ av belopp').selectOption({ label: 'Personal' });
    await form.getByLabel('Tjänstgöringsgrad').fill('0,5');
    await form.getByLabel('Månadslön').fill('40 000');
    await form.getByLabel('PO-påslag (%, valfritt)').fill('32');
    expect(await form.getByLabel('Indexeras årligen').isChecked()).toBe(true);
    await form.getByRole('button', { name: 'Lägg till rad' }).click();
    await waitForProjection(page);

    // 0,5 × 40 000 × 12 × 1,32 = 316 800 kr; × 1,02 = 323 136 kr; × 1,02² = 329 598,72 kr.
    await expect.poll(() => values(page, 'computed-samordnare-1')).toEqual(['316800', '323136', '329598.72']);
    const staffOre = [31_680_000, 32_313_600, 32_959_872];
    await expect
      .poll(() => values(page, 'sum-costs'))
      .toEqual(
        costsBefore.map((kronor, i) => formatKronor((Math.round(Number(kronor) * 100) + (staffOre[i] ?? 0)) as Ore)),
      );
    const expected = lessCumulative(BASE, staffOre);
    expect(
      engineClosing({
        type: 'add-line',
        collection: 'costs',
        line: {
          id: 'samordnare-1',
          name: 'Samordnare',
          category: 'administration',
          amount: { type: 'staff', fte: '0.5', monthlySalary: '40000', employerAddOn: '0.32', indexed: true },
        },
      }),
    ).toEqual(expected);
    await expect.poll(() => liveClosing(page)).toEqual(expected);

    // Full time, not indexed: 1 × 40 000 × 12 × 1,32 = 633 600 kr every year.
    await page.getByRole('button', { name: 'Ändra Samordnare' }).click();
    const editor = page.getByRole('form', { name: 'Ändra Samordnare' });
    const fte = editor.getByLabel('Tjänstgöringsgrad');
    expect(await fte.inputValue()).toBe('0,5');
    expect(await editor.getByLabel('Månadslön').inputValue()).toBe('40\u00a0000');
    expect(await editor.getByLabel('PO-påslag (%, valfritt)').inputValue()).toBe('32');
    await fte.fill('1');
    await editor.getByLabel('Indexeras årligen').uncheck();
    await editor.getByRole('button', { name: 'Spara' }).click();
    await waitForProjection(page);
    await expect.poll(() => values(page, 'computed-samordnare-1')).toEqual(['633600', '633600', '633600']);
    await expect.poll(() => liveClosing(page)).toEqual(lessCumulative(BASE, [63_360_000, 63_360_000, 63_360_000]));
    await context.close();
  });

  it('adds an ESF project with its revenue line, counts the typed amount as revenue, and leaves it out while only applied for', async () => {
    const { context, page } = await openApp(browser, inject('appUrl'), '#budget');
    const revenueBefore = await values(page, 'sum-revenue');
    const form = page.getByTestId('add-esf-form');
    await form.getByLabel('Namn på nytt ESF-projekt').fill('Nya vägar');
    await form.getByLabel('Status').selectOption({ label: 'Beviljat' });
    await form.getByRole('button', { name: 'Lägg till ESF-projekt' }).click();
    await waitForProjection(page);

    // The new revenue line is in the ESF group, and focus is in its first cell.
    const row = page.getByTestId('line-esf-medel-nya-vagar-1');
    expect(await row.getByRole('textbox', { name: 'Namn på raden ESF-medel Nya vägar' }).inputValue()).toBe(
      'ESF-medel Nya vägar',
    );
    expect(await row.textContent()).toContain('Projekt Nya vägar');
    expect(await focusedTestId(page)).toBe('cell-esf-medel-nya-vagar-1-2023');
    expect(await page.getByTestId('esf-project-nya-vagar-1').textContent()).toContain('Nya vägar');

    const cell = page.getByTestId('cell-esf-medel-nya-vagar-1-2024');
    await cell.fill('2 500');
    await cell.press('Enter');
    await waitForProjection(page);
    const revenue = revenueBefore.map((kronor, i) => (i === 1 ? String(Number(kronor) + 2_500_000) : kronor));
    await expect.poll(() => values(page, 'sum-revenue')).toEqual(revenue);
    const edits: PlanEdit[] = [
      { type: 'put-esf-project', project: { id: 'nya-vagar-1', name: 'Nya vägar', status: 'approved' } },
      {
        type: 'add-line',
        collection: 'revenues',
        line: {
          id: 'esf-medel-nya-vagar-1',
          kind: 'esf',
          name: 'ESF-medel Nya vägar',
          project: 'nya-vagar-1',
          amounts: { '2024': '2500000' },
        },
      },
    ];
    // 2 500 tkr more revenue in 2024: equity 2 500 tkr higher from 2024 on.
    const expected = lessCumulative(BASE, [0, -250_000_000, 0]);
    expect(engineClosing(...edits)).toEqual(expected);
    await expect.poll(() => liveClosing(page)).toEqual(expected);

    // Only applied for: the base plan leaves the project's revenue out.
    await page.getByRole('combobox', { name: 'Status för Nya vägar' }).selectOption('applied');
    await waitForProjection(page);
    await expect.poll(() => liveClosing(page)).toEqual(BASE);
    expect(await row.textContent()).toContain('ansökt, ingår inte i grundplanen');

    // A cost line that exists only with the project: Vuxna (14 616, 13 300, 13 125 tkr) leaves the base plan too.
    await page.getByRole('button', { name: 'Ändra Vuxna' }).click();
    const editor = page.getByRole('form', { name: 'Ändra Vuxna' });
    await editor.getByLabel('ESF-projekt').selectOption({ label: 'Nya vägar' });
    await editor.getByRole('button', { name: 'Spara' }).click();
    await waitForProjection(page);
    expect(await page.getByTestId('line-vuxna').textContent()).toContain('Projekt Nya vägar');
    await expect
      .poll(() => liveClosing(page))
      .toEqual(lessCumulative(BASE, [-1_461_600_000, -1_330_000_000, -1_312_500_000]));

    // Removing the project removes its revenue line and frees Vuxna from it.
    await page.getByRole('button', { name: 'Ta bort projektet Nya vägar och dess intäkter' }).click();
    await waitForProjection(page);
    expect(await row.count()).toBe(0);
    expect(await page.getByTestId('line-vuxna').textContent()).not.toContain('Nya vägar');
    await expect.poll(() => liveClosing(page)).toEqual(BASE);
    await context.close();
  });

  it('keeps what was typed when the edit cannot be saved, and says why next to the field', async () => {
    const { context, page } = await openApp(browser, inject('appUrl'), '#budget');
    await addPeriodLine(page, 'Jobbspåret', '2023-04-01', '2024-03-31', '1 200');
    await expect.poll(() => values(page, 'computed-jobbsparet-1')).toEqual(['900000', '300000', '0']);
    const closing = await liveClosing(page);

    await page.getByRole('button', { name: 'Ändra Jobbspåret' }).click();
    const form = page.getByRole('form', { name: 'Ändra Jobbspåret' });
    const end = form.getByLabel('Slutdatum', { exact: true });
    const total = form.getByLabel('Beviljat belopp för hela perioden');

    // Not a date, not an amount: read in the browser, nothing is saved.
    await end.fill('2024-02-30');
    await total.fill('12,6,00');
    await form.getByRole('button', { name: 'Spara' }).click();
    expect(await end.inputValue()).toBe('2024-02-30');
    expect(await end.getAttribute('aria-invalid')).toBe('true');
    expect(await messageOf(page, end)).toBe('Skriv ett datum som ÅÅÅÅ-MM-DD, t.ex. 2024-03-31');
    expect(await total.inputValue()).toBe('12,6,00');
    expect(await total.getAttribute('aria-invalid')).toBe('true');
    expect(await messageOf(page, total)).toContain('Skriv ett belopp');
    expect(await focusedTestId(page)).toBe('edit-jobbsparet-1-end');

    // The end before the start: the store refuses, with its own message next to the end date.
    await end.fill('2023-01-31');
    await total.fill('1 600');
    await form.getByRole('button', { name: 'Spara' }).click();
    expect(await end.inputValue()).toBe('2023-01-31');
    expect(await end.getAttribute('aria-invalid')).toBe('true');
    expect(await messageOf(page, end)).toBe('Perioden slutar (2023-01-31) före den börjar (2023-04-01)');
    expect(await total.getAttribute('aria-invalid')).toBeNull();
    expect(await total.inputValue()).toBe('1 600');
    await waitForProjection(page);
    expect(await values(page, 'computed-jobbsparet-1')).toEqual(['900000', '300000', '0']);
    expect(await liveClosing(page)).toEqual(closing);

    // Escape leaves the form without saving; the button opens it again with the stored terms.
    await end.press('Escape');
    expect(await form.count()).toBe(0);
    expect(await focusedTestId(page)).toBe('edit-jobbsparet-1');
    await page.getByRole('button', { name: 'Ändra Jobbspåret' }).click();
    expect(await form.getByLabel('Slutdatum', { exact: true }).inputValue()).toBe('2024-03-31');

    // The add form says what is missing for a staff line and keeps the rest.
    const add = page.getByTestId('add-cost-form');
    await add.getByLabel('Namn på ny rad').fill('Handläggare');
    await add.getByLabel('Typ av belopp').selectOption({ label: 'Personal' });
    await add.getByLabel('Tjänstgöringsgrad').fill('en halv');
    await add.getByRole('button', { name: 'Lägg till rad' }).click();
    const fte = add.getByLabel('Tjänstgöringsgrad');
    expect(await fte.inputValue()).toBe('en halv');
    expect(await messageOf(page, fte)).toBe('Skriv en tjänstgöringsgrad, t.ex. 0,5 för halvtid');
    expect(await messageOf(page, add.getByLabel('Månadslön'))).toContain('Skriv ett belopp');
    expect(await add.getByLabel('Namn på ny rad').inputValue()).toBe('Handläggare');
    expect(await page.getByTestId('line-handlaggare-1').count()).toBe(0);
    await context.close();
  });

  it('has no serious or critical accessibility violations with the edit and add forms open', async () => {
    const { context, page } = await openApp(browser, inject('appUrl'), '#budget');
    await addPeriodLine(page, 'Jobbspåret', '2023-04-01', '2024-03-31', '1 200');
    await page.getByRole('button', { name: 'Ändra Jobbspåret' }).click();
    const form = page.getByRole('form', { name: 'Ändra Jobbspåret' });
    await form.getByLabel('Slutdatum', { exact: true }).fill('2023-01-31');
    await form.getByRole('button', { name: 'Spara' }).click();
    await page.getByRole('button', { name: 'Ändra Vuxna' }).click();
    const add = page.getByTestId('add-cost-form');
    await add.getByLabel('Typ av belopp').selectOption({ label: 'Personal' });
    await add.getByLabel('Tjänstgöringsgrad').fill('x');
    await add.getByRole('button', { name: 'Lägg till rad' }).click();
    expect(await page.locator('[aria-invalid="true"]').count()).toBeGreaterThanOrEqual(3);
    expect(await seriousAxeViolations(page)).toEqual([]);
    // The focus outline is visible on the form's fields.
    const field = form.getByLabel('Startdatum', { exact: true });
    await field.focus();
    expect(await field.evaluate((el) => getComputedStyle(el).outlineStyle)).toBe('solid');
    await context.close();
  });
});
