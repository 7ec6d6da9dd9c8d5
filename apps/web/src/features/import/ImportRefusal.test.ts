import { importBudgetTable } from '@samplan/budget-table';
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { type Language, type MessageKey, translate } from '../../i18n/messages.ts';
import { ImportRefusal, refusalText } from './ImportRefusal.tsx';

const tr = (language: Language) => (key: MessageKey, values?: Record<string, string | number>) =>
  translate(language, key, values);
const sv = tr('sv');
const en = tr('en');

const refused = (text: string) => {
  const result = importBudgetTable(text, 'fel.csv', { unit: 'tkr' });
  if (result.ok) throw new Error('expected a refusal');
  return result.errors;
};
const BAD = 'kind,name,group,project,start,end,total,2025,2026\nmember,Staten,state,,,,,4198,fyra\n';

describe('ImportRefusal', () => {
  it('lists a budget table’s refusal in English mode in English, with file, line, column and the cell’s text', () => {
    const html = renderToStaticMarkup(createElement(ImportRefusal, { file: 'fel.csv', errors: refused(BAD), t: en }));
    expect(html).toContain('fel.csv could not be read (1 errors). The current plan is unchanged.');
    expect(html).toContain('fel.csv:2:30: Invalid amount “fyra” in column 2026');
    expect(html).not.toContain('Ogiltigt');
  });

  it('in Swedish mode says what the CLI says', () => {
    const [issue] = refused(BAD);
    expect(refusalText(issue as NonNullable<typeof issue>, sv)).toBe('Ogiltigt belopp "fyra" i kolumn 2026');
  });

  it('says the layout importer’s reason when it gives one, and a code without params by its message', () => {
    const reason = { code: 'invalid-amount', text: 'x', label: 'Kansli', year: 2025 } as const;
    expect(refusalText({ code: 'invalid-amount', message: 'Ogiltigt', reason }, en)).toBe(
      en('import.reason.invalid-amount', { text: 'x', label: 'Kansli', year: 2025, why: '' }),
    );
    expect(refusalText({ code: 'duplicate-id', message: 'id "a" används redan (members.0)' }, en)).toBe(
      'id "a" används redan (members.0)',
    );
  });
});
