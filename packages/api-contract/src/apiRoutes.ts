import type { z } from 'zod';
import {
  CreateInvitationRequestSchema,
  CreatePlanRequestSchema,
  LoginRequestSchema,
  SetupRequestSchema,
} from './requestBodies.ts';
import {
  AcceptInvitationResponseSchema,
  CreatePlanResponseSchema,
  ExportJsonResponseSchema,
  HealthResponseSchema,
  InvitationResponseSchema,
  LogoutResponseSchema,
  PlanInfoResponseSchema,
  PlanListResponseSchema,
  SessionResponseSchema,
  SetupResponseSchema,
  SetupStatusResponseSchema,
} from './responses.ts';

/** The error code of a refused request body field (`bad-json` is for a body that is not an object). */
export type BodyErrorCode = 'bad-field' | 'invalid-role';

/** One JSON route: method, path (`:name` is a path parameter), its body and its success response. */
export interface ApiRoute {
  readonly method: 'GET' | 'POST';
  readonly path: string;
  /** The request body's schema; absent when the route reads no body. */
  readonly body?: z.ZodType;
  /** The error code a refused body field gets (default `bad-field`). */
  readonly bodyErrorCode?: BodyErrorCode;
  /** The success status and the schema of its JSON body. */
  readonly status: 200 | 201;
  readonly response: z.ZodType;
}

/**
 * Every JSON route of the HTTP API. Downloads (`export.csv`, `export.xlsx`, `export.pdf`) answer files,
 * not JSON, and are not listed; their refusals have the {@link ErrorResponseSchema} shape like the rest.
 */
export const apiRoutes = {
  health: { method: 'GET', path: '/api/health', status: 200, response: HealthResponseSchema },
  login: { method: 'POST', path: '/api/login', body: LoginRequestSchema, status: 200, response: SessionResponseSchema },
  logout: { method: 'POST', path: '/api/logout', status: 200, response: LogoutResponseSchema },
  me: { method: 'GET', path: '/api/me', status: 200, response: SessionResponseSchema },
  setupStatus: { method: 'GET', path: '/api/setup', status: 200, response: SetupStatusResponseSchema },
  setup: { method: 'POST', path: '/api/setup', body: SetupRequestSchema, status: 201, response: SetupResponseSchema },
  plans: { method: 'GET', path: '/api/plans', status: 200, response: PlanListResponseSchema },
  createPlan: {
    method: 'POST',
    path: '/api/plans',
    body: CreatePlanRequestSchema,
    status: 201,
    response: CreatePlanResponseSchema,
  },
  plan: { method: 'GET', path: '/api/plans/:id', status: 200, response: PlanInfoResponseSchema },
  createInvitation: {
    method: 'POST',
    path: '/api/plans/:id/invitations',
    body: CreateInvitationRequestSchema,
    bodyErrorCode: 'invalid-role',
    status: 201,
    response: InvitationResponseSchema,
  },
  acceptInvitation: {
    method: 'POST',
    path: '/api/invitations/:token/accept',
    status: 200,
    response: AcceptInvitationResponseSchema,
  },
  exportJson: { method: 'GET', path: '/api/plans/:id/export.json', status: 200, response: ExportJsonResponseSchema },
} as const satisfies Record<string, ApiRoute>;

/** The name of a JSON route in {@link apiRoutes}. */
export type ApiRouteName = keyof typeof apiRoutes;
