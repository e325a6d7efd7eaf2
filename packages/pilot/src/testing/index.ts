export { people, type PersonKey } from './people.js';
export { projectApplication } from './fixtures.js';
export { pilotWorld, type PilotWorld, type StoreHarness } from './harness.js';
export { describePilotProjectScenarios } from './pilot-project.scenarios.js';
export { beijingDate, weekdayCalendar } from './weekday-calendar.js';
export {
  assessmentStart,
  feeAgreementFixture,
  projectRecord,
  resultsFixture,
  studentsFixture,
} from './assessment-fixtures.js';
export { driveAssessment, finishAssessment, type AssessmentStage } from './assessment-driver.js';
export { memoryPilotWorld, type MemoryPilotWorld } from './effects-world.js';
