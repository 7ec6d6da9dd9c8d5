export { type ApiRoute, type ApiRouteName, apiRoutes, type BodyErrorCode } from './apiRoutes.ts';
export { type CloseCode, closeCodes } from './closeCodes.ts';
export { API_ERROR_CODES, type ApiErrorCode, type ErrorResponse, ErrorResponseSchema } from './errorResponse.ts';
export { type BodyRefusal, parseRequestBody } from './parseRequestBody.ts';
export {
  type CreateInvitationRequest,
  CreateInvitationRequestSchema,
  type CreatePlanRequest,
  CreatePlanRequestSchema,
  type LoginRequest,
  LoginRequestSchema,
  MAX_PLAN_NAME_LENGTH,
  type SetupRequest,
  SetupRequestSchema,
} from './requestBodies.ts';
export {
  type AcceptInvitationResponse,
  AcceptInvitationResponseSchema,
  CreatePlanResponseSchema,
  ExportJsonResponseSchema,
  HealthResponseSchema,
  type InvitationResponse,
  InvitationResponseSchema,
  LogoutResponseSchema,
  PlanInfoResponseSchema,
  PlanListResponseSchema,
  type SessionResponse,
  SessionResponseSchema,
  type SetupResponse,
  SetupResponseSchema,
  type SetupStatusResponse,
  SetupStatusResponseSchema,
} from './responses.ts';
export { isRole, ROLES, type Role, RoleSchema } from './role.ts';
export {
  type PlanInfo,
  PlanInfoSchema,
  type PlanMember,
  PlanMemberSchema,
  type PlanSummary,
  PlanSummarySchema,
  type User,
  UserSchema,
} from './wireTypes.ts';
