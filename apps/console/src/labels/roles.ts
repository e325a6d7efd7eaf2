/** The roles of the 1+X measures as staff call them (the same words as the notification mails). */
export const ROLE_LABELS: Readonly<Record<string, string>> = {
  leadership: '1+X试点工作领导小组',
  academic_affairs: '教务处',
  finance: '财务审计处',
  college_lead: '二级学院试点工作小组',
  project_owner: '项目负责人',
  evaluation_org: '培训评价组织',
  auditor: '纪检监察审计',
  submitter: '申请人',
};

export function roleLabel(role: string): string {
  return ROLE_LABELS[role] ?? role;
}
