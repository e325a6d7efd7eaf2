export { ROLES, ROLE_IDS, type RoleId } from './roles.js';
export { PILOT_ERRORS, pilotError, type PilotErrorCode } from './errors.js';
export {
  budget,
  budgetTotal,
  certificate,
  fen,
  LEVELS,
  quota,
  quotaKey,
  QUOTA_REF,
  yuan,
  type Budget,
  type Certificate,
  type Level,
  type Quota,
} from './common.js';
export { createPilotFlows, pilotFlows, type PilotSettings } from './flows.js';
export { pilotCalls, type PilotCall, type PilotCallSettings } from './calls.js';
export { pilotSettingsFromEnv, PilotSettingsError, type PilotDeployment } from './settings.js';
export * from './pilot-project/index.js';
export * from './certificate-change/index.js';
export * from './training-base/index.js';
export * from './teacher-training/index.js';
export * from './report/index.js';
export * from './assessment/index.js';
export * from './budget-adjustment/index.js';
export * from './rectification/index.js';
export * from './withdrawal/index.js';
export * from './annual-plan/index.js';
export * from './credit-bank-registration/index.js';
export * from './ledger/index.js';
export * from './effects/index.js';
export { flowDiagram, withDiagram } from './diagram/index.js';
export * from './statistics/index.js';
