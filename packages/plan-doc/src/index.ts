/**
 * @samplan/plan-doc — the plan as a Yjs document for live co-editing: plan ⇄ Y.Doc, each PlanEdit
 * as minimal Yjs operations, a PlanStore on a Y.Doc, and an undo manager for one client's edits.
 */
export { applyEditToDoc } from './applyEditToDoc.ts';
export {
  COMMENT_WRITE_RULES,
  COMMENTER_WRITE_RULES,
  type CommenterUpdateCheck,
  checkCommenterUpdate,
  type RootWriteChecks,
  WORKSHOP_WRITE_RULES,
  type WriteRuleSet,
  type WriteScope,
} from './commenterWritePolicy.ts';
export { createUndoManager } from './createUndoManager.ts';
export { createYjsPlanStore, type YjsPlanStore, type YjsPlanStoreOptions } from './createYjsPlanStore.ts';
export { DOC_LIMITS, docLimitIssues } from './docLimitIssues.ts';
export { docToPlan } from './docToPlan.ts';
export {
  anchorSection,
  BUDGET_SECTION,
  COMMENTS_ROOT,
  type CommentAnchor,
  type CommentAuthor,
  type CommentMessage,
  type CommentResolution,
  type CommentThread,
  commentsRoot,
  MAX_COMMENT_LENGTH,
  readThreads,
  replyToThread,
  setThreadResolved,
  startThread,
  unresolvedBySection,
} from './planComments.ts';
export {
  IMPORTS_ROOT,
  importsRoot,
  MAX_LAYOUT_MAPPING_LENGTH,
  readLayoutMapping,
  writeLayoutMapping,
} from './planLayoutMapping.ts';
export { DOC_COLLECTIONS, type DocCollection, ORDER_KEY, PLAN_ROOT, planRoot } from './planRoot.ts';
export {
  addSection,
  DEFAULT_OUTLINE,
  ensureOutline,
  findSection,
  MAX_SECTION_TITLE_LENGTH,
  moveSection,
  OUTLINE_ROOT,
  outlineRoot,
  type PlanSection,
  readOutline,
  readSection,
  removeSection,
  renameSection,
  SECTIONS_ROOT,
  type SectionKind,
  sectionsRoot,
} from './planSections.ts';
export { planToDoc } from './planToDoc.ts';
export {
  MAX_VERSION_NAME_LENGTH,
  type PlanVersion,
  readVersions,
  saveVersion,
  VERSIONS_ROOT,
  versionsRoot,
} from './planVersions.ts';
export {
  ensureWorkshop,
  MAX_PROPOSAL_NAME_LENGTH,
  MAX_SHOWN,
  PROPOSAL_PREFIX,
  pin,
  proposalTitle,
  propose,
  readWorkshop,
  type SavedPinned,
  savePinned,
  setLive,
  showSideBySide,
  unpin,
  unvote,
  vote,
  voteKey,
  WORKSHOP_LIVE,
  WORKSHOP_PINNED,
  WORKSHOP_PROPOSALS,
  WORKSHOP_ROOT,
  WORKSHOP_SHOWN,
  WORKSHOP_VOTES,
  type Workshop,
  type WorkshopAuthor,
  type WorkshopProposal,
  type WorkshopScenario,
  workshopRoot,
} from './planWorkshop.ts';
