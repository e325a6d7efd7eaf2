import {
  defineFlow,
  refuse,
  type DomainError,
  type FlowDefinition,
  type ReferenceReader,
  type ReferenceWrite,
} from '@certflow/engine';
import { z } from 'zod';
import { LEVELS } from '../../common.js';
import { pilotError } from '../../errors.js';
import {
  checkCallWindow,
  DEFAULT_CALL_WINDOW,
  nextCall,
  openCall,
  type CallWindow,
} from './call-window.js';
import { projectChain } from './chain.js';
import { pilotProjectErrors } from './errors.js';
import { projectApplicationInput, type ProjectApplication } from './input.js';
import { pilotProjectMachineV2, type ProjectContextV2 } from './machine.js';
import {
  positionJson,
  positionReferences,
  quotaPosition,
  type QuotaPosition,
} from './quota-position.js';
import {
  duplicateOf,
  entryOf,
  TALLY_REF,
  tallyKey,
  tallyOf,
  tallyWrite,
  withEntry,
  withoutEntry,
} from './tally.js';

const { error } = pilotProjectErrors;
/**
 * Every rule of a (re)submitted application, in the order a person would fix them: 中级及以上
 * (第七条2), one application per year, college and certificate, and a justification when the
 * college's year goes over its 试点规模数 or last year's executed budget (第七条2). Gives the
 * position and the tally with this application in it.
 */
function checkApplication(
  application: ProjectApplication,
  instanceId: string,
  refs: ReferenceReader,
): DomainError | { position: QuotaPosition; write: ReferenceWrite } {
  if (application.certificate.level === 'elementary') {
    return pilotError('LEVEL_NOT_ALLOWED', { level: application.certificate.level });
  }
  const { year, collegeId } = application;
  const t = tallyOf(refs.get(TALLY_REF, tallyKey(year, collegeId)), year, collegeId);
  const existing = duplicateOf(t, instanceId, application.certificate.code);
  if (existing) {
    return error('DUPLICATE_APPLICATION', {
      year,
      collegeId,
      certificateCode: application.certificate.code,
      existing,
    });
  }
  const position = quotaPosition(application, instanceId, refs);
  if (position.over && !(application.justification ?? '').trim()) {
    return error('JUSTIFICATION_REQUIRED', {
      reasons: [...position.reasons],
      ...positionJson(position),
    });
  }
  return { position, write: tallyWrite(withEntry(t, instanceId, entryOf(application))) };
}

/** Settings of the application flow: when the autumn call is open (第七条2). */
export interface PilotProjectSettings {
  readonly callWindow?: CallWindow;
}

/**
 * The pilot-project application, version 2: every project goes 二级学院 → 教务处 → 领导小组
 * (第六条2); over the 试点规模数 or last year's executed budget of the college's whole year it
 * needs a justification and is flagged for the 领导小组 with the figures (第七条2).
 */
export function createPilotProjectFlow(
  settings: PilotProjectSettings = {},
): FlowDefinition<ProjectApplication, ProjectContextV2> {
  const window = checkCallWindow(settings.callWindow ?? DEFAULT_CALL_WINDOW);
  return defineFlow<ProjectApplication, ProjectContextV2>({
    id: 'pilot-project',
    version: 2,
    title: { zh: '年度试点项目申报', en: 'Annual pilot project application' },
    machine: pilotProjectMachineV2,
    input: projectApplicationInput,
    ...projectChain({
      resubmit: z.object({ input: projectApplicationInput.optional() }).strict(),
      batch: true,
    }),
    startedBy: { roles: ['project_owner', 'college_lead'], scope: 'college' },
    college: (input) => input.collegeId,
    subject: (_input, instanceId) => instanceId,
    describe: (i) => `${i.collegeId} ${i.certificate.name}（${LEVELS[i.certificate.level].zh}）`,
    references: ({ input }) => positionReferences(input.year, input.collegeId),
    prepare: ({ input, refs, now, instanceId }) => {
      // 每年秋季学期编报下一年度 (第七条2): the call must be open, and for its year.
      const call = openCall(window, now);
      if (!call) {
        const next = nextCall(window, now);
        return error('APPLICATION_WINDOW_CLOSED', {
          year: input.year,
          opens: next.opens,
          closes: next.closes,
          openYear: next.year,
        });
      }
      if (input.year !== call.year) {
        return error('APPLICATION_YEAR_NOT_OPEN', {
          ...call,
          year: input.year,
          openYear: call.year,
        });
      }
      const verdict = checkApplication(input, instanceId, refs);
      if (verdict instanceof Error) return verdict;
      return { refs: { quota: positionJson(verdict.position) }, writes: [verdict.write] };
    },
    rules: {
      // Each 同意 reads the year again: the 领导小组 sees the college's current figures.
      APPROVE: ({ context, refs }) => ({
        refs: { quota: positionJson(quotaPosition(context.application, context.instanceId, refs)) },
      }),
      RESUBMIT: ({ context, event, refs }) => {
        const revised = (event.data.input as ProjectApplication | undefined) ?? context.application;
        const before = context.application;
        if (revised.collegeId !== before.collegeId || revised.year !== before.year) {
          return refuse(
            'VALIDATION_FAILED',
            { field: revised.year !== before.year ? 'input.year' : 'input.collegeId' },
            {
              zh: '修改后的申报不能更换二级学院或年度',
              en: 'A revised application cannot move to another college or year',
            },
          );
        }
        const verdict = checkApplication(revised, context.instanceId, refs);
        if (verdict instanceof Error) return verdict;
        return { refs: { quota: positionJson(verdict.position) }, writes: [verdict.write] };
      },
      REJECT: ({ context, refs }) => leave(context, refs),
      WITHDRAW: ({ context, refs }) => leave(context, refs),
      // Engine.cancel (e.g. an administrator voids the application): it leaves the tally too.
      CANCEL: ({ context, refs }) => leave(context, refs),
    },
  });

  /** The application leaves the year's tally: rejected, withdrawn or cancelled. */
  function leave(context: ProjectContextV2, refs: ReferenceReader): { writes: ReferenceWrite[] } {
    const { year, collegeId } = context.application;
    const t = tallyOf(refs.get(TALLY_REF, tallyKey(year, collegeId)), year, collegeId);
    return { writes: [tallyWrite(withoutEntry(t, context.instanceId))] };
  }
}

/** Version 2 with the default call window (09-01 to 12-31). */
export const pilotProjectFlowV2 = createPilotProjectFlow();
