/**
 * @samplan/server — the live co-editing server core: the y-websocket protocol over `ws`, one Y.Doc per
 * room loaded from pluggable storage (SQLite), hooks for authenticate / load / beforeApplyUpdate / store /
 * change, plug-ins (the role write checks), and named close codes.
 */

export { authenticateWithAccounts, readCookie, SESSION_COOKIE } from './accounts/authenticateWithAccounts.ts';
export {
  type AccountError,
  type AccountErrorCode,
  type AccountResult,
  type AccountStore,
  createAccountStore,
  DEFAULT_INVITATION_TTL_MS,
  DEFAULT_SESSION_TTL_MS,
  hashPassword,
  MIN_PASSWORD_LENGTH,
  type User,
  verifyPassword,
} from './accounts/createAccountStore.ts';
export { createRateLimiter, type RateLimiter } from './accounts/createRateLimiter.ts';
export {
  ACCEPT_UPDATE,
  type AuthenticateContext,
  type AuthenticatedUser,
  type ClientOrigin,
  type CollabHooks,
  type CollabPlugin,
  type UpdateContext,
  type UpdateVerdict,
} from './CollabHooks.ts';
export { type CloseCode, closeCodes } from './closeCodes.ts';
export {
  type CollabServer,
  type CollabServerBaseOptions,
  type CollabServerOptions,
  createCollabServer,
} from './createCollabServer.ts';
export { createSqliteStorage, type SqliteStorage } from './createSqliteStorage.ts';
export type { DocStorage, MaybePromise, StoredUpdate } from './DocStorage.ts';
export { type ClientMessage, decodeClientMessage } from './decodeClientMessage.ts';
export { encodeServerMessage, type ServerMessage } from './encodeServerMessage.ts';
export {
  createHttpApi,
  type HttpApi,
  type HttpApiOptions,
  type PlanSummary,
} from './http/createHttpApi.ts';
export { HttpError, type HttpErrorCode } from './http/httpErrors.ts';
export { MAX_BODY_BYTES, readJsonBody } from './http/readJsonBody.ts';
export { MessageType, SyncMessageType } from './MessageType.ts';
export { MAX_ROOM_NAME_LENGTH, parseRoomRequest, type RoomRequest } from './parseRoomRequest.ts';
export {
  createPdfRenderer,
  DEFAULT_CHROMIUM,
  type PdfCookie,
  PdfRenderError,
  type PdfRenderer,
  type PdfRendererOptions,
  type PdfRenderFailure,
} from './pdf/createPdfRenderer.ts';
export { type CommenterWritePolicy, commenterWrites } from './plugins/commenterWrites.ts';
export { readOnlyRoles } from './plugins/readOnlyRoles.ts';
export { isRole, ROLES, type Role, type WriteAccess, writeAccess } from './roleCanWrite.ts';
export { samplanPlugins } from './samplanPlugins.ts';
export {
  COLLAB_PATH,
  DATA_FILE_NAME,
  type SamplanServer,
  type SamplanServerOptions,
  startSamplanServer,
} from './startSamplanServer.ts';
