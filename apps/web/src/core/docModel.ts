/**
 * The shared document's own types and pure helpers that views need to name (plan-doc stays behind
 * core/: views import these from here, never from @samplan/plan-doc).
 */
export {
  type CommentAnchor,
  type CommentAuthor,
  type CommentThread,
  type PlanSection,
  type PlanVersion,
  proposalTitle,
  unresolvedBySection,
  type Workshop,
  type WorkshopProposal,
  type WorkshopScenario,
} from '@samplan/plan-doc';
/** The awareness (who is here, where their caret is) a text editor binds to. */
export type { Awareness } from 'y-protocols/awareness';
