import { defineFlow, type AnyFlow, type JsonObject } from '@certflow/engine';
import { describe, expect, it } from 'vitest';
import { pilotFlows } from '../flows/index.js';
import { pilotProjectFlowV2 } from '../flows/pilot-project/flow.js';
import { reviewTask } from '../review-task.js';
import { pilotProjectFlow } from '../flows/pilot-project/v1/flow.js';
import { pilotProjectMachine } from '../flows/pilot-project/v1/machine.js';
import { projectApplication } from '../testing/fixtures.js';
import { people } from '../testing/people.js';
import type { FlowModel } from './flow-model.js';
import {
  actorsWereEntitled,
  historyMatchesPath,
  spendingWithinBudget,
  type Observation,
} from './invariants.js';
import {
  applicantHoldsNoReviewTask,
  delegationsReturn,
  openTasksMatchSteps,
} from './task-invariants.js';
import { runScenario } from './model-suite.js';
import { pilotProjectModel as pilotProjectV2Model } from './models/pilot-project.js';
import { pilotProjectV1Model as pilotProjectModel } from './models/pilot-project-v1.js';

/** The harness must catch a broken flow: each mutant below breaks one invariant. */
const mutant = (changes: Partial<AnyFlow>): AnyFlow =>
  defineFlow({ ...(pilotProjectFlow as AnyFlow), version: 99, ...changes });
const run = (flow: AnyFlow, model: FlowModel = pilotProjectModel) =>
  runScenario(flow, model, model.scenarios[0]!, {
    flows: [...pilotFlows.filter((f) => f.id !== flow.id), flow],
  });

