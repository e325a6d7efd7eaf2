import { defineFlow, type FlowDefinition } from '@certflow/engine';
import { rectificationFlow } from './flow.js';
import { rectificationResults, type RectificationInput } from './input.js';
import { rectificationMachineV2, type RectificationContextV2 } from './machine-v2.js';

/** The college reports the results within 20 working days of the plan's acceptance (or a return). */
export const RESULTS_DEADLINE = { workingDays: 20 } as const;

const verify = rectificationFlow.states.verification!.tasks![0]!;

/**
 * Supervision and rectification, version 2 (第九条): after the plan is accepted the college
 * reports what it has done (落实整改成果), and 教务处 verifies it before the case closes — or
 * escalates to withdrawal. Version 1 (plan only) stays registered for the cases running on it.
 */
export const rectificationFlowV2 = defineFlow<RectificationInput, RectificationContextV2>({
  ...(rectificationFlow as unknown as FlowDefinition<RectificationInput, RectificationContextV2>),
  version: 2,
  machine: rectificationMachineV2,
  events: { ...rectificationFlow.events, REPORT_RESULTS: rectificationResults },
  states: {
    ...rectificationFlow.states,
    implementing: {
      tasks: [
        {
          step: 'results',
          role: 'college_lead',
          scope: 'college',
          events: ['REPORT_RESULTS', 'TRANSFER', 'CC', 'COMMENT'],
          approval: false,
          deadline: RESULTS_DEADLINE,
          reminders: [{ workingDays: 15 }],
        },
      ],
      timeout: { after: RESULTS_DEADLINE, event: 'RESULTS_OVERDUE' },
    },
    // 教务处 verifies the results as it verified the plan (one step name: one reviewer may do both).
    resultsVerification: { tasks: [verify] },
  },
});
