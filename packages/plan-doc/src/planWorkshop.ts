import { type Change, type Issue, type Plan, parseScenario, type Scenario, validatePlan } from '@samplan/engine';
import * as Y from 'yjs';
import { applyEditToDoc } from './applyEditToDoc.ts';
import { docLimitIssues } from './docLimitIssues.ts';
import { docToPlan } from './docToPlan.ts';
import { cloneJson, isPlainObject, jsonEqual } from './plainJson.ts';
import { saveVersion } from './planVersions.ts';

/**
 * Name of the root `Y.Map` of the strategy day's workshop, next to the plan root. It holds:
 * - `live`: the presenter's scenario, a plain `{ name, changes }` replaced as a whole;
 * - `proposals`: a `Y.Map` id → plain, never changed {@link StoredProposal};
 * - `votes`: a `Y.Map` `<proposal id>/<user id>` → `true`;
 * - `pinned`: a `Y.Map` proposal id → `true`;
 * - `shown`: a plain array of up to two proposal ids shown side by side.
 * The server lets a commenter add proposals and votes of its own here, nothing else.
 */
export const WORKSHOP_ROOT = 'workshop';
export const WORKSHOP_PROPOSALS = 'proposals';
export const WORKSHOP_VOTES = 'votes';
export const WORKSHOP_PINNED = 'pinned';
export const WORKSHOP_LIVE = 'live';
export const WORKSHOP_SHOWN = 'shown';

export const MAX_PROPOSAL_NAME_LENGTH = 200;
/** How many proposals are shown side by side. */
export const MAX_SHOWN = 2;
/** The prefix of a saved proposal's scenario name: "Förslag från Anna: Stäng Unga vuxna". */
export const PROPOSAL_PREFIX = 'Förslag från ';

/** A scenario without an id, as the workshop keeps it (the engine's ScenarioSchema with any id). */
export interface WorkshopScenario {
  readonly name: string;
  readonly changes: readonly Change[];
}

/** A participant's proposal: stored as one plain object that nobody changes afterwards. */
export interface WorkshopProposal extends WorkshopScenario {
  readonly id: string;
  /** The proposer's user id (the server checks it is the sender's). */
  readonly author: string;
  readonly authorName: string;
  /** ISO 8601 time of proposing. */
  readonly createdAt: string;
}

/** What is stored per proposal. */
type StoredProposal = { -readonly [K in keyof WorkshopProposal]: WorkshopProposal[K] };

/** The workshop as read from the document: every entry checked, references only to proposals that are there. */
export interface Workshop {
  /** The presenter's scenario, or null when there is none (or it no longer fits the plan). */
  readonly live: WorkshopScenario | null;
  /** The valid proposals, oldest first. */
  readonly proposals: readonly WorkshopProposal[];
  /** Who voted for each proposal (user ids, sorted); proposals without votes are absent. */
  readonly votes: ReadonlyMap<string, readonly string[]>;
  /** The pinned proposals' ids, in proposal order. */
  readonly pinned: readonly string[];
  /** Up to two proposal ids shown side by side, in the order chosen. */
  readonly shown: readonly string[];
}

/** Who writes a proposal. */
export interface WorkshopAuthor {
  readonly id: string;
  readonly name: string;
}

type Written = { ok: true; id: string } | { ok: false; errors: Issue[] };

export const workshopRoot = (doc: Y.Doc): Y.Map<unknown> => doc.getMap<unknown>(WORKSHOP_ROOT);

/**
 * Creates the workshop's maps that are missing, in one transaction with `origin`; returns whether it
 * wrote. Two clients creating the same map at once would each get a map and one would win, so call it
 * from one writer when the document is synced (the presenter's client, or the server on load).
 */
export function ensureWorkshop(doc: Y.Doc, origin: unknown = null): boolean {
  const root = workshopRoot(doc);
  const missing = [WORKSHOP_PROPOSALS, WORKSHOP_VOTES, WORKSHOP_PINNED].filter((k) => !(root.get(k) instanceof Y.Map));
  if (missing.length === 0) return false;
  doc.transact(() => {
    for (const key of missing) root.set(key, new Y.Map<unknown>());
  }, origin);
  return true;
}

