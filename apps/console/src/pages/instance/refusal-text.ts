import { CertflowError } from '@certflow/client';
import { errorText } from '../../api/error-text';

const CJK = /[\u3400-\u9fff]/u;

/**
 * The refusals of the approval operations in Chinese, for an answer that carries no Chinese
 * message of its own (docs/http-api.md § Errors); the server's own words win.
 */
const OPERATION_REFUSALS: Readonly<Record<string, string>> = {
  STEP_NOT_REACHED: '只能退回到已经办理过的环节',
  TAKE_BACK_NOT_ALLOWED: '只能拿回本人刚办理、且下一环节尚未处理的审批',
  TASK_DELEGATED: '该待办已委派他人，请待其办理完毕交回后再审批',
  NOT_YOUR_DELEGATION: '该待办不是委派给您的',
  NOT_ADDED_BY_YOU: '只能减去本人加签、且尚未审批的人员',
  REASON_REQUIRED: '请填写理由',
  TASK_NOT_FOUND: '该待办已处理或不存在，请刷新后重试',
  SELF_APPROVAL: '不能审批本人提交的申请',
  SEPARATION_OF_DUTIES: '同一人不能办理本流程的两个审批环节',
  ATTACHMENT_ALTERED: '附件与审批记录不符，已被改动，请联系纪检监察审计部门',
  ATTACHMENT_MISSING: '附件已丢失，请联系教务处',
};

/** A refusal of the instance page as one readable Chinese sentence, never a bare code. */
export function refusalText(error: unknown): string {
  if (error instanceof CertflowError) {
    // The message is `409 CODE: <the server's words>`: Chinese words win over the fallback.
    const fallback = OPERATION_REFUSALS[error.code];
    if (fallback && !CJK.test(error.message)) return fallback;
  }
  return errorText(error);
}
