export { pilotProjectFlow, leadershipCheck } from './flow.js';
export { projectInput, type ProjectInput } from './input.js';
export { pilotProjectMachine, type ProjectContext, type ProjectEvent } from './machine.js';
