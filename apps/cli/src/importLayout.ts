import { readFileSync, writeFileSync } from 'node:fs';
import {
  applyLayoutMapping,
  extendLayoutMapping,
  type Grid,
  type LayoutMapping,
  type LayoutProposal,
  type LayoutUnit,
  parseLayoutMapping,
  proposeLayoutMapping,
} from '@samplan/budget-layout';
import { readTableGrid } from '@samplan/budget-table';
import { readWorkbookGrid } from '@samplan/budget-xlsx';
import { formatDecimalSv, type Issue, type Plan } from '@samplan/engine';
import { Decimal } from 'decimal.js';
import { InputError } from './cliError.ts';
import { locateIssues, readJson } from './readJson.ts';

/** The flags of `samplan import --layout`. */
export interface ImportLayoutFlags {
  layout: string;
  sheet?: string;
  unit?: string;
  mapping?: string;
  writeMapping?: string;
}

const UNITS: readonly LayoutUnit[] = ['kr', 'tkr', 'mkr'];

function readBytes(file: string): Uint8Array {
  try {
    return new Uint8Array(readFileSync(file));
  } catch (e) {
    const reason = (e as NodeJS.ErrnoException).code === 'ENOENT' ? 'filen finns inte' : 'filen kan inte läsas';
    throw new InputError([{ code: 'unreadable', message: reason, file, line: 1, column: 1 }]);
  }
}

function writeJson(file: string, value: unknown): void {
  try {
    writeFileSync(file, `${JSON.stringify(value, null, 2)}\n`);
  } catch {
    throw new InputError([{ code: 'unwritable', message: 'filen kan inte skrivas', file, line: 1, column: 1 }]);
  }
}

/** The sheet as a grid: a workbook's sheet (by name, or the first that holds anything), else a CSV. */
async function readGrid(
  file: string,
  sheet: string | undefined,
): Promise<{ grid: Grid; sheet?: string; notes: string[] }> {
  const bytes = readBytes(file);
  if (/\.xlsx$/i.test(file)) {
    const read = await readWorkbookGrid(bytes, { file, ...(sheet ? { sheet } : {}) });
    if (!read.ok) throw new InputError(read.errors);
    return { grid: read.value.rows, sheet: read.value.sheet, notes: read.value.notes };
  }
  if (sheet)
    throw new InputError([
      { code: 'sheet-on-csv', message: '--sheet gäller bara Excel-arbetsböcker (.xlsx)', file, line: 1, column: 1 },
    ]);
  const read = readTableGrid(bytes, file);
  return { grid: read.rows, notes: read.notes };
}

function loadMapping(file: string): LayoutMapping {
  const text = new TextDecoder().decode(readBytes(file));
  const json = readJson(text, file);
  if (!json.ok) throw new InputError(json.errors);
  const mapping = parseLayoutMapping(json.value);
  if (!mapping.ok) throw new InputError(locateIssues(mapping.errors, text, file));
  return mapping.value;
}

/** The first amount of the sheet read both ways, so the user sees which unit is right. */
function unitHint(proposal: LayoutProposal): string {
  for (const row of proposal.rows) {
    const printed = row.printed.find((p) => p !== null);
    if (!printed || row.role.kind === 'stated' || row.role.kind === 'heading') continue;
    const kr = (scale: number) => `${formatDecimalSv(new Decimal(printed).times(scale).toFixed())} kr`;
    return ` Första beloppet, "${row.label}" ${formatDecimalSv(printed)}, blir ${kr(1)} med --unit kr och ${kr(1000)} med --unit tkr.`;
  }
  return '';
}

/**
 * `samplan import --layout FILE`: proposes a mapping of the sheet laid out as printed and, when
 * every row is classified and the unit is known, writes the plan JSON; otherwise exits 2 listing
 * what to decide and writes the mapping template to fill in. With `--mapping` the reviewed
 * mapping is used as it is.
 */
