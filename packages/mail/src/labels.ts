import type { Messages, NotificationKind } from '@certflow/engine';

/** The decisions a mail can carry: 同意 / 退回 / 驳回 (DOMAIN-NOTES). */
export const DECISIONS = ['APPROVE', 'RETURN', 'REJECT'] as const;
export type Decision = (typeof DECISIONS)[number];

export function isDecision(value: string | null | undefined): value is Decision {
  return (DECISIONS as readonly (string | null | undefined)[]).includes(value);
}

export const DECISION_LABELS: Readonly<Record<Decision, Messages>> = {
  APPROVE: { zh: '同意', en: 'Approve' },
  RETURN: { zh: '退回', en: 'Return for revision' },
  REJECT: { zh: '驳回', en: 'Reject' },
};

/** Subject tags per notification kind; a task that is not an approval is 【待办理】. */
export const SUBJECT_TAGS: Readonly<Record<NotificationKind, Messages>> = {
  task: { zh: '【待审批】', en: '[Approval needed] ' },
  returned: { zh: '【已退回】', en: '[Returned] ' },
  rejected: { zh: '【已驳回】', en: '[Rejected] ' },
  withdrawn: { zh: '【已撤回】', en: '[Withdrawn] ' },
  cc: { zh: '【抄送】', en: '[CC] ' },
  reminder: { zh: '【催办】', en: '[Reminder] ' },
  escalation: { zh: '【已升级】', en: '[Escalated] ' },
  decision: { zh: '【已通过】', en: '[Approved] ' },
  cancelled: { zh: '【已取消】', en: '[Cancelled] ' },
  urge: { zh: '【催办】', en: '[Urged] ' },
  'deadline-moved': { zh: '【期限调整】', en: '[Deadline moved] ' },
};

export const TODO_TAG: Messages = { zh: '【待办理】', en: '[Action needed] ' };

/** Who the roles (packages/pilot/src/roles.ts) are, for "who acts" lines. Override per deployment if needed. */
export const ROLE_LABELS: Readonly<Record<string, Messages>> = {
  leadership: { zh: '1+X试点工作领导小组', en: 'the 1+X pilot leadership group' },
  academic_affairs: { zh: '教务处', en: 'the Office of Academic Affairs' },
  finance: { zh: '财务审计处', en: 'the Finance and Audit Office' },
  college_lead: { zh: '二级学院试点工作小组', en: 'the college pilot team' },
  project_owner: { zh: '项目负责人', en: 'the project owner' },
  evaluation_org: { zh: '培训评价组织', en: 'the evaluation organization' },
  auditor: { zh: '纪检监察审计', en: 'audit and inspection' },
  submitter: { zh: '申请人', en: 'the applicant' },
};

export function roleLabel(role: string): Messages {
  return ROLE_LABELS[role] ?? { zh: role, en: role };
}

/** `教务处审批` / `申请人办理`. */
export function stepLabel(task: { role: string; approval: boolean }): Messages {
  const who = roleLabel(task.role);
  return task.approval
    ? { zh: `${who.zh}审批`, en: `approval by ${who.en}` }
    : { zh: `${who.zh}办理`, en: `action by ${who.en}` };
}

/** 退回 and 驳回 say why (the engine refuses them without a comment: REASON_REQUIRED). */
export const NEEDS_REASON: ReadonlySet<Decision> = new Set<Decision>(['RETURN', 'REJECT']);
