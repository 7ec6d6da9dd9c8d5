/** @samplan/plan-store — edits as data, the PlanStore interface the views use, and the local store. */
export { applyPlanEdit, type LineCollection, type PlanEdit, tryApplyPlanEdit } from './planEdits.ts';
export {
  createLocalPlanStore,
  keepUntouched,
  localStoragePersistence,
  type PlanPersistence,
  type PlanStore,
  type StorageLike,
} from './planStore.ts';
export {
  addYear,
  carryYear,
  dropFirstYear,
  dropYearFromChange,
  dropYearFromCostLine,
  runsInYear,
  shiftChange,
  shiftCostLine,
  shiftYearKeys,
  shiftYears,
  withoutYear,
  YearEditError,
  yearEditIssue,
} from './yearEdits.ts';
