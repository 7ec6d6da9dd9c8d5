import { assertNever } from '@samplan/engine';
import type { Ambiguity, ClueRole, Reason, SummedRows, UnitCell } from './reason.ts';
import { CATEGORY_SV, FIGURE_SV, listSv, MEMBER_SV } from './swedishNames.ts';

const where = (line: number, column: number) => `rad ${line}, kolumn ${column}`;
const sectionSv = (section: 'revenue' | 'costs') => (section === 'costs' ? 'kostnader' : 'intäkter');

function clueRoleSv(role: ClueRole): string {
  switch (role.kind) {
    case 'member':
      return MEMBER_SV[role.group];
    case 'esf':
      return `ESF-intäkt för projektet ${role.project}`;
    case 'income':
      return 'övrig intäkt';
    case 'cost':
      return CATEGORY_SV[role.category];
    default:
      return assertNever(role, 'clue role');
  }
}

function summedRowsSv(rows: SummedRows): string {
  switch (rows.kind) {
    case 'above':
      return 'raderna ovanför';
    case 'revenue':
      return 'intäktsraderna';
    case 'revenue-and-equity':
      return 'intäktsraderna och eget kapital';
    case 'members':
      return 'medlemsraderna';
    case 'esf':
      return 'ESF-raderna';
    case 'other-income':
      return 'raderna med övriga intäkter';
    case 'costs':
      return 'kostnadsraderna';
    case 'category':
      return `raderna för ${CATEGORY_SV[rows.category]}`;
    case 'costs-except-administration':
      return 'kostnadsraderna utom förvaltning';
    default:
      return assertNever(rows, 'summed rows');
  }
}

const unitCellSv = (c: UnitCell) => `"${c.text}", ${where(c.line, c.column)}`;

/** Why `1.050` is no amount, as `readNumber` of the budget table says it. */
export const ambiguitySv = (a: Ambiguity): string =>
  `"${a.text}" kan betyda både ${a.whole} ${a.fraction} och ${a.decimal} (är ${
    a.separator === '.' ? 'punkten' : 'kommat'
  } tusentalsavgränsare eller decimaltecken?); skriv ${a.whole}${a.fraction} eller ${a.decimal}`;

