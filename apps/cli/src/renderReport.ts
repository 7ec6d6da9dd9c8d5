import {
  type Audit,
  type AuditEntry,
  formatDecimalSv,
  formatPercent,
  formatTkr,
  type Ore,
  type Projection,
  roundToUnit,
  type SpendingRoom,
  type StateCutTolerance,
} from '@samplan/engine';

/** What `samplan project` shows a person: the table in tkr, the findings, the audit and the answers. */
export interface Report {
  title: string;
  /** ESF project names by id, for the audit's assumptions. */
  projectNames: ReadonlyMap<string, string>;
  scenarioName: string;
  projection: Projection;
  audit: Audit;
  spendingRoom: SpendingRoom | null;
  stateCut: StateCutTolerance | null;
}

const tkr = (amount: Ore) => formatTkr(amount, false);
const pct = (r: Parameters<typeof formatPercent>[0] | null) => (r === null ? '–' : formatPercent(r));
/** Whole tkr rounded down: a maximum must not be rounded up past itself. */
const tkrFloor = (amount: Ore) => formatDecimalSv(roundToUnit((amount - (amount % 100_000)) as Ore, 100_000));

const FIGURES: Record<AuditEntry['figure'], string> = {
  revenue: 'intäkter',
  costs: 'kostnader',
  result: 'resultat',
  'closing-equity': 'utgående eget kapital',
  'opening-equity': 'ingående eget kapital',
  'revenue-with-equity': 'intäkter inkl. ingående eget kapital',
  'member-revenue': 'medlemsintäkter',
  'cost-individual': 'individinriktade insatser',
  'cost-structural': 'strukturövergripande insatser',
  'cost-administration': 'förvaltning',
  'cost-unallocated': 'ej fördelade medel',
  'cost-operations': 'verksamhetskostnader',
  'share-individual': 'andel individinriktat',
  'share-structural': 'andel strukturövergripande',
  'share-administration': 'andel förvaltning',
  'share-unallocated': 'andel ej fördelat',
  'esf-revenue': 'ESF-medel',
  'other-revenue': 'övriga intäkter',
  lines: 'summa av rader',
  'share-lines': 'andel för rader',
  'share-member-state': 'statens andel av medlemsbidragen',
  'share-member-region': 'regionens andel av medlemsbidragen',
  'share-member-kommun': 'kommunernas andel av medlemsbidragen',
};

/** The longest quoted sentence printed; a longer one is cut with an ellipsis. */
const QUOTE_LENGTH = 80;

/**
 * Where a stated figure came from, as a person says it: "rad 34 i plan.csv", "rad 34 på bladet
 * Budget i plan.xlsx", "i texten ”budgetram 8 562 tkr” i vp.docx"; null when nothing is known.
 */
export function describeSource(source: AuditEntry['source']): string | null {
  if (!source) return null;
  const parts: string[] = [];
  const row = source.row ?? source.line;
  if (source.quote !== undefined) {
    const q =
      source.quote.length > QUOTE_LENGTH ? `${source.quote.slice(0, QUOTE_LENGTH - 1).trimEnd()}…` : source.quote;
    parts.push(`i texten \u201d${q}\u201d`);
  } else if (row !== undefined) parts.push(`rad ${row}`);
  if (source.sheet !== undefined) parts.push(`på bladet ${source.sheet}`);
  if (source.file !== undefined) parts.push(`i ${source.file}`);
  return parts.length ? parts.join(' ') : null;
}

/** The row name of an entry: the document's label, or the figure's name (with its lines for a sum of lines). */
function rowName(e: AuditEntry): string {
  if (e.label) return e.label;
  const name = FIGURES[e.figure];
  return e.lines?.length ? `${name} (${e.lines.join(', ')})` : name;
}

