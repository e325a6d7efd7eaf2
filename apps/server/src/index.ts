export { createApp, DEFAULT_BODY_LIMIT, OPENAPI_PATH } from './app.js';
export type { AppDeps, AppEnv } from './app-env.js';
export { TokenService, type TokenTrust, type VerifiedClaims } from './auth/token-service.js';
export {
  claimsSchema,
  isReservedIdentity,
  subjectClaimsSchema,
  type Claims,
  type SubjectClaims,
} from './auth/claims.js';
export { resolveActor, UNREGISTERED_NAME_SUFFIX } from './auth/resolve-actor.js';
export { HTTP_ERRORS, ApiError, type HttpErrorCode } from './http/api-error.js';
export { statusOfCode } from './http/error-status.js';
export { errorResponse } from './http/error-handler.js';
export {
  CONSOLE_CSP,
  secureApi,
  securePages,
  STRICT_CSP,
  type PageSecurityOptions,
} from './http/security-headers.js';
export { corsPolicy } from './http/cors.js';
export { readsEverything, SCHOOL_READERS, READ_ONLY_ROLES } from './access/read-access.js';
export { describeFlow, flowCatalog, type FlowInfo } from './flows/flow-catalog.js';
export { loadConfig, type ServerConfig } from './config.js';
export {
  composeRuntime,
  businessCalendar,
  engineFor,
  openDatabase,
  systemClock,
  type Runtime,
  type RuntimeOptions,
} from './runtime/compose.js';
export { hostActor, type HostActorResolver } from './auth/host-actor.js';
export { DEMO_COLLEGES, DEMO_QUOTA, DEMO_USERS, type DemoUserKey } from './runtime/demo-school.js';
export { seedDemoSchool } from './runtime/seed-demo.js';
export { demoTokens } from './runtime/demo-tokens.js';
