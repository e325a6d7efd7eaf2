export { pilotProjectFlow, leadershipCheck } from './v1/flow.js';
export { pilotProjectMachine, type ProjectContext, type ProjectEvent } from './v1/machine.js';
export { createPilotProjectFlow, pilotProjectFlowV2, type PilotProjectSettings } from './flow.js';
export { pilotProjectMachineV2, type ProjectContextV2, type ProjectEventV2 } from './machine.js';
export {
  projectApplicationInput,
  projectInput,
  type ProjectApplication,
  type ProjectInput,
} from './input.js';
export { positionReferences, quotaPosition, type QuotaPosition } from './quota-position.js';
export { TALLY_REF, tallyKey, tallyOf, type Tally, type TallyEntry } from './tally.js';
export {
  checkCallWindow,
  DEFAULT_CALL_WINDOW,
  openCall,
  type CallWindow,
  type OpenCall,
} from './call-window.js';
export { PILOT_PROJECT_ERRORS, pilotProjectErrors, type PilotProjectErrorCode } from './errors.js';
export { projectMailFields, type MailFieldLike } from './mail-fields.js';
export { tallyBackfill } from './tally-backfill.js';
