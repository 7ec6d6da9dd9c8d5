import {
  applyLayoutMapping,
  type Grid,
  type LayoutMapping,
  type LayoutProposal,
  proposeLayoutMapping,
  type UnmappedRow,
} from '@samplan/budget-layout';
import { type Cell, importBudgetTable, type ReadNote, readTableGrid, type TableEncoding } from '@samplan/budget-table';
import {
  auditPlan,
  type Issue,
  type Plan,
  type ProjectionDetailJson,
  projectionDetailToJson,
  projectPlan,
} from '@samplan/engine';

/** The units a person may choose for a file that does not say. */
export type ImportUnit = 'kr' | 'tkr';

/** What the person has said about the file so far. */
export interface ImportRequest {
  file: string;
  /** The unit chosen when the file does not say it. */
  unit?: ImportUnit;
  /** The workbook's sheet chosen for the layout importer. */
  sheet?: string;
}

/** An amount as the file prints it, to show both ways when asking for the unit. */
export interface UnitSample {
  label: string;
  line: number;
  /** The printed number as a decimal string (in the file's unknown unit, sign as printed). */
  printed: string;
}

/** How the file was read: its encoding (CSV) and what the readers noted (Swedish, naming the file). */
interface ReadNotes {
  file: string;
  encoding?: TableEncoding;
  notes: string[];
  /** The same notes as data, to be said in the UI's language (one per note, in order). */
  noteReasons: ReadNote[];
}

/** What the import found in a file: a plan, a question, a mapping to review, or a refusal. */
export type ImportOutcome =
  | (ReadNotes & { kind: 'plan'; plan: Plan })
  | (ReadNotes & { kind: 'needs-unit'; format: 'table' | 'layout'; samples: UnitSample[] })
  | (ReadNotes & { kind: 'layout'; sheet?: string; sheets: string[]; grid: Grid; proposal: LayoutProposal })
  | (ReadNotes & { kind: 'refused'; errors: Issue[] });

/** The plan a reviewed mapping gives, with its projection and audit, or why there is none. */
export type LayoutPreview =
  | { ok: true; plan: Plan; notes: string[]; unmapped: UnmappedRow[]; projection: ProjectionDetailJson }
  | { ok: false; errors: Issue[] };

const SAMPLES = 3;
/** A workbook by its name, or by its bytes (an .xlsx is a zip archive: `PK\x03\x04`). */
const isXlsx = (file: string, bytes: Uint8Array) =>
  /\.xlsx$/i.test(file) || (bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04);

/** A row whose first cell is `kind`: the machine format's header (budget table), title rows above it allowed. */
const isBudgetTable = (rows: readonly (readonly Cell[])[]) =>
  rows.some((cells) => cells[0]?.text.trim().toLowerCase() === 'kind');

const hasMissingUnit = (errors: readonly Issue[]) => errors.some((e) => e.code === 'missing-unit');

/** The first amounts of a plan read as kronor: what the unit question shows both ways. */
function planSamples(plan: Plan): UnitSample[] {
  const first = String(plan.years[0]);
  const lines = [
    ...plan.members.map((m) => ({ name: m.name, amount: m.amounts?.[first] })),
    ...plan.revenues.map((r) => ({ name: r.name, amount: r.amounts[first] })),
    ...plan.costs.map((c) => ({
      name: c.name,
      amount: c.amount.type === 'yearly' ? c.amount.amounts[first] : undefined,
    })),
  ];
  return lines
    .filter((l): l is { name: string; amount: string } => l.amount !== undefined && !/^-?0(\.0+)?$/.test(l.amount))
    .slice(0, SAMPLES)
    .map((l) => ({ label: l.name, line: 0, printed: l.amount }));
}

/** The first amounts of a layout proposal's line rows, as printed. */
function layoutSamples(proposal: LayoutProposal): UnitSample[] {
  const lineKinds = new Set(['member', 'member-total', 'esf', 'income', 'cost']);
  return proposal.rows
    .filter((r) => lineKinds.has(r.role.kind) && r.printed[0] != null)
    .slice(0, SAMPLES)
    .map((r) => ({ label: r.label, line: r.line, printed: r.printed[0] as string }));
}

/** How many rows a proposal gives a role that builds the plan: the measure of a sheet being the budget. */
const usefulRows = (proposal: LayoutProposal) =>
  proposal.rows.filter((r) => !['title', 'heading', 'ignore', 'unknown'].includes(r.role.kind)).length;

/** A sheet laid out as printed: the proposal, or the question for the unit when the sheet does not say. */
function layoutOutcome(
  grid: Grid,
  request: ImportRequest,
  read: ReadNotes,
  sheets: { sheet?: string; sheets: string[] },
): ImportOutcome {
  const proposed = proposeLayoutMapping(grid, {
    file: request.file,
    ...(sheets.sheet ? { sheet: sheets.sheet } : {}),
    ...(request.unit ? { unit: request.unit } : {}),
  });
  if (!proposed.ok) return { ...read, kind: 'refused', errors: proposed.errors };
  const proposal = proposed.value;
  if (proposal.unit === null)
    return { ...read, kind: 'needs-unit', format: 'layout', samples: layoutSamples(proposal) };
  return { ...read, kind: 'layout', ...sheets, grid, proposal };
}

