export { certificateChangeFlow } from './flow.js';
export { changeInput, type ChangeInput } from './input.js';
export { certificateChangeMachine, type ChangeContext, type ChangeEvent } from './machine.js';
export {
  CERTIFICATE_CHANGE_ERRORS,
  certificateChangeErrors,
  type CertificateChangeErrorCode,
} from './errors.js';
export {
  certificateChangeEntry,
  PROJECT_KIND,
  projectRecord,
  type CertificateChangeEntry,
  type ProjectRecord,
} from './project-record.js';
