export { assessmentFlow, ARCHIVE_DEADLINE } from './flow.js';
export { assessmentFlowV2 } from './flow-v2.js';
export { assessmentMachine } from './machine.js';
export { ASSESSMENT_ERRORS, assessmentErrors, type AssessmentErrorCode } from './errors.js';
export type { AssessmentContext, ProjectSummary, Consent, Violation } from './context.js';
export type { AssessmentEvent } from './events.js';
export {
  assessmentInput,
  ARCHIVE_MATERIALS,
  EXAM_FORMS,
  feeTotal,
  type ArchiveMaterial,
  type AssessmentInput,
  type Course,
  type ExamForm,
  type ExamPlan,
  type FeeAgreement,
  type Result,
  type SiteApplication,
  type Student,
} from './input.js';
export { TRANSCRIPT_REF, transcriptKey } from './effects.js';
