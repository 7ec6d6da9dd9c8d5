/**
 * @samplan/budget-layout — import a budget sheet laid out the way a förbund prints it: propose a
 * role for every row (with how sure and why), review it as a saved mapping, build the plan.
 */

export {
  type AppliedLayout,
  type ApplyLayoutOptions,
  applyLayoutMapping,
  type UnmappedRow,
} from './applyLayoutMapping.ts';
export { extendLayoutMapping } from './extendLayoutMapping.ts';
export { type Grid, type GridCell, labelKeys, normalizeLabel } from './layoutGrid.ts';
export {
  type LayoutMapping,
  type LayoutMappingInput,
  LayoutMappingSchema,
  type LayoutUnit,
  LayoutUnitSchema,
  type MappingRow,
  MappingRowSchema,
  parseLayoutMapping,
  type RowRole,
  type RowRoleInput,
  RowRoleSchema,
} from './layoutMapping.ts';
export {
  type Confidence,
  type LayoutProposal,
  type ProposeLayoutOptions,
  proposeLayoutMapping,
  type RowProposal,
} from './proposeLayoutMapping.ts';
export {
  type Ambiguity,
  type ClueRole,
  type LayoutIssue,
  REASON_CODES,
  type Reason,
  type ReasonCode,
  type ReasonOf,
  type SummedRows,
  type UnitCell,
} from './reason.ts';
export { ambiguitySv, reasonSv, reasonsSv } from './reasonSv.ts';
export { CATEGORY_SV, FIGURE_SV, listSv, MEMBER_SV } from './swedishNames.ts';
