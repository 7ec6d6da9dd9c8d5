import type { ReadNote, TableEncoding } from '@samplan/budget-table';
import type { MessageKey } from '../../i18n/messages.ts';
import { noteText } from '../../ui/issues/issueText.ts';

type Translate = (key: MessageKey, values?: Record<string, string | number>) => string;

/** How a file was read, as the import shows it: its encoding and the readers' notes. */
export interface FileNotesData {
  file: string;
  encoding?: TableEncoding;
  /** The readers' notes in Swedish (`notes` of `importBudgetTable`, `readTableGrid`, `readSheet`). */
  notes: readonly string[];
  /** The same notes as data (`noteReasons`), when the reader gave them: said in the UI's language. */
  noteReasons?: readonly ReadNote[];
}

/**
 * The notes of a file being imported, in the reader's language: a Windows-1252 file with the
 * workspace's own sentence (check å, ä and ö), every other note by its code (`noteText`), or as
 * its Swedish sentence when only that arrived. Nothing when there is nothing to say.
 */
export function FileNotes({ notes, t }: { notes: FileNotesData | null; t: Translate }) {
  if (notes === null) return null;
  const reasons = notes.noteReasons?.length === notes.notes.length ? notes.noteReasons : undefined;
  const windows1252 = notes.encoding === 'windows-1252';
  const others = reasons
    ? reasons.filter((n) => !(windows1252 && n.code === 'windows-1252')).map((n) => noteText(n, t))
    : notes.notes.filter((n) => !(windows1252 && n.includes('Windows-1252')));
  if (!windows1252 && others.length === 0) return null;
  return (
    <div className="notice import-notes" data-testid="import-notes">
      <p>{t('import.notesHeading', { file: notes.file })}</p>
      <ul>
        {windows1252 && <li data-testid="import-encoding">{t('import.encoding.windows-1252')}</li>}
        {others.map((note) => (
          <li key={note}>{note}</li>
        ))}
      </ul>
    </div>
  );
}