/** The map under `key`, created when missing (see {@link ensureWorkshop}). Call inside a transaction. */
function mapOf(doc: Y.Doc, key: string): Y.Map<unknown> {
  const root = workshopRoot(doc);
  const current = root.get(key);
  if (current instanceof Y.Map) return current as Y.Map<unknown>;
  return root.set(key, new Y.Map<unknown>());
}

const nameIssue = (): Issue => ({
  code: 'workshop-name',
  message: `Ge förslaget ett namn (högst ${MAX_PROPOSAL_NAME_LENGTH} tecken).`,
  path: ['name'],
});

/** The scenario checked against the plan (the engine's defaults filled in), or its issues. */
function checkScenario(
  plan: Plan,
  input: { name: string; changes: readonly unknown[] },
): { ok: true; value: WorkshopScenario } | { ok: false; errors: Issue[] } {
  const name = input.name.trim();
  if (name === '' || name.length > MAX_PROPOSAL_NAME_LENGTH) return { ok: false, errors: [nameIssue()] };
  const limits = docLimitIssues(input.changes, ['changes']);
  if (limits.length > 0) return { ok: false, errors: limits };
  const parsed = parseScenario({ id: 'workshop', name, changes: input.changes }, plan);
  if (!parsed.ok) return parsed;
  return { ok: true, value: { name, changes: cloneJson(parsed.value.changes) } };
}

/** Replaces the presenter's live scenario (checked against `plan`), in one transaction with `origin`. */
export function setLive(
  doc: Y.Doc,
  plan: Plan,
  live: { name: string; changes: readonly Change[] },
  origin: unknown = null,
): { ok: true } | { ok: false; errors: Issue[] } {
  const checked = checkScenario(plan, live);
  if (!checked.ok) return checked;
  const value = { name: checked.value.name, changes: [...checked.value.changes] };
  doc.transact(() => workshopRoot(doc).set(WORKSHOP_LIVE, value), origin);
  return { ok: true };
}

const newId = (doc: Y.Doc, at: Date): string =>
  `p-${at.getTime().toString(36)}-${doc.clientID.toString(36)}-${Math.floor(Math.random() * 1e6).toString(36)}`;

/** Adds a proposal by `author` (checked against `plan`), in one transaction with `origin`. */
export function propose(
  doc: Y.Doc,
  plan: Plan,
  input: { author: WorkshopAuthor; name: string; changes: readonly Change[]; at?: Date },
  origin: unknown = null,
): Written {
  const checked = checkScenario(plan, input);
  if (!checked.ok) return checked;
  const at = input.at ?? new Date();
  const id = newId(doc, at);
  const stored: StoredProposal = {
    id,
    author: input.author.id,
    authorName: input.author.name,
    name: checked.value.name,
    changes: [...checked.value.changes],
    createdAt: at.toISOString(),
  };
  doc.transact(() => mapOf(doc, WORKSHOP_PROPOSALS).set(id, stored), origin);
  return { ok: true, id };
}

/** The key of one person's vote for one proposal. */
export const voteKey = (proposalId: string, userId: string): string => `${proposalId}/${userId}`;

/** Votes for a proposal as `userId`. */
export function vote(doc: Y.Doc, proposalId: string, userId: string, origin: unknown = null): void {
  doc.transact(() => mapOf(doc, WORKSHOP_VOTES).set(voteKey(proposalId, userId), true), origin);
}

/** Takes back `userId`'s vote for a proposal. */
export function unvote(doc: Y.Doc, proposalId: string, userId: string, origin: unknown = null): void {
  const votes = workshopRoot(doc).get(WORKSHOP_VOTES);
  const key = voteKey(proposalId, userId);
  if (votes instanceof Y.Map && votes.has(key)) doc.transact(() => votes.delete(key), origin);
}

/** Pins a proposal: it is saved into the plan at the end of the day. */
export function pin(doc: Y.Doc, proposalId: string, origin: unknown = null): void {
  doc.transact(() => mapOf(doc, WORKSHOP_PINNED).set(proposalId, true), origin);
}

