import * as Y from 'yjs';

/** Name of the root `Y.Map` of the plan's text sections (id → section map), next to the plan root. */
export const SECTIONS_ROOT = 'sections';
/** Name of the root `Y.Array` of section ids: the document's outline, in reading order. */
export const OUTLINE_ROOT = 'outline';

/**
 * What a section shows after its text: `goals` the goals, indicators and activities; `budget` the
 * budget tables and the equity chart; `text` nothing more.
 */
export type SectionKind = 'text' | 'goals' | 'budget';

/** A section of the verksamhetsplan: a title and rich text (a `Y.XmlFragment` for the editor). */
export interface PlanSection {
  readonly id: string;
  readonly title: string;
  readonly kind: SectionKind;
  /** The section's text, as ProseMirror nodes (bound with y-prosemirror). */
  readonly body: Y.XmlFragment;
}

/** The outline every new plan starts with: the headings the seed plans share. */
export const DEFAULT_OUTLINE: readonly { id: string; title: string; kind: SectionKind }[] = [
  { id: 'inledning', title: 'Inledning', kind: 'text' },
  { id: 'vision', title: 'Vision', kind: 'text' },
  { id: 'malgrupper', title: 'Målgrupper', kind: 'text' },
  { id: 'organisation', title: 'Organisation', kind: 'text' },
  { id: 'mal-och-aktiviteter', title: 'Mål och aktiviteter', kind: 'goals' },
  { id: 'uppfoljning', title: 'Uppföljning och utvärdering', kind: 'text' },
  { id: 'budget', title: 'Budget', kind: 'budget' },
];

export const MAX_SECTION_TITLE_LENGTH = 200;

const SECTION_KINDS: readonly SectionKind[] = ['text', 'goals', 'budget'];

export const sectionsRoot = (doc: Y.Doc): Y.Map<unknown> => doc.getMap<unknown>(SECTIONS_ROOT);
export const outlineRoot = (doc: Y.Doc): Y.Array<unknown> => doc.getArray<unknown>(OUTLINE_ROOT);

const sectionMap = (title: string, kind: SectionKind): Y.Map<unknown> =>
  new Y.Map<unknown>([
    ['title', title],
    ['kind', kind],
    ['body', new Y.XmlFragment()],
  ]);

/**
 * Writes the default outline into a document that has no sections yet, in one transaction with
 * `origin`; returns whether it wrote. Meant for one writer (the server, when it loads a plan), so
 * that two clients never seed the same document twice.
 */
export function ensureOutline(doc: Y.Doc, origin: unknown = null): boolean {
  if (outlineRoot(doc).length > 0 || sectionsRoot(doc).size > 0) return false;
  doc.transact(() => {
    for (const { id, title, kind } of DEFAULT_OUTLINE) sectionsRoot(doc).set(id, sectionMap(title, kind));
    outlineRoot(doc).push(DEFAULT_OUTLINE.map((s) => s.id));
  }, origin);
  return true;
}

/**
 * The sections in outline order. An outline entry without a well-formed section (a concurrent
 * removal, a hostile client) is left out, and an id listed twice is shown once; never throws.
 */
export function readOutline(doc: Y.Doc): PlanSection[] {
  const sections = sectionsRoot(doc);
  const seen = new Set<string>();
  const out: PlanSection[] = [];
  for (const id of outlineRoot(doc).toArray()) {
    if (typeof id !== 'string' || seen.has(id)) continue;
    seen.add(id);
    const section = readSection(id, sections.get(id));
    if (section) out.push(section);
  }
  return out;
}

/** One section, if `value` is a well-formed section map. */
export function readSection(id: string, value: unknown): PlanSection | undefined {
  if (!(value instanceof Y.Map)) return undefined;
  const body: unknown = value.get('body');
  if (!(body instanceof Y.XmlFragment)) return undefined;
  const title: unknown = value.get('title');
  const kind: unknown = value.get('kind');
  return {
    id,
    title: typeof title === 'string' ? title.slice(0, MAX_SECTION_TITLE_LENGTH) : id,
    kind: SECTION_KINDS.includes(kind as SectionKind) ? (kind as SectionKind) : 'text',
    body,
  };
}

/** The section with this id, if the outline has it. */
export const findSection = (doc: Y.Doc, id: string): PlanSection | undefined =>
  readOutline(doc).find((s) => s.id === id);

/** Adds a text section after `afterId` (at the end without it); returns its id. */
export function addSection(doc: Y.Doc, title: string, afterId: string | null, origin: unknown = null): string {
  // Time and client alone repeat within a millisecond: two sections added at once would share an id.
  let id: string;
  do {
    id = `s-${Date.now().toString(36)}-${doc.clientID.toString(36)}-${Math.floor(Math.random() * 1e6).toString(36)}`;
  } while (sectionsRoot(doc).has(id));
  doc.transact(() => {
    sectionsRoot(doc).set(id, sectionMap(cleanTitle(title), 'text'));
    const ids = outlineRoot(doc).toArray();
    const at = afterId === null ? -1 : ids.indexOf(afterId);
    outlineRoot(doc).insert(at < 0 ? ids.length : at + 1, [id]);
  }, origin);
  return id;
}

/** Renames a section (the last title written wins). */
export function renameSection(doc: Y.Doc, id: string, title: string, origin: unknown = null): void {
  const section = sectionsRoot(doc).get(id);
  if (section instanceof Y.Map) doc.transact(() => section.set('title', cleanTitle(title)), origin);
}

/** Moves a section one place up (-1) or down (+1) in the outline. */
export function moveSection(doc: Y.Doc, id: string, by: -1 | 1, origin: unknown = null): void {
  const outline = outlineRoot(doc);
  const from = outline.toArray().indexOf(id);
  const to = from + by;
  if (from < 0 || to < 0 || to >= outline.length) return;
  doc.transact(() => {
    outline.delete(from, 1);
    outline.insert(to, [id]);
  }, origin);
}

/** Removes a section and its text. */
export function removeSection(doc: Y.Doc, id: string, origin: unknown = null): void {
  doc.transact(() => {
    const outline = outlineRoot(doc);
    const ids = outline.toArray();
    for (let i = ids.length - 1; i >= 0; i--) if (ids[i] === id) outline.delete(i, 1);
    sectionsRoot(doc).delete(id);
  }, origin);
}

const cleanTitle = (title: string): string => title.trim().slice(0, MAX_SECTION_TITLE_LENGTH) || 'Namnlöst avsnitt';
