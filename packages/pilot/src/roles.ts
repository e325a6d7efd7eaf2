/** The roles of the 1+X pilot (第四–六条). Ids are stable English; labels are for people. */
export const ROLES = {
  leadership: { zh: '1+X 试点工作领导小组', en: 'Pilot leadership group', scope: 'school' },
  academic_affairs: { zh: '教务处', en: 'Academic affairs office', scope: 'school' },
  finance: { zh: '财务审计处', en: 'Finance and audit office', scope: 'school' },
  college_lead: { zh: '二级学院试点工作小组负责人', en: 'College pilot lead', scope: 'college' },
  project_owner: { zh: '项目负责人', en: 'Project owner', scope: 'college' },
  evaluation_org: {
    zh: '培训评价组织',
    en: 'Training and evaluation organization',
    scope: 'school',
  },
  auditor: { zh: '纪检监察/审计', en: 'Auditor (read-only)', scope: 'school' },
} as const;

export type RoleId = keyof typeof ROLES;
export const ROLE_IDS = Object.keys(ROLES) as RoleId[];
