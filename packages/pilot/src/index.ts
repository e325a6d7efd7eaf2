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
// Every flow folder (src/flows/<id>/) and their one registration list.
export * from './flows/index.js';
export {
  CHAIN_DECISIONS,
  REVIEW_STEPS,
  reviewChain,
  type ChainStep,
  withLeadership,
  type LeadershipDecision,
} from './review-chain.js';
export { pilotCalls, type PilotCall, type PilotCallSettings } from './calls.js';
export { pilotSettingsFromEnv, PilotSettingsError, type PilotDeployment } from './settings.js';
export * from './ledger/index.js';
export * from './effects/index.js';
export { flowDiagram, withDiagram } from './diagram/index.js';
export * from './statistics/index.js';
