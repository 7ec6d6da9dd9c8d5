/**
 * The plan packages the HTTP API needs, in one module that `createHttpApi` imports lazily (on the first
 * request that needs them), so a process that runs only the WebSocket core starts without loading them.
 */
export { exportBudgetTable } from '@samplan/budget-table';
export { exportBudgetWorkbook } from '@samplan/budget-xlsx';
export { parsePlan } from '@samplan/engine';
export { docToPlan, ensureOutline, ensureWorkshop, planToDoc } from '@samplan/plan-doc';