/** A CSV file: the budget table (machine format), or a sheet laid out as printed. */
function inspectCsv(bytes: Uint8Array, request: ImportRequest): ImportOutcome {
  const { file } = request;
  const grid = readTableGrid(bytes, file);
  const read: ReadNotes = {
    file,
    encoding: grid.encoding,
    notes: [...grid.notes],
    noteReasons: [...grid.noteReasons],
  };
  if (!isBudgetTable(grid.rows)) return layoutOutcome(grid.rows, request, read, { sheets: [] });
  const imported = importBudgetTable(bytes, file, request.unit ? { unit: request.unit } : {});
  // The table's own notes after the grid's, each once (the decoding notes are in both).
  const added = imported.noteReasons.filter((n) => !read.notes.includes(n.message));
  const notes = [...read.notes, ...added.map((n) => n.message)];
  const noteReasons = [...read.noteReasons, ...added];
  if (imported.ok) return { ...read, notes, noteReasons, kind: 'plan', plan: imported.value };
  if (!request.unit && hasMissingUnit(imported.errors)) {
    // Read it as kronor only to show its first amounts both ways; other errors are the refusal.
    const asKr = importBudgetTable(bytes, file, { unit: 'kr' });
    if (asKr.ok)
      return { ...read, notes, noteReasons, kind: 'needs-unit', format: 'table', samples: planSamples(asKr.value) };
    return { ...read, notes, noteReasons, kind: 'refused', errors: asKr.errors };
  }
  return { ...read, notes, noteReasons, kind: 'refused', errors: imported.errors };
}

/** A workbook: its budget-table sheet if it has one, else the sheet laid out as printed that holds the budget. */
async function inspectXlsx(bytes: Uint8Array, request: ImportRequest): Promise<ImportOutcome> {
  const { file } = request;
  const xlsx = await import('@samplan/budget-xlsx');
  if (!request.sheet) {
    const imported = await xlsx.importBudgetWorkbook(bytes, file, request.unit ? { unit: request.unit } : {});
    const read: ReadNotes = { file, notes: imported.notes, noteReasons: imported.noteReasons };
    if (imported.ok) return { ...read, kind: 'plan', plan: imported.value };
    if (!request.unit && hasMissingUnit(imported.errors)) {
      const asKr = await xlsx.importBudgetWorkbook(bytes, file, { unit: 'kr' });
      if (asKr.ok) return { ...read, kind: 'needs-unit', format: 'table', samples: planSamples(asKr.value) };
      return { ...read, kind: 'refused', errors: asKr.errors };
    }
    if (!imported.errors.some((e) => e.code === 'no-budget-sheet'))
      return { ...read, kind: 'refused', errors: imported.errors };
  }
  const loaded = await xlsx.loadWorkbook(bytes, file);
  if (!loaded.ok) return { file, notes: [], noteReasons: [], kind: 'refused', errors: loaded.errors };
  const visible = loaded.value.worksheets.filter((ws) => ws.state === 'visible' && ws.actualRowCount > 0);
  const sheets = visible.map((ws) => ws.name);
  const chosen = request.sheet
    ? visible.filter((ws) => ws.name.toLowerCase() === request.sheet?.toLowerCase())
    : visible;
  if (chosen.length === 0)
    return {
      file,
      notes: [],
      noteReasons: [],
      kind: 'refused',
      errors: [{ code: 'no-sheet', message: `Bladet "${request.sheet}" finns inte`, file, line: 1, column: 1 }],
    };
  // The budget sheet by its content: the one whose rows the proposal can place best.
  let best: { outcome: ImportOutcome; useful: number } | null = null;
  let refusal: ImportOutcome | null = null;
  for (const ws of chosen) {
    const grid = xlsx.readSheet(ws, file);
    const read: ReadNotes = { file, notes: grid.notes, noteReasons: grid.noteReasons };
    if (grid.errors.length > 0) {
      refusal ??= { ...read, kind: 'refused', errors: grid.errors };
      continue;
    }
    const outcome = layoutOutcome(grid.rows, request, read, { sheet: ws.name, sheets });
    if (outcome.kind === 'refused') {
      refusal ??= outcome;
      continue;
    }
    const useful =
      outcome.kind === 'layout'
        ? usefulRows(outcome.proposal)
        : outcome.kind === 'needs-unit'
          ? outcome.samples.length
          : 0;
    if (!best || useful > best.useful) best = { outcome, useful };
  }
  return best?.outcome ?? (refusal as ImportOutcome);
}

/** The import's side of the worker: read a file, propose a layout mapping, preview a reviewed one. */
export const importApi = {
  /** Reads a chosen or dropped file (CSV or xlsx) and says what it is and what it needs. */
  async inspectImport(data: ArrayBuffer, request: ImportRequest): Promise<ImportOutcome> {
    const bytes = new Uint8Array(data);
    return isXlsx(request.file, bytes) ? inspectXlsx(bytes, request) : inspectCsv(bytes, request);
  },

  /** The plan a reviewed mapping gives the sheet, projected and audited; nothing is written. */
  previewLayout(grid: Grid, mapping: LayoutMapping, options: { file: string; sheet?: string }): LayoutPreview {
    const applied = applyLayoutMapping(grid, mapping, options);
    if (!applied.ok) return { ok: false, errors: applied.errors };
    const { plan, notes, unmapped } = applied.value;
    const projected = projectPlan(plan);
    if (!projected.ok) return { ok: false, errors: projected.errors };
    return {
      ok: true,
      plan,
      notes,
      unmapped,
      projection: projectionDetailToJson(projected.value, auditPlan(plan), {}, { lines: false }),
    };
  },
};
