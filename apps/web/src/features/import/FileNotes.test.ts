import { readTableGrid } from '@samplan/budget-table';
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { type Language, type MessageKey, translate } from '../../i18n/messages.ts';
import { FileNotes, type FileNotesData } from './FileNotes.tsx';

const tr = (language: Language) => (key: MessageKey, values?: Record<string, string | number>) =>
  translate(language, key, values);
const render = (notes: FileNotesData | null, language: Language) =>
  renderToStaticMarkup(createElement(FileNotes, { notes, t: tr(language) }));

/** A Windows-1252 CSV with an unclosed quote: two notes. */
const grid = readTableGrid(
  Uint8Array.from('Rad,2025\nKansli \u0096 lokaler,12\nHyra,"12\n', (c) => c.charCodeAt(0)),
  'k.csv',
);

describe('FileNotes', () => {
  it('says the readers’ notes in English mode in English, Windows-1252 with the workspace’s own sentence', () => {
    const html = render({ file: 'k.csv', ...grid }, 'en');
    expect(html).toContain('About the file k.csv');
    expect(html).toContain(`<li data-testid="import-encoding">${tr('en')('import.encoding.windows-1252')}</li>`);
    expect(html).toContain('k.csv:3:6: The quotation mark is never closed; the file was read up to there');
    expect(html).not.toMatch(/lästes|Citattecknet/);
  });

  it('in Swedish mode, and when only the Swedish notes arrived, says them as the readers wrote them', () => {
    const swedish = render({ file: 'k.csv', ...grid }, 'sv');
    expect(swedish).toContain('k.csv:3:6: Citattecknet stängs aldrig; filen lästes till dit');
    const { noteReasons, ...withoutReasons } = grid;
    expect(noteReasons).toHaveLength(2);
    expect(render({ file: 'k.csv', ...withoutReasons }, 'en')).toContain(
      'k.csv:3:6: Citattecknet stängs aldrig; filen lästes till dit',
    );
  });

  it('shows nothing for a file read without notes', () => {
    expect(render({ file: 'a.csv', encoding: 'utf-8', notes: [], noteReasons: [] }, 'en')).toBe('');
    expect(render(null, 'en')).toBe('');
  });
});
