import type { CertflowClient, CommandOptions, Instance, Task } from '@certflow/client';
import type { Operation } from './operations-model';

/** 前加签 (the caller's task waits), 后加签 (after the caller), 并加签 (alongside). */
export type SignerPosition = 'before' | 'after' | 'with';

export const POSITIONS: ReadonlyArray<{ value: SignerPosition; label: string; hint: string }> = [
  { value: 'before', label: '前加签', hint: '加签人先审批，通过后再由您审批' },
  { value: 'after', label: '后加签', hint: '您审批后，再由加签人审批' },
  { value: 'with', label: '并加签', hint: '加签人与您同时审批' },
];

/** What the operation dialog collected. */
export interface OperationValues {
  readonly comment?: string;
  /** 转办/委派/加签: one person; 抄送: several. */
  readonly person?: string | string[];
  readonly position?: SignerPosition;
  /** 退回: a step passed, or `applicant`. */
  readonly toStep?: string;
  /** 减签: the approver taken off. */
  readonly signer?: string;
}

const one = (v: string | string[] | undefined): string => (Array.isArray(v) ? v[0] : v) ?? '';
const many = (v: string | string[] | undefined): string[] => (Array.isArray(v) ? v : v ? [v] : []);

/**
 * The typed client call of an operation — never a raw request: each route of docs/http-api.md
 * § Approval operations has its method; the flows' own events go through `sendEvent`.
 */
export function commandOf(
  op: Operation,
  instance: Instance,
  task: Task | null,
  values: OperationValues,
): (client: CertflowClient, options: CommandOptions) => Promise<Instance> {
  const text = values.comment?.trim() ?? '';
  const comment = text === '' ? {} : { comment: text };
  const taskId = task?.id ?? '';
  switch (op.kind) {
    case 'return':
      return (c, o) =>
        c.returnToStep(taskId, { toStep: values.toStep ?? 'applicant', comment: text }, o);
    case 'transfer':
      return (c, o) => c.transferTask(taskId, { to: one(values.person), ...comment }, o);
    case 'delegate':
      return (c, o) => c.delegateTask(taskId, { to: one(values.person), ...comment }, o);
    case 'resolve':
      return (c, o) => c.resolveDelegation(taskId, comment, o);
    case 'addSigner':
      return (c, o) =>
        c.addSigner(
          taskId,
          { userId: one(values.person), position: values.position ?? 'before', ...comment },
          o,
        );
    case 'copy':
      return (c, o) => c.copyTask(taskId, { userIds: many(values.person), ...comment }, o);
    case 'removeSigner':
      return (c, o) => c.removeSigner(instance.id, { userId: values.signer ?? '', ...comment }, o);
    case 'takeBack':
      return (c, o) => c.takeBack(instance.id, comment, o);
    case 'event':
    case 'resubmit':
      return (c, o) =>
        c.sendEvent(
          instance.id,
          { type: op.event, ...comment, ...(task ? { taskId: task.id } : {}) },
          o,
        );
  }
}
