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
};

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

  const { entries, checked } = r.audit;
  if (checked === 0) out.push('Granskning: planen anger inga summor att kontrollera.');
  else if (entries.length === 0) out.push(`Granskning: alla ${checked} angivna summor stämmer.`);
  else {
    out.push(`Granskning: ${entries.length} av ${checked} angivna summor stämmer inte med beräkningen:`);
    for (const e of entries) {
      const where = e.source ? `rad ${e.source.line}` : '';
      const project = e.when ? (r.projectNames.get(e.when.project) ?? e.when.project) : '';
      const when = e.when ? ` (om ${project} ${e.when.runs ? 'genomförs' : 'inte genomförs'})` : '';
      const values =
        e.unit === 'kr'
          ? `dokumentet ${formatTkr(e.stated)}, beräknat ${formatTkr(e.computed)}, skillnad ${e.difference > 0 ? '+' : ''}${formatTkr(e.difference)}`
          : `dokumentet ${formatPercent(e.stated)}, beräknat ${formatPercent(e.computed, 2)}`;
      out.push(`  ${e.year}  ${e.label || FIGURES[e.figure]}${when}: ${values}${where ? ` [${where}]` : ''}`);
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
