import type { StatedSource } from '@samplan/engine';
import type { MessageKey } from '../../i18n/messages.ts';

type Translate = (key: MessageKey, values?: Record<string, string | number>) => string;

/**
 * Where a stated figure was read, in the reader's language: the file, then a workbook's sheet and
 * row or a text file's line ("budget.xlsx, blad Budget, rad 16"; "plan.csv, rad 12"); null when
 * the source names no place (a figure quoted from the text has its quote instead).
 */
export function auditSourceText(source: StatedSource | undefined, t: Translate): string | null {
  if (!source) return null;
  const parts: string[] = [];
  if (source.file) parts.push(source.file);
  if (source.sheet) parts.push(t('audit.where.sheet', { sheet: source.sheet }));
  // A workbook's row is its line; a sheet without `row` still counts rows.
  const row = source.row ?? (source.sheet !== undefined ? source.line : undefined);
  if (row !== undefined) parts.push(t('audit.where.row', { row }));
  else if (source.line !== undefined) parts.push(t('audit.where.line', { line: source.line }));
  return parts.length > 0 ? parts.join(', ') : null;
}
