/**
 * The plan the collaboration benchmark edits: the engine benchmark's generated plan (100 cost lines over
 * 2025–2029, members, ESF projects, revenues, scenarios; it passes `parsePlan`), written into a Y.Doc with
 * `planToDoc` exactly as `POST /api/plans` stores a new plan. Each client edits one cell of its own line.
 */
import { generatePlan } from '@samplan/engine/bench/generatePlan';
import { planToDoc } from '@samplan/plan-doc';
import * as Y from 'yjs';

/** Cost lines in the plan (the engine benchmark's middle size). */
export const PLAN_LINES = 100;
const PLAN_SEED = 20_250_101;
/** The year every client edits (each in its own line). */
export const EDIT_YEAR = 2027;
/** Edit `seq` of a client writes `BASE_VALUE + seq` kronor: the receiver reads the sequence number back from the value. */
export const BASE_VALUE = 1_000_000;

/** One client's cell: a yearly cost line not bound to an ESF project, and the edited year. */
export interface EditCell {
  readonly lineId: string;
  readonly year: number;
}

/** The room (plan id) the benchmark uses for a phase. */
export const roomName = (phase: string): string => `bench-plan-${phase}`;

const generated = generatePlan(PLAN_LINES, PLAN_SEED);

/** The plan's name, to print. */
export const planName = generated.plan.name;

/** The cells clients may own: every yearly cost line without a project, in plan order. */
export function editCells(): EditCell[] {
  return generated.plan.costs
    .filter((line) => line.amount.type === 'yearly' && line.project === undefined)
    .map((line) => ({ lineId: line.id, year: EDIT_YEAR }));
}

/** The plan as one Yjs update (a fresh document each call), the room's first stored update. */
export function seedUpdate(): Uint8Array {
  const doc = planToDoc(generated.plan, new Y.Doc());
  const update = Y.encodeStateAsUpdate(doc);
  doc.destroy();
  return update;
}
