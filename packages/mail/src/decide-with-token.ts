import { TOKEN_SUPERSEDED } from '@certflow/db';
import {
  DomainError,
  isDomainError,
  type Actor,
  type Directory,
  type Engine,
  type InstanceView,
} from '@certflow/engine';
import type { Decision } from './labels.js';
import type { ActionTokenRecord } from './ports.js';

/** The refusal code that marks a token superseded: the mail store's own. */
export { TOKEN_SUPERSEDED };

export const MAIL_REFUSALS = {
  TOKEN_SUPERSEDED: {
    zh: '该待办已由他人办理，或流程已进入其他环节',
    en: 'This task was already dealt with, or the process has moved on',
  },
  APPROVER_UNKNOWN: {
    zh: '审批人已不在人员名录中',
    en: 'The approver is no longer in the directory',
  },
} as const;

/**
 * The decision a token stands for (`MailStore.useToken`): the task must still be open, then
 * `engine.send(instanceId, { type, comment, taskId }, approver, { useToken })` decides as the
 * approver, with every rule of the engine (roles, separation of duties), and its one write uses
 * the token — a second use of the same token, or of another of the task's, cannot apply twice.
 */
export function decideWithToken(
  deps: { readonly engine: Engine; readonly directory: Directory },
  decision: Decision,
  comment: string | null,
): (token: ActionTokenRecord) => Promise<InstanceView> {
  return async (token) => {
    const open = (await deps.engine.get(token.instanceId)).tasks;
    if (!open.some((t) => t.id === token.taskId)) {
      throw new DomainError(TOKEN_SUPERSEDED, MAIL_REFUSALS.TOKEN_SUPERSEDED, {
        taskId: token.taskId,
      });
    }
    const person = await deps.directory.getUser(token.approverId);
    if (!person) {
      throw new DomainError('APPROVER_UNKNOWN', MAIL_REFUSALS.APPROVER_UNKNOWN, {
        approverId: token.approverId,
      });
    }
    const actor: Actor = {
      id: person.id,
      name: person.name,
      email: person.email,
      roles: person.roles,
      ...(person.college ? { college: person.college } : {}),
      kind: 'person',
    };
    try {
      return await deps.engine.send(
        token.instanceId,
        { type: decision, taskId: token.taskId, ...(comment ? { comment } : {}) },
        actor,
        { useToken: { tokenHash: token.tokenHash } },
      );
    } catch (error) {
      // The task closed, or the instance ended, between our read and the engine's decision: a
      // concurrent decision won, and this link is superseded rather than refused.
      if (
        isDomainError(error) &&
        error.code === 'EVENT_NOT_ACCEPTED' &&
        (error.details?.['taskId'] !== undefined || error.details?.['status'] !== undefined)
      ) {
        throw new DomainError(TOKEN_SUPERSEDED, MAIL_REFUSALS.TOKEN_SUPERSEDED, {
          taskId: token.taskId,
        });
      }
      throw error;
    }
  };
}