/** A reason in Swedish: the words the CLI prints and `RowProposal.explanation` joins with "; ". */
export function reasonSv(r: Reason): string {
  switch (r.code) {
    case 'title-above-header':
      return 'första texten ovanför årtalsraden → planens namn';
    case 'note-above-header':
      return 'text ovanför årtalsraden → anteckning, läses inte';
    case 'header-row':
      return `rad med årtalen ${r.first}–${r.last} → rubrikrad`;
    case 'section-in-header':
      return `'${r.label}' → ${sectionSv(r.section)} följer`;
    case 'section-heading':
      return `rubrik '${r.label}' → ${sectionSv(r.section)} följer`;
    case 'category-heading':
      return `rubrik '${r.label}' → ${CATEGORY_SV[r.category]} följer`;
    case 'heading-without-amounts':
      return 'text utan belopp → rubrik, läses inte';
    case 'note-without-amounts':
      return 'text utan belopp → anteckning, läses inte';
    case 'empty-row':
      return 'rad utan namn och belopp → läses inte';
    case 'amounts-outside-years':
      return 'belopp bara i kolumner utanför planens år → läses inte';
    case 'not-an-amount':
      return `cellen "${r.text}" (${r.year}) är inget belopp`;
    case 'amounts-without-label':
      return 'rad med belopp men utan namn';
    case 'label-clue':
      return `'${r.clue}' i radnamnet → ${clueRoleSv(r.role)}`;
    case 'derived-by-matching':
      return 'inga belopp → räknas fram enligt matchningsregeln';
    case 'equity-among-revenue':
      return `'${r.clue}' bland intäkterna → ingående eget kapital (ingen intäkt)`;
    case 'opening-equity-label':
      return `'${r.clue}' → ingående eget kapital (ingen intäkt)`;
    case 'member-total':
      return `'${r.clue}' utan rader per medlem → medlemsbidragen i en rad: staten 50 %, region 25 %, kommuner 25 % enligt lagen`;
    case 'esf-applied':
      return `'${r.condition}' → ansökt, inte beslutat: räknas inte i grundbudgeten`;
    case 'income-by-section':
      return 'under rubriken Intäkter → övrig intäkt (inget i radnamnet säger mer)';
    case 'costs-under-heading':
      return 'under rubriken Kostnader → kostnad';
    case 'costs-after-revenue-total':
      return 'efter summan av intäkterna → kostnad';
    case 'costs-start-at':
      return `ingen rubrik Kostnader; kostnaderna börjar vid '${r.label}' → kostnad`;
    case 'under-heading':
      return `under rubriken '${r.heading}' → ${CATEGORY_SV[r.category]}`;
    case 'category-default':
      return 'ingen kategori i radnamnet eller en rubrik → individinriktad insats (gissning)';
    case 'subtotal-category':
      return `'${r.label}' summerar raden → ${CATEGORY_SV[r.category]}`;
    case 'member-share':
      return `procent och '${r.clue}' i radnamnet → ${FIGURE_SV[`share-member-${r.group}`]}`;
    case 'category-share':
      return `procent (${listSv(r.years)}) och '${r.clue}' i radnamnet → andel av kostnaderna: ${CATEGORY_SV[r.category]}`;
    case 'share-without-base':
      return 'procent utan känd bas → läses inte';
    case 'total-unexplained':
      return `'${r.word}' men raderna ovanför summerar inte till den något år och radnamnet säger inte vad den summerar`;
    case 'total-named':
      return `'${r.clue}' i radnamnet → ${FIGURE_SV[r.figure]}; raderna summerar inte till den något år (granskningen visar skillnaden)`;
    case 'total-sums': {
      const except = r.missed.length
        ? ` ${listSv(r.matched)} men inte ${listSv(r.missed)} (granskningen visar skillnaden)`
        : '';
      return `'${r.word}' och ${summedRowsSv(r.rows)} summerar till den${except} → ${FIGURE_SV[r.figure]}`;
    }
    case 'printed-negative':
      return 'tryckt med minustecken → jämförs med omvänt tecken';
    case 'result-unexplained':
      return `'${r.label}' är varken årets resultat eller utgående eget kapital enligt summorna något år`;
    case 'result-named':
      return `'${r.clue}' i radnamnet → ${FIGURE_SV[r.figure]}; summorna ger inte det något år (granskningen visar skillnaden)`;
    case 'result-formula': {
      const formula = r.figure === 'result' ? 'intäkter − kostnader' : 'eget kapital + intäkter − kostnader';
      const except = r.missed.length ? ` ${listSv(r.matched)} men inte ${listSv(r.missed)}` : '';
      return `'${r.clue}' = ${formula}${except} → ${FIGURE_SV[r.figure]}`;
    }
    case 'alternative-figures':
      return `'${r.condition}' → beloppen inom parentes gäller om ESF-projektet ${r.project} körs`;
    case 'alternative-unknown-project':
      return `'${r.condition}' → beloppen inom parentes gäller om projektet ${r.project} körs, men det finns inte bland ESF-intäkterna`;
    case 'cost-of-project':
      return `'${r.project}' i radnamnet → kostnaden finns bara om ESF-projektet ${r.project} körs`;
    case 'requisitioning-member':
      return `'${r.member}' nämns i radnamnet → rekvirerande organisation`;
    case 'no-clue':
      return 'ingen ledtråd';
    case 'unit-given':
      return `enheten angiven: ${r.unit}`;
    case 'unit-from-sheet':
      return `"${r.text}" (${where(r.line, r.column)}) → belopp i ${r.unit}`;
    case 'unit-conflict':
      return `Bladet nämner både ${r.cells.map((c) => `${c.unit} (${unitCellSv(c)})`).join(' och ')}: ange enheten`;
    case 'unit-missing':
      return 'Bladet säger inte om beloppen är i kr eller tkr: ange enheten';
    case 'unit-contradicted':
      return `Du angav ${r.given} men bladet säger ${r.unit} (${unitCellSv(r)}): beloppen läses i ${r.given}.`;
    case 'column-before-plan':
      return `Kolumnen "${r.text}" gäller ett år före planen och läses inte.`;
    case 'column-outside-years':
      return `Kolumnen "${r.text}" hör inte till årtalsföljden ${r.first}–${r.last} och läses inte.`;
    case 'costs-printed-negative':
      return 'Kostnaderna är tryckta med minustecken → läses som kostnader (positiva i planen).';
    case 'header-moved':
      return `Årtalsraden står på rad ${r.line} (mappningen sa rad ${r.mapped}).`;
    case 'mapped-row-missing':
      return `Raden "${r.label}" i mappningen finns inte i bladet.`;
    case 'member-total-split':
      return `"${r.label}" delas enligt lagen: staten 50 %, regionen 25 %, kommunerna 25 %.`;
    case 'no-year-header':
      return 'Hittar ingen rubrikrad med årtal (t.ex. 2024, 2025, 2026 eller Budget 2024) i bladet: budgeten behöver en kolumn per år';
    case 'no-mapped-year-header':
      return `Mappningens årtalskolumner (${r.columns.join(', ')}) har inga årtal som följer på varandra${
        r.text !== undefined ? `: "${r.text}"` : ''
      }`;
    case 'unknown-unit':
      return 'Enheten är inte angiven: ange kr, tkr eller mkr (mappningens "unit")';
    case 'amount-precision':
      return `Beloppet "${r.text}" har fler decimaler än öre`;
    case 'invalid-amount':
      return `Ogiltigt belopp "${r.text}" på raden "${r.label}" (${r.year})${r.ambiguity ? `: ${ambiguitySv(r.ambiguity)}` : ''}`;
    case 'unclassified-row':
      return `Raden "${r.label}" är inte klassad: välj roll (member, member-total, esf, income, cost, opening-equity, stated, heading, ignore)`;
    case 'state-without-amounts':
      return `Staten ("${r.label}") saknar belopp: bara region och kommun räknas fram`;
    case 'unknown-member':
      return `Raden "${r.label}": medlemmen "${r.member}" finns inte bland medlemsraderna`;
    case 'unknown-project':
      return `Raden "${r.label}": ESF-projektet "${r.project}" finns inte bland ESF-intäkterna`;
    case 'unknown-line':
      return `Raden "${r.label}" summerar rader som inte finns: ${r.keys.map((k) => `"${k}"`).join(', ')}`;
    case 'bad-mapping':
      return `Mappningen: ${r.path ? `${r.path}: ` : ''}${r.detail}`;
    case 'duplicate-key':
      return `Mappningen: ${r.path}: Nyckeln "${r.key}" finns två gånger`;
    default:
      return assertNever(r, 'reason');
  }
}

/** Reasons joined as one explanation: "'Region' i radnamnet → region (medlem); …". */
export const reasonsSv = (reasons: readonly Reason[]): string => reasons.map(reasonSv).join('; ');