/** Unpins a proposal. */
export function unpin(doc: Y.Doc, proposalId: string, origin: unknown = null): void {
  const pinned = workshopRoot(doc).get(WORKSHOP_PINNED);
  if (pinned instanceof Y.Map && pinned.has(proposalId)) doc.transact(() => pinned.delete(proposalId), origin);
}

/** Shows up to two proposals side by side (an empty list goes back to the live scenario). */
export function showSideBySide(doc: Y.Doc, proposalIds: readonly string[], origin: unknown = null): void {
  const shown = [...new Set(proposalIds)].slice(0, MAX_SHOWN);
  doc.transact(() => workshopRoot(doc).set(WORKSHOP_SHOWN, shown), origin);
}

/** A proposal's scenario name: "Förslag från <author>: <name>", unless the name already says so. */
export function proposalTitle(proposal: Pick<WorkshopProposal, 'name' | 'authorName'>): string {
  return proposal.name.startsWith(PROPOSAL_PREFIX)
    ? proposal.name
    : `${PROPOSAL_PREFIX}${proposal.authorName || '?'}: ${proposal.name}`;
}

/**
 * The workshop, read defensively: each proposal and the live scenario are checked with the engine's
 * `parseScenario` against `plan` (by default the document's own plan) and left out, with an issue,
 * when malformed or no longer fitting the plan; votes, pins and shown ids count only for proposals
 * that are there. Never throws.
 */
export function readWorkshop(doc: Y.Doc, plan?: Plan): { workshop: Workshop; issues: Issue[] } {
  const issues: Issue[] = [];
  const root = workshopRoot(doc);
  let against = plan;
  if (!against) {
    const read = docToPlan(doc);
    if (!read.ok) return { workshop: EMPTY_WORKSHOP, issues: read.errors };
    against = read.value;
  }

  let live: WorkshopScenario | null = null;
  const liveValue: unknown = root.get(WORKSHOP_LIVE);
  if (liveValue !== undefined && liveValue !== null) {
    const read = readScenario(against, liveValue);
    if (read.ok) live = read.value;
    else issues.push(bad('invalid-live', 'Presentatörens scenario kan inte läsas.', [WORKSHOP_LIVE]));
  }

  const proposals: WorkshopProposal[] = [];
  const ids = new Set<string>();
  for (const [key, value] of entriesOf(root, WORKSHOP_PROPOSALS)) {
    const proposal = readProposal(against, key, value);
    if (proposal) {
      proposals.push(proposal);
      ids.add(key);
    } else issues.push(bad('invalid-proposal', `Förslaget ${key} kan inte läsas.`, [WORKSHOP_PROPOSALS, key]));
  }
  proposals.sort((a, b) =>
    a.createdAt === b.createdAt ? a.id.localeCompare(b.id) : a.createdAt.localeCompare(b.createdAt),
  );

  const voters = new Map<string, string[]>();
  for (const [key, value] of entriesOf(root, WORKSHOP_VOTES)) {
    const slash = key.indexOf('/');
    const proposal = key.slice(0, slash);
    const user = key.slice(slash + 1);
    if (value !== true || slash < 0 || user === '' || !ids.has(proposal)) continue;
    voters.set(proposal, [...(voters.get(proposal) ?? []), user]);
  }
  const votes = new Map<string, readonly string[]>();
  for (const p of proposals) {
    const users = voters.get(p.id);
    if (users) votes.set(p.id, users.sort());
  }

  const pinnedIds = new Set<string>();
  for (const [key, value] of entriesOf(root, WORKSHOP_PINNED)) if (value === true) pinnedIds.add(key);
  const pinned = proposals.filter((p) => pinnedIds.has(p.id)).map((p) => p.id);

  const shownValue: unknown = root.get(WORKSHOP_SHOWN);
  const shown = Array.isArray(shownValue)
    ? [...new Set(shownValue.filter((id): id is string => typeof id === 'string' && ids.has(id)))].slice(0, MAX_SHOWN)
    : [];

  return { workshop: { live, proposals, votes, pinned, shown }, issues };
}

