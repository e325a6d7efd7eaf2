import { defineFlow, type AnyFlow, type TaskSpec } from '@certflow/engine';
import { pilotProjectFlow } from '@certflow/pilot';

/**
 * The pilot-project flow with a deadline on the college step: a reminder (催办) after 3 working
 * days and, at 5, an escalation to 教务处 — to make the engine write `reminder` and `escalation`
 * notifications (the shipped pilot-project flow has no deadlines).
 */
export function timedPilotProjectFlow(): AnyFlow {
  const college = pilotProjectFlow.states['collegeReview'];
  const spec = college?.tasks?.[0] as TaskSpec;
  return defineFlow({
    ...pilotProjectFlow,
    id: 'pilot-project-timed',
    states: {
      ...pilotProjectFlow.states,
      collegeReview: {
        ...college,
        tasks: [
          {
            ...spec,
            deadline: { workingDays: 5 },
            reminders: [{ workingDays: 3 }],
            escalateTo: { role: 'academic_affairs', scope: 'school' },
          },
        ],
      },
    },
  });
}
