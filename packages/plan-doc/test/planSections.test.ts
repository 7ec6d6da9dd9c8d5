import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import {
  addSection,
  DEFAULT_OUTLINE,
  ensureOutline,
  findSection,
  MAX_SECTION_TITLE_LENGTH,
  moveSection,
  outlineRoot,
  readOutline,
  readSection,
  removeSection,
  renameSection,
  sectionsRoot,
} from '../src/planSections.ts';
import { syncDocs } from './docHelpers.ts';

/** The outline as [id, title, kind]. */
const outlineOf = (doc: Y.Doc) => readOutline(doc).map((s) => [s.id, s.title, s.kind]);
const idsOf = (doc: Y.Doc) => readOutline(doc).map((s) => s.id);

describe('plan sections', () => {
  it('writes the seven default sections once, as one update, and reads them in outline order', () => {
    const doc = new Y.Doc();
    const origins: unknown[] = [];
    doc.on('update', (_update: Uint8Array, origin: unknown) => origins.push(origin));
    expect(ensureOutline(doc, 'server')).toBe(true);
    expect(origins).toEqual(['server']);
    expect(outlineOf(doc)).toEqual(DEFAULT_OUTLINE.map((s) => [s.id, s.title, s.kind]));
    expect(DEFAULT_OUTLINE).toHaveLength(7);
    expect(readOutline(doc).every((s) => s.body instanceof Y.XmlFragment && s.body.length === 0)).toBe(true);

    const before = Y.encodeStateAsUpdate(doc);
    expect(ensureOutline(doc)).toBe(false);
    expect(Y.encodeStateAsUpdate(doc)).toEqual(before);
    expect(origins).toEqual(['server']);
  });

  it('does not seed a document that already has sections, even only in one root', () => {
    const onlyOutline = new Y.Doc();
    outlineRoot(onlyOutline).push(['egen']);
    expect(ensureOutline(onlyOutline)).toBe(false);
    const onlySections = new Y.Doc();
    sectionsRoot(onlySections).set('egen', new Y.Map());
    expect(ensureOutline(onlySections)).toBe(false);
    expect(sectionsRoot(onlyOutline).size + outlineRoot(onlySections).length).toBe(0);
  });

  it('adds, renames, moves and removes sections', () => {
    const doc = new Y.Doc();
    ensureOutline(doc);
    const first = addSection(doc, '  Samverkan  ', 'vision');
    const last = addSection(doc, 'Bilagor', null);
    const untitled = addSection(doc, '   ', 'no-such-section');
    expect(new Set([first, last, untitled]).size).toBe(3);
    expect(idsOf(doc)).toEqual([
      'inledning',
      'vision',
      first,
      'malgrupper',
      'organisation',
      'mal-och-aktiviteter',
      'uppfoljning',
      'budget',
      last,
      untitled,
    ]);
    expect(findSection(doc, first)).toMatchObject({ title: 'Samverkan', kind: 'text' });
    expect(findSection(doc, untitled)?.title).toBe('Namnlöst avsnitt');

    renameSection(doc, 'vision', ' Vision och mål ');
    renameSection(doc, last, 'x'.repeat(MAX_SECTION_TITLE_LENGTH + 50));
    renameSection(doc, 'no-such-section', 'Ingenting');
    expect(findSection(doc, 'vision')?.title).toBe('Vision och mål');
    expect(findSection(doc, last)?.title).toHaveLength(MAX_SECTION_TITLE_LENGTH);
    expect(findSection(doc, 'no-such-section')).toBeUndefined();

    moveSection(doc, first, -1);
    moveSection(doc, 'inledning', -1); // already first
    moveSection(doc, untitled, 1); // already last
    moveSection(doc, 'budget', 1);
    moveSection(doc, 'no-such-section', 1);
    expect(idsOf(doc)).toEqual([
      'inledning',
      first,
      'vision',
      'malgrupper',
      'organisation',
      'mal-och-aktiviteter',
      'uppfoljning',
      last,
      'budget',
      untitled,
    ]);

    removeSection(doc, first);
    removeSection(doc, 'budget');
    removeSection(doc, 'no-such-section');
    expect(idsOf(doc)).not.toContain(first);
    expect(idsOf(doc)).not.toContain('budget');
    expect(sectionsRoot(doc).has(first)).toBe(false);
    expect(outlineRoot(doc).toArray()).toEqual(idsOf(doc));
  });

  it('keeps a section text with the section when it moves', () => {
    const doc = new Y.Doc();
    ensureOutline(doc);
    findSection(doc, 'vision')?.body.insert(0, [new Y.XmlText('Alla ska ha en väg till arbete.')]);
    moveSection(doc, 'vision', -1);
    expect(idsOf(doc).slice(0, 2)).toEqual(['vision', 'inledning']);
    expect(findSection(doc, 'vision')?.body.toString()).toBe('Alla ska ha en väg till arbete.');
  });

  it('keeps both sections when two documents add one at once, and text written in each', () => {
    const a = new Y.Doc();
    a.clientID = 1;
    ensureOutline(a);
    const b = new Y.Doc();
    b.clientID = 2;
    Y.applyUpdate(b, Y.encodeStateAsUpdate(a));
    const fromA = addSection(a, 'Från A', 'vision');
    const fromB = addSection(b, 'Från B', 'vision');
    findSection(a, 'inledning')?.body.insert(0, [new Y.XmlText('A skriver')]);
    findSection(b, 'budget')?.body.insert(0, [new Y.XmlText('B skriver')]);
    syncDocs(a, b);
    expect(outlineOf(a)).toEqual(outlineOf(b));
    const ids = idsOf(a);
    expect(ids).toHaveLength(DEFAULT_OUTLINE.length + 2);
    expect(ids.slice(2, 4).sort()).toEqual([fromA, fromB].sort());
    expect(findSection(b, fromA)?.title).toBe('Från A');
    expect(findSection(a, fromB)?.title).toBe('Från B');
    expect(findSection(b, 'inledning')?.body.toString()).toBe('A skriver');
    expect(findSection(a, 'budget')?.body.toString()).toBe('B skriver');
  });

  it('reads a hostile outline without throwing: bad entries are left out, a repeated id is shown once', () => {
    const doc = new Y.Doc();
    ensureOutline(doc);
    const sections = sectionsRoot(doc);
    const outline = outlineRoot(doc);
    sections.set('text-instead', 'not a section');
    sections.set('array-instead', new Y.Array());
    sections.set(
      'body-is-text',
      new Y.Map<unknown>([
        ['title', 'X'],
        ['body', new Y.Text('x')],
      ]),
    );
    sections.set(
      'body-is-string',
      new Y.Map<unknown>([
        ['title', 'X'],
        ['body', 'x'],
      ]),
    );
    sections.set('no-body', new Y.Map<unknown>([['title', 'X']]));
    sections.set(
      'odd-fields',
      new Y.Map<unknown>([
        ['title', 42],
        ['kind', 'chart'],
        ['body', new Y.XmlFragment()],
      ]),
    );
    sections.set(
      'long-title',
      new Y.Map<unknown>([
        ['title', 'y'.repeat(1000)],
        ['body', new Y.XmlFragment()],
      ]),
    );
    outline.push([
      42,
      null,
      { id: 'vision' },
      ['budget'],
      'vision',
      'inledning',
      'text-instead',
      'array-instead',
      'body-is-text',
      'body-is-string',
      'no-body',
      'never-written',
      'odd-fields',
      'long-title',
      'odd-fields',
    ]);
    const read = readOutline(doc);
    expect(read.map((s) => s.id)).toEqual([...DEFAULT_OUTLINE.map((s) => s.id), 'odd-fields', 'long-title']);
    expect(read.find((s) => s.id === 'odd-fields')).toMatchObject({ title: 'odd-fields', kind: 'text' });
    expect(read.find((s) => s.id === 'long-title')?.title).toHaveLength(MAX_SECTION_TITLE_LENGTH);
    expect(readSection('x', undefined)).toBeUndefined();
    expect(readSection('x', new Y.Doc().getMap('m'))).toBeUndefined();

    // The same with the outline root defined as a map by a broken client: reading it never throws.
    const broken = new Y.Doc();
    broken.getMap('outline').set('a', 'b');
    broken.getArray('sections').push([1]);
    const copy = new Y.Doc();
    Y.applyUpdate(copy, Y.encodeStateAsUpdate(broken));
    expect(readOutline(copy)).toEqual([]);
  });
});