describe('the model-based harness catches broken flows', () => {
  it('v2 with the 领导小组 step given to 教务处: completed without the leadership (第六条2)', async () => {
    const flow = defineFlow({
      ...(pilotProjectFlowV2 as AnyFlow),
      version: 99,
      states: {
        ...pilotProjectFlowV2.states,
        leadershipReview: { tasks: [reviewTask('academic', 'academic_affairs', 'school')] },
      },
    });
    const model = { ...pilotProjectV2Model, version: 99 };
    await expect(
      runScenario(flow, model, model.scenarios[0]!, {
        flows: [...pilotFlows.filter((f) => f.id !== flow.id), flow],
      }),
    ).rejects.toThrow(/completed without the approval of leadership/);
  });

  it('a broken guard lets an over-scale project skip the leadership group', async () => {
    const flow = mutant({
      machine: pilotProjectMachine.provide({ guards: { needsLeadership: () => false } }),
    });
    const overScale = pilotProjectModel.scenarios[1]!;
    await expect(
      runScenario(flow, pilotProjectModel, overScale, { flows: [flow] }),
    ).rejects.toThrow(/completed without the approval of leadership/);
  });

  it('a flow that lets the applicant approve by a submitter right: refused probe fails', async () => {
    const flow = mutant({
      states: {
        ...pilotProjectFlow.states,
        collegeReview: {
          ...pilotProjectFlow.states.collegeReview,
          submitterEvents: ['WITHDRAW', 'APPROVE'],
        },
      },
    });
    await expect(run(flow)).rejects.toThrow(/expected SELF_APPROVAL\|NOT_AUTHORIZED, got success/);
  });

  it('a flow without the level rule: an elementary certificate gets approved', async () => {
    const flow = mutant({ prepare: () => ({ refs: { needsLeadership: false, reasons: [] } }) });
    const elementary = projectApplication({
      certificate: { code: 'E', name: 'E', level: 'elementary' },
    });
    const model: FlowModel = {
      ...pilotProjectModel,
      scenarios: [{ name: 'elementary', starter: people.owner, input: elementary }],
    };
    await expect(run(flow, model)).rejects.toThrow(/elementary certificate/);
  });

  it('a step owned by the wrong role: the actor check fails', async () => {
    const flow = mutant({
      states: {
        ...pilotProjectFlow.states,
        academicReview: {
          ...pilotProjectFlow.states.academicReview,
          tasks: [
            {
              step: 'academic',
              role: 'finance',
              scope: 'school',
              events: ['APPROVE', 'RETURN', 'REJECT'],
              approval: true,
            },
          ],
        },
      },
    });
    // The harness compares history with the registered v1 spec, where finance owns no step.
    await expect(
      runScenario(pilotProjectFlow, pilotProjectModel, pilotProjectModel.scenarios[0]!, {
        flows: [flow],
      }),
      // The operation steps meet it first: 委派 to a person of the step's (mutant) role, whom the
      // registered spec does not let hold it.
    ).rejects.toThrow(/holding no task|who could not hold it/);
  });

  it('history and ledger invariants reject a gap and an overspent category', () => {
    const row = (seq: number, event: string, fromState: string | null, toState: string) =>
      ({ seq, event, fromState, toState, actorId: 'u-owner' }) as never;
    const base = {
      flow: pilotProjectFlow as AnyFlow,
      model: pilotProjectModel,
      instance: { id: 'i', state: 'academicReview', version: 3, status: 'active' } as never,
      references: [],
      pathEvents: ['APPROVE', 'APPROVE'],
      requiredApprovals: [],
    } satisfies Omit<Observation, 'history'>;
    const gap = [
      row(1, 'START', null, 'collegeReview'),
      row(3, 'APPROVE', 'collegeReview', 'academicReview'),
    ];
    expect(() => historyMatchesPath({ ...base, history: gap })).toThrow(/seq 3 at position 2/);
    const ledger: JsonObject = {
      projectId: 'p',
      entries: [
        { type: 'allocation', amounts: { consumables: 100 } },
        { type: 'expense', category: 'consumables', amount: 101 },
      ],
    };
    expect(() =>
      spendingWithinBudget({ ...base, history: [], references: [['ledger', 'p', ledger]] }),
    ).toThrow(/overspent on consumables/);
  });

  it('the invariants of the operations reject a stranger’s 拿回, a lost delegation, the applicant’s task and a second 或签 task', () => {
    const row = (seq: number, event: string, from: string | null, to: string, actorId: string) =>
      ({ seq, event, fromState: from, toState: to, actorId, data: {} }) as never;
    const task = (over: Record<string, unknown>) =>
      ({
        id: `t${JSON.stringify(over).length}`,
        state: 'collegeReview',
        step: 'college',
        kind: 'step',
        role: 'college_lead',
        college: 'ee',
        organization: null,
        assignee: null,
        approval: true,
        delegatedTo: null,
        ...over,
      }) as never;
    const base = {
      flow: pilotProjectFlow as AnyFlow,
      model: pilotProjectModel,
      instance: {
        id: 'i',
        state: 'collegeReview',
        version: 3,
        status: 'active',
        submitterId: 'u-owner',
        college: 'ee',
        stepActors: {},
        steps: {},
      } as never,
      references: [],
      pathEvents: ['APPROVE', 'TAKE_BACK'],
      requiredApprovals: [],
      history: [
        row(1, 'START', null, 'collegeReview', 'u-owner'),
        row(2, 'APPROVE', 'collegeReview', 'academicReview', 'u-lead'),
        row(3, 'TAKE_BACK', 'academicReview', 'collegeReview', 'u-aa'),
      ],
    } satisfies Observation;
    expect(() => actorsWereEntitled(base)).toThrow(/took back a decision that was not their last/);
    const delegated = task({ kind: 'delegated', assignee: 'u-lead2', approval: false });
    expect(() => delegationsReturn({ ...base, openTasks: [delegated] })).toThrow(
      /has 0 delegator tasks/,
    );
    expect(() =>
      applicantHoldsNoReviewTask({ ...base, openTasks: [task({ assignee: 'u-owner' })] }),
    ).toThrow(/the applicant holds a step task/);
    expect(() =>
      openTasksMatchSteps({ ...base, openTasks: [task({}), task({ assignee: 'u-lead2' })] }),
    ).toThrow(/has 2 open tasks, its mode says 1/);
    // The same observations, right: each invariant holds.
    const fine = { ...base, openTasks: [task({})] };
    for (const invariant of [delegationsReturn, applicantHoldsNoReviewTask, openTasksMatchSteps])
      expect(() => invariant(fine)).not.toThrow();
  });
});
