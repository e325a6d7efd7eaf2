import { DomainError, type Messages } from '@certflow/engine';

/**
 * Refusals of the approval-operation, draft and 代理人 routes (their HTTP status in
 * error-status.ts). Raised before the engine is asked, so a refused request changes nothing.
 */
export const OPS_ERRORS = {
  TASK_NOT_FOUND: { zh: '待办不存在或您无权查看', en: 'No such task (or you may not see it)' },
  NOT_YOUR_DELEGATION: {
    zh: '该待办不是委派给您的，不能办理委派',
    en: 'This task was not delegated to you',
  },
  BATCH_NOT_ALLOWED: {
    zh: '该环节不允许批量审批，请逐件办理',
    en: 'This step cannot be approved in a batch; decide it on its own',
  },
  DRAFT_NOT_FOUND: { zh: '草稿不存在', en: 'No such draft' },
  DRAFT_LIMIT_REACHED: {
    zh: '草稿数量已达上限，请先提交或删除部分草稿',
    en: 'Too many drafts: submit or delete some first',
  },
  SUBSTITUTE_NOT_ALLOWED: {
    zh: '代理人须为人员目录中的其他在职人员',
    en: 'A substitute must be another person of the directory',
  },
  VERSION_CONFLICT: {
    zh: '草稿已被修改，请刷新后再保存',
    en: 'The draft changed since you read it; reload and save again',
  },
} as const satisfies Record<string, Messages>;

export type OpsErrorCode = keyof typeof OPS_ERRORS;

export function opsRefusal(
  code: OpsErrorCode,
  details?: Record<string, unknown>,
  messages?: Messages,
): DomainError {
  return new DomainError(code, messages ?? OPS_ERRORS[code], details);
}
