import type { AuditEntryDetailJson, Plan, StatedFigure } from '@samplan/engine';
import type { MessageKey } from '../../i18n/messages.ts';

type Translate = (key: MessageKey, values?: Record<string, string | number>) => string;

/** A stated figure's name: the row name as the document prints it, else what the figure is. */
export const figureLabel = (label: string, figure: StatedFigure, t: Translate): string =>
  label || t(`import.figure.${figure}`);

/** A decimal string with the opposite sign (`"-15869000"` ↔ `"15869000"`; zero stays zero). */
export const negated = (value: string): string =>
  value.startsWith('-') ? value.slice(1) : /^0(\.0*)?$/.test(value) ? value : `-${value}`;

/**
 * The note beside a figure the document prints with the opposite sign ("Summa kostnader −15 869"):
 * it is shown as printed, and compared as its opposite; null for a figure printed as computed.
 */
export function signNote(entry: AuditEntryDetailJson, show: (value: string) => string, t: Translate): string | null {
  return entry.sign === 'negative' ? t('audit.printedNegative', { value: show(negated(entry.stated)) }) : null;
}

/** The names of the lines a "sum of named lines" figure adds up, or null for other figures. */
export function linesText(entry: Pick<AuditEntryDetailJson, 'lines'>, plan: Plan, t: Translate): string | null {
  if (!entry.lines?.length) return null;
  const names = new Map<string, string>(
    [...plan.members, ...plan.revenues, ...plan.costs].map((line) => [line.id, line.name]),
  );
  return t('audit.sums', { lines: entry.lines.map((id) => names.get(id) ?? id).join(', ') });
}