/** Renders the report as plain text for a terminal (sv-SE numbers, amounts in tkr). */
export function renderReport(r: Report): string {
  const { rows } = r.projection;
  const table: [string, string[]][] = [
    ['Intäkter', rows.map((y) => tkr(y.revenue))],
    ['  Medlemsbidrag', rows.map((y) => tkr(y.revenueBySource.members))],
    ['  ESF-medel', rows.map((y) => tkr(y.revenueBySource.esf))],
    ['  Övriga intäkter', rows.map((y) => tkr(y.revenueBySource.income))],
    ['Kostnader', rows.map((y) => tkr(y.costs))],
    ['  Individinriktade insatser', rows.map((y) => tkr(y.costsByCategory.individual))],
    ['  Strukturövergripande insatser', rows.map((y) => tkr(y.costsByCategory.structural))],
    ['  Förvaltning', rows.map((y) => tkr(y.costsByCategory.administration))],
    ['  Ej fördelade medel', rows.map((y) => tkr(y.costsByCategory.unallocated))],
    ['Resultat', rows.map((y) => tkr(y.result))],
    ['Ingående eget kapital', rows.map((y) => tkr(y.openingEquity))],
    ['Utgående eget kapital', rows.map((y) => tkr(y.closingEquity))],
    ['Eget kapital / intäkter', rows.map((y) => pct(y.equityRatio))],
    ['Förvaltningens andel', rows.map((y) => pct(y.adminShare))],
  ];
  const labelWidth = Math.max(...table.map(([label]) => label.length), 14);
  const width = Math.max(9, ...table.flatMap(([, cells]) => cells.map((c) => c.length + 2)));
  const line = (label: string, cells: string[]) =>
    label.padEnd(labelWidth) + cells.map((c) => c.padStart(width)).join('');
  const out: string[] = [];
  out.push(r.title, `Scenario: ${r.scenarioName}`, '');
  out.push(
    line(
      'Belopp i tkr',
      rows.map((y) => String(y.year)),
    ),
  );
  for (const [label, cells] of table) out.push(line(label, cells));
  out.push('');

  const { findings } = r.projection;
  if (findings.length === 0) out.push('Regelkontroll: inga regler bryts.');
  else {
    out.push('Regelkontroll:');
    for (const f of findings) out.push(`  ${f.severity === 'error' ? 'FEL     ' : 'VARNING '} ${f.message}`);
  }
  out.push('');

  const { entries, checked, errors } = r.audit;
  if (checked === 0 && errors.length === 0) out.push('Granskning: planen anger inga summor att kontrollera.');
  else if (checked === 0) out.push('Granskning: ingen av planens angivna summor kunde kontrolleras.');
  else if (entries.length === 0) out.push(`Granskning: alla ${checked} angivna summor stämmer.`);
  else {
    out.push(`Granskning: ${entries.length} av ${checked} angivna summor stämmer inte med beräkningen:`);
    for (const e of entries) {
      const where = describeSource(e.source);
      const project = e.when ? (r.projectNames.get(e.when.project) ?? e.when.project) : '';
      const when = e.when ? ` (om ${project} ${e.when.runs ? 'genomförs' : 'inte genomförs'})` : '';
      const values =
        e.unit === 'kr'
          ? `dokumentet ${formatTkr(e.stated)}, beräknat ${formatTkr(e.computed)}, skillnad ${e.difference > 0 ? '+' : ''}${formatTkr(e.difference)}`
          : `dokumentet ${formatPercent(e.stated)}, beräknat ${formatPercent(e.computed, 2)}`;
      const sign = e.sign === 'negative' ? ' (dokumentet anger talet med omvänt tecken)' : '';
      out.push(`  ${e.year}  ${rowName(e)}${when}${where ? ` (${where})` : ''}: ${values}${sign}`);
    }
  }
  if (errors.length) {
    out.push(
      errors.length === 1
        ? 'En angiven siffra kunde inte kontrolleras:'
        : `${errors.length} angivna siffror kunde inte kontrolleras:`,
    );
    for (const e of errors) {
      const at = e.file !== undefined ? `${[e.file, e.line ?? 1, e.column ?? 1].join(':')}: ` : '';
      out.push(`  ${at}${e.message}`);
    }
  }
  out.push('');

  const room = r.spendingRoom;
  if (room) {
    out.push(
      room.yearly === null
        ? `Utrymme för nya insatser per år: inget – eget kapital är negativt ${room.bindingYear} redan utan nya insatser.`
        : `Utrymme för nya insatser per år (från ${room.fromYear}): ${tkrFloor(room.yearly)} tkr (eget kapital når noll ${room.bindingYear}).`,
    );
  }
  const cut = r.stateCut;
  if (cut) {
    const follow = cut.matching ? 'med region och kommuner som följer' : 'utan att övriga medlemmar följer';
    if (cut.breakingCut === null)
      out.push(`Statlig neddragning som planen tål (från ${cut.fromYear}, ${follow}): hela anslaget.`);
    else if (cut.toleratedCut === null)
      out.push(
        `Statlig neddragning som planen tål: ingen – eget kapital är negativt ${cut.breakingYear} redan utan neddragning.`,
      );
    else
      out.push(
        `Statlig neddragning som planen tål (från ${cut.fromYear}, ${follow}): ${formatPercent(cut.toleratedCut, 2)}; vid ${formatPercent(cut.breakingCut, 2)} blir eget kapital negativt ${cut.breakingYear}.`,
      );
  }
  return `${out.join('\n')}\n`;
}
