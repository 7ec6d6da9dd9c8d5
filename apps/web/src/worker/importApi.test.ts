import { formatKronor, projectPlan } from '@samplan/engine';
import { describe, expect, it } from 'vitest';
import { importApi } from './importApi.ts';

const bytes = (text: string) => new TextEncoder().encode(text).buffer as ArrayBuffer;
/** Windows-1252: what Swedish Excel's "CSV (semikolonavgränsad)" writes (å ä ö as single bytes). */
const cp1252 = (text: string) =>
  Uint8Array.from(
    [...text].map((c) => ({ å: 0xe5, ä: 0xe4, ö: 0xf6, Å: 0xc5, Ä: 0xc4, Ö: 0xd6 })[c] ?? c.charCodeAt(0)),
  ).buffer as ArrayBuffer;

const TABLE = (unit: string) => `# plan: Förbundet
${unit}kind;name;group;project;start;end;total;2025;2026
member;Staten;state;;;;;4 198;4 198
member;Regionen;region;;;;;2 099;2 099
member;Kommunen;kommun;;;;;2 099;2 099
cost;Kansli;administration;;;;;900;900
equity;Ingående eget kapital;;;;;;1 000;
`;

const closing = (plan: Parameters<typeof projectPlan>[0]) => {
  const p = projectPlan(plan);
  if (!p.ok) throw new Error('no projection');
  return p.value.rows.map((r) => formatKronor(r.closingEquity));
};

describe('importApi.inspectImport', () => {
  it('imports a budget table that states its unit', async () => {
    const outcome = await importApi.inspectImport(bytes(TABLE('# unit: tkr\n')), { file: 'budget.csv' });
    expect(outcome.kind).toBe('plan');
    if (outcome.kind !== 'plan') return;
    expect(outcome.plan.members[0]?.amounts?.['2025']).toBe('4198000');
  });

  it('asks for the unit of a table that does not say, with its first amounts, and imports it in the chosen unit', async () => {
    const data = bytes(TABLE(''));
    const asked = await importApi.inspectImport(data, { file: 'budget.csv' });
    expect(asked).toMatchObject({ kind: 'needs-unit', format: 'table' });
    if (asked.kind !== 'needs-unit') return;
    expect(asked.samples.map((s) => [s.label, s.printed])).toEqual([
      ['Staten', '4198'],
      ['Regionen', '2099'],
      ['Kommunen', '2099'],
    ]);
    const tkr = await importApi.inspectImport(data, { file: 'budget.csv', unit: 'tkr' });
    const kr = await importApi.inspectImport(data, { file: 'budget.csv', unit: 'kr' });
    if (tkr.kind !== 'plan' || kr.kind !== 'plan') throw new Error('not imported');
    // 1 000 + 8 396 − 900 tkr; the same file read in kr is a thousandth of it.
    expect(closing(tkr.plan)).toEqual(['8496000', '15992000']);
    expect(closing(kr.plan)).toEqual(['8496', '15992']);
  });

  it('reads Windows-1252 and says so', async () => {
    const outcome = await importApi.inspectImport(
      cp1252(TABLE('# unit: tkr\n').replace('Förbundet', 'Förbundet Älvdalen')),
      {
        file: 'excel.csv',
      },
    );
    expect(outcome.kind).toBe('plan');
    expect(outcome.encoding).toBe('windows-1252');
    expect(outcome.notes.join(' ')).toContain('Windows-1252');
    if (outcome.kind === 'plan') expect(outcome.plan.name).toBe('Förbundet Älvdalen');
  });

  it('sends a sheet laid out as printed to the layout importer, and previews the plan a mapping gives', async () => {
    const sheet = `Budget 2025–2026 (tkr)
;2025;2026
Intäkter;;
Staten;4 198;4 198
Regionen;2 099;2 099
Kommunen;2 099;2 099
Summa intäkter;8 396;8 396
Kostnader;;
Kansli;-900;-900
Summa kostnader;-900;-900
`;
    const outcome = await importApi.inspectImport(bytes(sheet), { file: 'tryckt.csv' });
    expect(outcome.kind).toBe('layout');
    if (outcome.kind !== 'layout') return;
    expect(outcome.proposal.unit).toBe('tkr');
    expect(outcome.proposal.years).toEqual([2025, 2026]);
    const preview = importApi.previewLayout(outcome.grid, outcome.proposal.mapping, { file: 'tryckt.csv' });
    expect(preview.ok).toBe(true);
    if (!preview.ok) return;
    expect(preview.projection.years.map((y) => y.closingEquity)).toEqual(['7496000', '14992000']);
    // The sheet's own totals agree with its lines: the audit reports nothing.
    expect(preview.projection.audit).toEqual([]);
  });

  it('asks for the unit of a printed sheet that does not say', async () => {
    const sheet = ';2025;2026\nIntäkter;;\nStaten;4 198;4 198\nKostnader;;\nKansli;900;900\n';
    const outcome = await importApi.inspectImport(bytes(sheet), { file: 'utan-enhet.csv' });
    expect(outcome).toMatchObject({ kind: 'needs-unit', format: 'layout' });
    if (outcome.kind === 'needs-unit') expect(outcome.samples[0]).toMatchObject({ label: 'Staten', printed: '4198' });
    const chosen = await importApi.inspectImport(bytes(sheet), { file: 'utan-enhet.csv', unit: 'kr' });
    expect(chosen.kind === 'layout' && chosen.proposal.unit).toBe('kr');
  });

  it('refuses a broken table naming the file, line, column and the cell’s text', async () => {
    const outcome = await importApi.inspectImport(bytes(TABLE('# unit: tkr\n').replace('900;900', '900;nio')), {
      file: 'fel.csv',
    });
    expect(outcome.kind).toBe('refused');
    if (outcome.kind !== 'refused') return;
    expect(outcome.errors[0]).toMatchObject({ file: 'fel.csv', line: 7 });
    expect(outcome.errors[0]?.column).toBeGreaterThan(1);
    expect(outcome.errors[0]?.message).toContain('nio');
  });
});