export async function importLayout(
  flags: ImportLayoutFlags,
  write: (text: string) => void,
  warn: (text: string) => void,
): Promise<void> {
  const file = flags.layout;
  if (flags.unit !== undefined && !UNITS.includes(flags.unit as LayoutUnit))
    throw new InputError([{ code: 'bad-unit', message: `--unit ska vara tkr, kr eller mkr, inte "${flags.unit}"` }]);
  const unit = flags.unit as LayoutUnit | undefined;
  const template = flags.writeMapping ?? `${file}.mapping.json`;
  const saved = flags.mapping ? loadMapping(flags.mapping) : null;
  // A saved mapping remembers its sheet: next year's workbook is read from the sheet of the same name.
  const wanted = flags.sheet ?? (/\.xlsx$/i.test(file) ? saved?.sheet : undefined);
  const { grid, sheet, notes } = await readGrid(file, wanted);
  for (const note of notes) warn(`samplan: ${note}\n`);
  const proposed = proposeLayoutMapping(grid, { file, ...(sheet ? { sheet } : {}), ...(unit ? { unit } : {}) });
  if (!proposed.ok) throw new InputError(proposed.errors);
  const proposal = proposed.value;

  let mapping: LayoutMapping;
  if (saved) {
    mapping = unit ? { ...saved, unit } : saved;
    if (mapping.unit === null)
      throw new InputError([
        {
          code: 'unknown-unit',
          message: `Mappningen anger ingen enhet: ange --unit kr eller --unit tkr, eller "unit" i ${flags.mapping}.${unitHint(proposal)}`,
        },
      ]);
  } else {
    for (const note of proposal.notes) warn(`samplan: ${note}\n`);
    const problems: Issue[] = [];
    if (proposal.unit === null)
      problems.push({
        code: 'unknown-unit',
        message: `${proposal.unitExplanation.replace(/: ange enheten$/, '')}: kör igen med --unit kr eller --unit tkr.${unitHint(proposal)}`,
        file,
        line: proposal.header.line,
        column: 1,
      });
    for (const row of proposal.rows.filter((r) => r.confidence === 'unknown'))
      problems.push({
        code: 'unclassified-row',
        message: `Raden "${row.label}" kan inte klassas säkert: ${row.explanation}`,
        file,
        line: row.line,
        column: row.column,
      });
    if (problems.length) {
      writeJson(template, proposal.mapping);
      problems.push({
        code: 'mapping-template',
        message: `Förslaget är skrivet till ${template}: välj roll för raderna med "kind": "unknown" (och "unit" om den saknas), kör sedan samplan import --layout ${file} --mapping ${template}`,
      });
      throw new InputError(problems);
    }
    mapping = proposal.mapping;
    // Guessed headings and notes change nothing in the plan; the guesses that do are listed for review.
    const guesses = proposal.rows.filter(
      (r) => r.confidence === 'guess' && !['heading', 'ignore', 'title'].includes(r.role.kind),
    );
    if (guesses.length) {
      const what = guesses.length === 1 ? '1 rad är en gissning' : `${guesses.length} rader är gissningar`;
      warn(`samplan: ${what}; granska (--write-mapping sparar mappningen att rätta och använda med --mapping):\n`);
      for (const g of guesses) warn(`${file}:${g.line}:${g.column}: "${g.label}": ${g.explanation}\n`);
    }
  }

  const applied = applyLayoutMapping(grid, mapping, { file, ...(sheet ? { sheet } : {}) });
  if (!applied.ok) {
    if (!flags.mapping) writeJson(template, mapping);
    throw new InputError(applied.errors);
  }
  const missing = applied.value.unmapped.filter((r) => r.hasAmounts);
  if (missing.length) {
    const extended = extendLayoutMapping(mapping, proposal);
    writeJson(template, extended);
    throw new InputError([
      ...missing.map((r) => {
        const p = proposal.rows.find((x) => x.key === r.key);
        return {
          code: 'unmapped-row',
          message: `Raden "${r.label}" finns inte i mappningen${p ? ` (förslag: ${p.explanation})` : ''}`,
          file,
          line: r.line,
          column: p?.column ?? 1,
        };
      }),
      {
        code: 'mapping-template',
        message: `Mappningen med förslag för de nya raderna är skriven till ${template}: granska dem och kör igen med --mapping ${template}`,
      },
    ]);
  }
  for (const note of applied.value.notes) warn(`samplan: ${note}\n`);
  if (flags.writeMapping) {
    writeJson(flags.writeMapping, mapping);
    warn(`samplan: mappningen är sparad i ${flags.writeMapping}\n`);
  }
  const plan: Plan = applied.value.plan;
  write(`${JSON.stringify(plan, null, 2)}\n`);
}
