import type { Actor } from '@certflow/engine';

/** A small cast for tests and the demo school: two colleges, one person per role. */
export const people = {
  owner: {
    id: 'u-owner',
    name: '张老师',
    email: 'owner@example.edu.cn',
    roles: ['project_owner'],
    college: 'ee',
  },
  owner2: {
    id: 'u-owner2',
    name: '孙老师',
    email: 'owner2@example.edu.cn',
    roles: ['project_owner'],
    college: 'ee',
  },
  collegeLead: {
    id: 'u-lead',
    name: '李院长',
    email: 'lead@example.edu.cn',
    roles: ['college_lead'],
    college: 'ee',
  },
  collegeLead2: {
    id: 'u-lead2',
    name: '周副院长',
    email: 'lead2@example.edu.cn',
    roles: ['college_lead'],
    college: 'ee',
  },
  otherLead: {
    id: 'u-lead-cs',
    name: '陈院长',
    email: 'lead-cs@example.edu.cn',
    roles: ['college_lead'],
    college: 'cs',
  },
  academic: { id: 'u-aa', name: '王处长', email: 'aa@example.edu.cn', roles: ['academic_affairs'] },
  academic2: {
    id: 'u-aa2',
    name: '刘科长',
    email: 'aa2@example.edu.cn',
    roles: ['academic_affairs'],
  },
  finance: { id: 'u-fin', name: '赵处长', email: 'fin@example.edu.cn', roles: ['finance'] },
  leader: {
    id: 'u-president',
    name: '钱院长',
    email: 'president@example.edu.cn',
    roles: ['leadership'],
  },
  /** The contact of the evaluation organization of the test projects (第六条3). */
  evaluator: {
    id: 'u-org',
    name: '评价组织联系人',
    email: 'org@example.com',
    roles: ['evaluation_org'],
    organization: '工信部教育与考试中心',
  },
  /** A person of another evaluation organization: acts on none of the test projects. */
  otherEvaluator: {
    id: 'u-org-other',
    name: '其他评价组织联系人',
    email: 'org-other@example.com',
    roles: ['evaluation_org'],
    organization: '北京四合天地科技有限公司',
  },
  auditor: { id: 'u-audit', name: '吴审计', email: 'audit@example.edu.cn', roles: ['auditor'] },
} satisfies Record<string, Actor & { email: string }>;

export type PersonKey = keyof typeof people;
