/**
 * Domain refusals: typed values with a stable `code` and a human message in zh-CN and English.
 * Infrastructure failures are `InfrastructureError`s (retryable or permanent) and never carry
 * a domain code.
 */

export interface Messages {
  readonly zh: string;
  readonly en: string;
}

/** The engine's own refusal codes. Flows add their own (e.g. `LEVEL_NOT_ALLOWED`). */
export const ENGINE_ERRORS = {
  VALIDATION_FAILED: { zh: '输入不合法', en: 'The input is invalid' },
  NOT_FOUND: { zh: '未找到对象', en: 'Not found' },
  NOT_AUTHORIZED: { zh: '无权执行此操作', en: 'You are not allowed to do this' },
  SELF_APPROVAL: {
    zh: '不能审批本人提交的申请',
    en: 'You cannot approve a submission of your own',
  },
  SEPARATION_OF_DUTIES: {
    zh: '同一人不能在同一流程中担任两个审批环节',
    en: 'One person cannot fill two approval steps of the same instance',
  },
  EVENT_NOT_ACCEPTED: {
    zh: '当前环节不接受此操作',
    en: 'The current step does not accept this operation',
  },
  VERSION_CONFLICT: {
    zh: '数据已被他人修改，请刷新后重试',
    en: 'The instance was changed by someone else; reload and retry',
  },
  UNKNOWN_FLOW: { zh: '未知的流程', en: 'Unknown flow' },
  REASON_REQUIRED: {
    zh: '退回或驳回必须填写理由',
    en: 'A return or a rejection needs a reason',
  },
  IDEMPOTENCY_KEY_REUSED: {
    zh: '幂等键已用于另一条命令',
    en: 'The idempotency key was already used for a different command',
  },
  TASK_DELEGATED: {
    zh: '该待办已委派他人办理，待其办理完毕后再审批',
    en: 'This task is delegated; decide it once the delegate has resolved it',
  },
  STEP_NOT_REACHED: {
    zh: '只能退回到本流程已经办理过的环节',
    en: 'Only a step this instance has already passed can be returned to',
  },
  NOT_ADDED_BY_YOU: {
    zh: '只能减去由您加签、且尚未审批的人员',
    en: 'You can only remove an approver you added who has not decided yet',
  },
  TAKE_BACK_NOT_ALLOWED: {
    zh: '只能拿回本人刚办理、且下一环节尚未处理的审批',
    en: 'Only your own last approval can be taken back, before anyone has acted on it',
  },
  BATCH_NOT_ALLOWED: {
    zh: '该环节不允许批量审批',
    en: 'This step cannot be approved in a batch',
  },
  URGE_TOO_SOON: {
    zh: '催办过于频繁，请稍后再试',
    en: 'This task was urged too recently; try again later',
  },
} as const satisfies Record<string, Messages>;

export type EngineErrorCode = keyof typeof ENGINE_ERRORS;

/** A refused command. `code` is stable and in English; `messages` are for people. */
export class DomainError extends Error {
  override readonly name = 'DomainError';
  readonly code: string;
  readonly messages: Messages;
  readonly details: Readonly<Record<string, unknown>> | undefined;

  constructor(code: string, messages: Messages, details?: Record<string, unknown>) {
    super(`${code}: ${messages.zh} / ${messages.en}`);
    this.code = code;
    this.messages = messages;
    this.details = details;
  }

  toJSON(): {
    code: string;
    message: string;
    messageEn: string;
    details?: Record<string, unknown>;
  } {
    return {
      code: this.code,
      message: this.messages.zh,
      messageEn: this.messages.en,
      ...(this.details ? { details: { ...this.details } } : {}),
    };
  }
}

/** Build a refusal with one of the engine's codes, optionally with a more specific message. */
export function refuse(
  code: EngineErrorCode,
  details?: Record<string, unknown>,
  specific?: Partial<Messages>,
): DomainError {
  const base = ENGINE_ERRORS[code];
  return new DomainError(
    code,
    { zh: specific?.zh ?? base.zh, en: specific?.en ?? base.en },
    details,
  );
}

export function isDomainError(value: unknown): value is DomainError {
  return value instanceof DomainError;
}

/** An infrastructure failure (database, queue, transport). `retryable` tells a worker what to do. */
export class InfrastructureError extends Error {
  override readonly name = 'InfrastructureError';
  readonly code: string;
  readonly retryable: boolean;

  constructor(code: string, message: string, options: { retryable: boolean; cause?: unknown }) {
    super(message, { cause: options.cause });
    this.code = code;
    this.retryable = options.retryable;
  }
}