const EMPTY_WORKSHOP: Workshop = { live: null, proposals: [], votes: new Map(), pinned: [], shown: [] };

const bad = (code: string, message: string, path: string[]): Issue => ({
  code,
  message,
  path: [WORKSHOP_ROOT, ...path],
});

function entriesOf(root: Y.Map<unknown>, key: string): [string, unknown][] {
  const map = root.get(key);
  return map instanceof Y.Map ? [...(map as Y.Map<unknown>).entries()] : [];
}

const isString = (v: unknown): v is string => typeof v === 'string';

function readScenario(plan: Plan, value: unknown): ReturnType<typeof checkScenario> {
  if (!isPlainObject(value) || !isString(value.name) || !Array.isArray(value.changes))
    return { ok: false, errors: [nameIssue()] };
  return checkScenario(plan, { name: value.name, changes: value.changes });
}

function readProposal(plan: Plan, key: string, value: unknown): WorkshopProposal | undefined {
  if (!isPlainObject(value)) return undefined;
  const { id, author, authorName, createdAt } = value;
  if (id !== key || !isString(author) || author === '' || !isString(createdAt) || Number.isNaN(Date.parse(createdAt)))
    return undefined;
  const scenario = readScenario(plan, value);
  if (!scenario.ok) return undefined;
  return {
    id,
    author,
    authorName: isString(authorName) ? authorName.slice(0, MAX_PROPOSAL_NAME_LENGTH) : '',
    createdAt,
    ...scenario.value,
  };
}

/** A fresh scenario id: `forslag-1`, `forslag-2`, … that no id in `taken` uses (and adds it). */
function freshId(taken: Set<string>): string {
  let n = 1;
  while (taken.has(`forslag-${n}`)) n++;
  const id = `forslag-${n}`;
  taken.add(id);
  return id;
}

/** What {@link savePinned} did: the saved version's id and the scenarios added, or why nothing was written. */
export type SavedPinned = { ok: true; versionId: string; scenarios: Scenario[] } | { ok: false; errors: Issue[] };

/**
 * Saves the day: each pinned proposal becomes a plan scenario (a fresh id; named by
 * {@link proposalTitle}) through `put-scenario` edits, and the resulting plan is saved as the version
 * `versionName`, all in one transaction with `origin`. A pinned proposal whose scenario the plan
 * already has (same name and changes, saved before) is not added twice. Nothing is written when
 * nothing is pinned, the name is not valid, or the plan with the new scenarios is not.
 */
export function savePinned(
  doc: Y.Doc,
  plan: Plan,
  input: { versionName: string; savedBy: string; at?: Date },
  origin: unknown = null,
): SavedPinned {
  const { workshop } = readWorkshop(doc, plan);
  const pinned = workshop.proposals.filter((p) => workshop.pinned.includes(p.id));
  if (pinned.length === 0)
    return { ok: false, errors: [{ code: 'nothing-pinned', message: 'Inget förslag är fäst.', path: ['pinned'] }] };

  const taken = new Set(plan.scenarios.map((s) => s.id));
  const scenarios: Scenario[] = [];
  for (const proposal of pinned) {
    const name = proposalTitle(proposal);
    const saved = plan.scenarios.some((s) => s.name === name && jsonEqual(s.changes, proposal.changes));
    if (!saved) scenarios.push({ id: freshId(taken), name, changes: cloneJson([...proposal.changes]) });
  }
  const next: Plan = { ...plan, scenarios: [...plan.scenarios, ...scenarios] };
  const issues = validatePlan(next);
  if (issues.length > 0) return { ok: false, errors: issues };

  let result: SavedPinned = { ok: false, errors: [] };
  doc.transact(() => {
    // The version first: it checks its name, and nothing is written when that fails.
    const saved = saveVersion(
      doc,
      { name: input.versionName, savedBy: input.savedBy, plan: next, savedAt: input.at },
      origin,
    );
    if (!saved.ok) {
      result = saved;
      return;
    }
    for (const scenario of scenarios) applyEditToDoc(doc, { type: 'put-scenario', scenario }, origin);
    result = { ok: true, versionId: saved.id, scenarios };
  }, origin);
  return result;
}
