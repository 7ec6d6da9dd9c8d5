import type { CostCategory, MemberGroup, StatedFigure } from '@samplan/engine';

/** A clue found in a label: what it suggests and the words that said it (for the explanation). */
export interface Clue<T> {
  value: T;
  words: string;
  /** A strong clue (the label names the thing) or a weaker one. */
  strong: boolean;
}

/** The matched text widened to whole words, as printed: 'Struktur' in "Strukturövergripande insatser" → "Strukturövergripande". */
export function wholeWords(label: string, start: number, end: number): string {
  let a = start;
  let b = end;
  while (a > 0 && /[\p{L}\d-]/u.test(label[a - 1] as string)) a--;
  while (b < label.length && /[\p{L}\d]/u.test(label[b] as string)) b++;
  return label.slice(a, b).trim();
}

const find = <T>(label: string, rules: readonly [RegExp, T, boolean][]): Clue<T> | null => {
  for (const [pattern, value, strong] of rules) {
    const m = pattern.exec(label);
    if (m) return { value, words: wholeWords(label, m.index, m.index + m[0].length), strong };
  }
  return null;
};

// Word boundaries for Swedish letters: \b does not know å, ä, ö.
const W = '(?<![\\p{L}\\d])';
const E = '(?![\\p{L}\\d])';
const re = (source: string, flags = 'iu') => new RegExp(source.replaceAll('\\<', W).replaceAll('\\>', E), flags);

export const SECTION_REVENUE = re('^(intäkter|inkomster|finansiering)\\>');
export const SECTION_COSTS = re('^(utgifter\\s*/\\s*kostnader|kostnader|utgifter|kostnadsfördelning)\\>');

/** A total row: "Summa intäkter", "SUMMA:", "Totalt", "Delsumma verksamheter", "Individinriktade, SUMMA". */
export const TOTAL = re('\\<(summa|totalt|total|delsumma|s:a)\\>');

/** The member group a revenue label names. Several groups in one label: no clue. */
export function memberClue(label: string): Clue<MemberGroup> | null {
  const found = [
    find<MemberGroup>(label, [
      [re('\\<(staten|statens|stat)\\>|försäkringskassan|arbetsförmedlingen|\\<(fk|af)\\>'), 'state', true],
    ]),
    find<MemberGroup>(label, [[re('region|landsting'), 'region', true]]),
    find<MemberGroup>(label, [[re('kommun|\\<(stad|staden|stads)\\>'), 'kommun', true]]),
  ].filter((c): c is Clue<MemberGroup> => c !== null);
  return found.length === 1 ? (found[0] as Clue<MemberGroup>) : null;
}

/** Member contributions in one row. */
export const MEMBER_TOTAL = re(
  'medlemsintäkter|medlemsbidrag|medlemsavgift(er)?|bidrag från medlemm|medlemmarnas bidrag',
);

/** Opening equity printed among the revenue: never revenue. */
export const OPENING_EQUITY = re(
  'ingående eget kapital|ingående balans|balanserat resultat|balanserade medel|prognos(tiserat)? eget kapital|överskott från (föregående|tidigare) år|ackumulerat (resultat|överskott)|eget kapital',
);

/** Closing equity, below the costs. */
export const CLOSING_EQUITY = re(
  'utgående eget kapital|eget kapital (vid|per) årets (slut|utgång)|balanserat resultat|eget kapital|kvar att disponera',
);

/** A result row: "Resultat", "Årets resultat", "Avvikelse", "Över-/underskott". */
export const RESULT = re(
  '^(årets )?resultat\\>|över-?\\s*/?\\s*underskott|årets överskott|\\<avvikelse\\>|\\<netto\\>',
);

export const ESF = re('\\<esf\\>|socialfond');
export const PROJECT_MONEY = re('projektmedel|projektintäkt');
export const INCOME = re('intäkt|ersättning|bidrag|\\<dua\\>|ränt|försäljning|avgift');
export const PERCENT_OF_COSTS = re('% av (kostnad|total)|andel');

