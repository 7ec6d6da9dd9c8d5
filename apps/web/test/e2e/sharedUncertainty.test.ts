import { describe, expect, inject, it } from 'vitest';
import { createSharedPlan, docWritesSent, goteborgSeed, openPlanAs, sharedPlanSuite } from './sharedPlan.ts';

const baseUrl = inject('baseUrl');
const suite = sharedPlanSuite(baseUrl);
const { sessions, contexts } = suite;

async function open(who: 'anna' | 'bo' | 'vera', planId: string) {
  const opened = await openPlanAs(suite.browser, baseUrl, sessions[who], planId, '#risk');
  contexts.push(opened.context);
  await opened.page.getByTestId('risk-state-min').waitFor();
  return opened.page;
}

describe('uncertainty ranges in a shared plan', () => {
  it('are kept in the plan: an editor’s range is what the others open; a commenter’s change stays hers and writes nothing', async () => {
    const planId = await createSharedPlan(baseUrl, sessions.anna, goteborgSeed(), 'Osäkerhet delad', [
      { session: sessions.bo, role: 'editor' },
      { session: sessions.vera, role: 'commenter' },
    ]);
    const anna = await open('anna', planId);
    const annaWrites = await docWritesSent(anna);
    await anna.getByTestId('risk-state-min').fill('-10');
    // An editor's range is a write to the shared document (the counter sees writes).
    await expect.poll(() => docWritesSent(anna)).toBeGreaterThan(annaWrites);
    const bo = await open('bo', planId);
    await expect.poll(() => bo.getByTestId('risk-state-min').inputValue()).toBe('-10');

    const vera = await open('vera', planId);
    expect(await vera.getByTestId('risk-state-min').inputValue()).toBe('-10');
    const writesBefore = await docWritesSent(vera);
    await vera.getByTestId('risk-state-min').fill('-5');
    await expect.poll(() => vera.getByTestId('risk-state-min').inputValue()).toBe('-5');
    // Her change is hers: it sends no write to the shared document.
    expect(await docWritesSent(vera)).toBe(writesBefore);
    // The server would close a commenter who wrote outside comments: she is still online.
    expect(await vera.getByTestId('connection').getAttribute('data-status')).toBe('online');
    await anna.reload();
    await anna.getByTestId('risk-state-min').waitFor();
    expect(await anna.getByTestId('risk-state-min').inputValue()).toBe('-10');
  });
});
