import { mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { importBudgetWorkbook } from '@samplan/budget-xlsx';
import ExcelJS from 'exceljs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchChromium, openApp, waitForProjection } from './browser.ts';

const artifacts = fileURLToPath(new URL('../../test-results/', import.meta.url));
const assets = fileURLToPath(new URL('../../dist/assets/', import.meta.url));
let browser: Browser;
beforeAll(async () => {
  browser = await launchChromium();
  mkdirSync(artifacts, { recursive: true });
});
afterAll(async () => {
  await browser?.close();
});

const YEARS = [2023, 2024, 2025];
const PLAN_NAME = 'Samordningsförbundet Göteborg 2023–2025';

const go = async (page: Page, view: string) => {
  await page.getByTestId(`nav-${view}`).click();
  await waitForProjection(page);
};

/** The base plan's closing equity per year, as the live summary beside the budget shows it (exact kronor). */
const closingEquity = async (page: Page) => {
  await go(page, 'budget');
  return Promise.all(YEARS.map((y) => page.getByTestId(`live-base-${y}`).getAttribute('data-value')));
};

/** Chooses a file in the plan view's import, as a person would. */
const importFile = async (page: Page, file: Parameters<Page['setInputFiles']>[1]) => {
  await go(page, 'plan');
  await page.getByTestId('import-file').setInputFiles(file);
};

/** Types an amount (in tkr) into a budget cell and waits for the projection. */
const editCell = async (page: Page, testId: string, value: string) => {
  await go(page, 'budget');
  const cell = page.getByTestId(testId);
  await cell.fill(value);
  await cell.press('Enter');
  await waitForProjection(page);
};

/** Loads a workbook from bytes (exceljs's type says Buffer; it reads a Uint8Array). */
const loadWorkbook = async (bytes: Uint8Array) => {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(bytes as unknown as Parameters<typeof workbook.xlsx.load>[0]);
  return workbook;
};

/** The Budget sheet's header row (`kind,name,…,<years>`) and the column of each year. */
const budgetHeader = (sheet: ExcelJS.Worksheet) => {
  let header: ExcelJS.Row | undefined;
  sheet.eachRow((row) => {
    if (header === undefined && row.getCell(1).value === 'kind') header = row;
  });
  if (header === undefined) throw new Error('no header row in the Budget sheet');
  const columns = new Map<number, number>();
  header.eachCell((cell, column) => {
    if (typeof cell.value === 'number' || /^\d{4}$/.test(String(cell.value))) columns.set(Number(cell.value), column);
  });
  return { header: header.number, columns };
};

describe('Excel workbooks in the workspace (real browser)', () => {
  it('exports the plan with its scenarios as .xlsx (built in the worker) and imports it back to the same projection', async () => {
    const { context, page } = await openApp(browser, inject('appUrl'), '#plan');
    expect(await page.getByTestId('plan-name').textContent()).toBe(PLAN_NAME);
    // An edit the seed does not have (Vuxna 2024: 13 300 → 12 800 tkr), so the file carries this plan.
    await editCell(page, 'cell-vuxna-2024', '12 800');
    await go(page, 'scenarios');
    await page.getByTestId('new-scenario').click();
    const name = page.getByTestId('scenario-name');
    await name.fill('ESF avslag');
    await name.press('Enter');
    await page.getByTestId('esf-gransgangare').selectOption('rejected');
    await waitForProjection(page);
    const before = await closingEquity(page);
    expect(before.every((v) => v !== null && /^-?\d+(\.\d+)?$/.test(v))).toBe(true);

    await go(page, 'plan');
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-xlsx').click()]);
    expect(download.suggestedFilename()).toBe('Samordningsförbundet-Göteborg-2023-2025.xlsx');
    const file = `${artifacts}${download.suggestedFilename()}`;
    await download.saveAs(file);
    const bytes = new Uint8Array(readFileSync(file));

    // In Node: a sheet per scenario (the base first) and the comparison; the budget as number cells with formats.
    const workbook = await loadWorkbook(bytes);
    expect(workbook.worksheets.map((w) => w.name)).toEqual(['Budget', 'Grundbudget', 'ESF avslag', 'Jämförelse']);
    const sheet = workbook.getWorksheet('Budget');
    if (!sheet) throw new Error('no Budget sheet');
    const { header, columns } = budgetHeader(sheet);
    expect([...columns.keys()]).toEqual(YEARS);
    let amounts = 0;
    sheet.eachRow((row, line) => {
      if (line <= header || String(row.getCell(1).value).startsWith('#')) return;
      for (const column of columns.values()) {
        const cell = row.getCell(column);
        if (cell.value === null || cell.value === '') continue;
        expect(typeof cell.value, `row ${line} column ${column}`).toBe('number');
        // Kronor (with öre where there are any), or a stated share as a percentage.
        expect(cell.numFmt, `row ${line} column ${column}`).toMatch(/^#,##0(\.00)?$|^0(\.0+)? %$/);
        amounts++;
      }
    });
    expect(amounts).toBeGreaterThan(40);
    const vuxna = sheet.getRows(header + 1, sheet.rowCount - header)?.find((r) => r.getCell(2).value === 'Vuxna');
    expect(vuxna?.getCell(columns.get(2024) ?? 0).value).toBe(12_800_000);
    const comparison = workbook.getWorksheet('Jämförelse');
    expect(comparison?.getRow(2).getCell(5).value).toBe(Number(before[0]));
    const readBack = await importBudgetWorkbook(bytes, download.suggestedFilename());
    expect(readBack.ok).toBe(true);

    // Change the plan on screen, then import the file through the UI: the projection is the exported one.
    await editCell(page, 'cell-vuxna-2023', '10 000');
    expect(await closingEquity(page)).not.toEqual(before);
    await importFile(page, file);
    await expect
      .poll(() => page.getByTestId('status').textContent())
      .toContain('Samordningsförbundet-Göteborg-2023-2025.xlsx är inläst.');
    await waitForProjection(page);
    expect(await page.getByTestId('plan-name').textContent()).toBe(PLAN_NAME);
    expect(await closingEquity(page)).toEqual(before);
    await go(page, 'budget');
    expect(await page.getByTestId('cell-vuxna-2024').inputValue()).toBe('12\u00a0800');
    await context.close();
  });

  it('keeps exceljs out of the main bundle and the worker entry: a chunk of its own, loaded on first use', () => {
    // A path every .xlsx writer and reader names; the built app (global setup) holds it in one lazy chunk.
    const marker = 'xl/workbook.xml';
    const html = readFileSync(fileURLToPath(new URL('../../dist/index.html', import.meta.url)), 'utf8');
    const eager = [...html.matchAll(/(?:src|href)="\/assets\/([^"]+\.js)"/g)].map((m) => m[1] as string);
    const worker = readdirSync(assets).filter((f) => /^engine\.worker-.*\.js$/.test(f));
    expect(eager.length).toBeGreaterThan(0);
    expect(worker).toHaveLength(1);
    for (const chunk of [...eager, ...worker])
      expect(readFileSync(`${assets}${chunk}`, 'utf8'), chunk).not.toContain(marker);
    const lazy = readdirSync(assets).filter(
      (f) => f.endsWith('.js') && readFileSync(`${assets}${f}`, 'utf8').includes(marker),
    );
    expect(lazy).toHaveLength(1);
    expect(readFileSync(`${assets}${worker[0]}`, 'utf8')).toContain(`import(\`./${lazy[0]}\`)`);
  });

  it('shows the line and column of a bad amount in a workbook and keeps the plan on screen', async () => {
    const { context, page } = await openApp(browser, inject('appUrl'), '#plan');
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-xlsx').click()]);
    const workbook = await loadWorkbook(new Uint8Array(readFileSync((await download.path()) as string)));
    const sheet = workbook.getWorksheet('Budget');
    if (!sheet) throw new Error('no Budget sheet');
    const { header, columns } = budgetHeader(sheet);
    const row = sheet.getRows(header + 1, sheet.rowCount - header)?.find((r) => r.getCell(2).value === 'Columbus');
    const column = columns.get(2024);
    if (!row || !column) throw new Error('no Columbus row');
    row.getCell(column).value = 'abc';
    const bad = `${artifacts}bad-amount.xlsx`;
    await workbook.xlsx.writeFile(bad);

    const before = await closingEquity(page);
    await importFile(page, bad);
    const errors = page.getByTestId('import-errors');
    await expect
      .poll(() => errors.textContent())
      .toContain(`bad-amount.xlsx[Budget]:${row.number}:${column}: Ogiltigt belopp "abc" i kolumn 2024`);
    expect(await errors.textContent()).toContain('Den aktuella planen är oförändrad.');
    expect(await page.getByTestId('plan-name').textContent()).toBe(PLAN_NAME);
    expect(await closingEquity(page)).toEqual(before);

    // A file that is no workbook at all, by its name: the same error box, the plan still unchanged.
    await importFile(page, {
      name: 'inte-excel.xlsx',
      mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      buffer: Buffer.from('kind,name\n'),
    });
    await expect
      .poll(() => errors.textContent())
      .toContain('inte-excel.xlsx:1:1: Filen kan inte läsas som en Excel-arbetsbok (.xlsx)');
    expect(await closingEquity(page)).toEqual(before);
    await context.close();
  });
});