/** The category a cost label (or a heading) names. */
export function categoryClue(label: string): Clue<CostCategory> | null {
  return find<CostCategory>(label, [
    [
      re(
        'utrymme|ej (beslutade|fördelade|disponerade|uppbundna)|ofördelad|odisponerad|tillkommande insatser|nya insatser',
      ),
      'unallocated',
      true,
    ],
    [re('individ'), 'individual', true],
    [re('struktur'), 'structural', true],
    [re('förvaltning|administration|\\<adm\\>|kansli|styrelse|revision|revisor'), 'administration', true],
    [re('ekonomi|arvode|förbundschef|lokalhyra|representation|fasta kostnader'), 'administration', false],
    [
      re('kompetens|utbildning|nätverk|utveckl|analys|utvärdering|konferens|kommunikation|insatskatalog|kunskap'),
      'structural',
      false,
    ],
    [re('team|coach|lots|stöd till arbete|\\<ips\\>|arbetsträning|rehab|deltagare'), 'individual', false],
  ]);
}

/** The figure a total's label names, if it names one. */
export function totalFigureClue(label: string, section: 'revenue' | 'costs'): Clue<StatedFigure> | null {
  if (section === 'revenue')
    return find<StatedFigure>(label, [
      [re('eget kapital|överskott|balanserat|\\<inkl'), 'revenue-with-equity', true],
      [re('medlem'), 'member-revenue', true],
      [re('\\<esf\\>'), 'esf-revenue', true],
      [re('övriga'), 'other-revenue', true],
      [re('intäkter|inkomster'), 'revenue', false],
    ]);
  const category = categoryClue(label);
  if (category?.strong) return { ...category, value: `cost-${category.value}` as StatedFigure };
  return find<StatedFigure>(label, [
    [re('verksamhet'), 'cost-operations', true],
    [re('kostnader|utgifter'), 'costs', true],
  ]);
}

const CONDITION_WORDS = re(
  '\\<(esf-?projekt(et)?|esf|projekt(et)?|medel(en)?|beviljas|godkänns|beviljat|ansökan|ansökningen|den|det)\\>',
  'giu',
);

/**
 * The ESF project a parenthetical condition names: "(om ESF projekt MIA Vidare beviljas)" → "MIA Vidare";
 * "(om ansökan beviljas)" names none (project ''): the row's own project.
 */
export function conditionClue(label: string): { project: string; words: string; applied: boolean } | null {
  const m = /\(([^()]*\bom\s+([^()]+))\)/iu.exec(label);
  if (!m) return null;
  const words = m[0];
  const name = (m[2] as string).replace(CONDITION_WORDS, ' ').replace(/\s+/g, ' ').trim();
  // "(om ansökan beviljas)" names no project: the row's own.
  return { project: name, words, applied: /beviljas|godkänns|ansök/i.test(words) };
}

/**
 * The project an ESF label names: its proper name (the capitalized words after "ESF-medel",
 * "Projektmedel"), else what remains of the label. "ESF-medel projektledning Gränsgångare" → "Gränsgångare".
 */
export function projectNameOf(label: string): string {
  const condition = conditionClue(label);
  if (condition?.project) return condition.project;
  const rest = label
    .replace(/\([^()]*\)/g, ' ')
    .replace(re('^\\s*(esf[- ]?medel|esf[- ]?projekt(et)?|esf|projektmedel( in)?|intäkter?)\\>[\\s:-]*'), '')
    .replace(/\s+/g, ' ')
    .trim();
  const words = rest.split(' ');
  const capital = words.map((w) => /^\p{Lu}/u.test(w));
  const first = capital.indexOf(true);
  const last = capital.lastIndexOf(true);
  if (first >= 0) return words.slice(first, last + 1).join(' ');
  return rest || label;
}

const escapeRegExp = (w: string) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Does the label mention this name (a project, a member's place) as whole words, a genitive s allowed? */
export function mentions(label: string, name: string): boolean {
  const words = name.split(/\s+/).filter(Boolean).map(escapeRegExp);
  if (words.length === 0 || name.length < 3) return false;
  return re(`\\<${words.join('\\s+')}s?\\>`).test(label);
}

/** The known project a short reference means: "MIA" → "MIA Vidare" (its first word, or all its words). */
export function resolveProject(reference: string, projects: readonly string[]): string | null {
  const ref = reference.toLowerCase();
  const exact = projects.find((p) => p.toLowerCase() === ref);
  if (exact) return exact;
  const refWords = ref.split(/\s+/);
  const matches = projects.filter((p) => {
    const words = p.toLowerCase().split(/\s+/);
    return refWords.every((w) => words.includes(w)) || words.every((w) => refWords.includes(w));
  });
  return matches.length === 1 ? (matches[0] as string) : null;
}
