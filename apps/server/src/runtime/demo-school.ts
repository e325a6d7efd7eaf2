import type { User } from '@certflow/db';

/** The demo school seeded on first start: two colleges, one person per role (+ the second college's). */
export const DEMO_COLLEGES = [
  { id: 'ee', name: '电子工程学院' },
  { id: 'cs', name: '计算机学院' },
] as const;

/** Keyed by the name used for tokens (`demo-tokens.env`: `CERTFLOW_TOKEN_<KEY>`). */
export const DEMO_USERS = {
  owner: {
    id: 'u-owner',
    name: '张老师',
    email: 'owner@demo.certflow.local',
    roles: ['project_owner'],
    college: 'ee',
  },
  lead: {
    id: 'u-lead',
    name: '李院长',
    email: 'lead@demo.certflow.local',
    roles: ['college_lead'],
    college: 'ee',
  },
  owner_cs: {
    id: 'u-owner-cs',
    name: '周老师',
    email: 'owner-cs@demo.certflow.local',
    roles: ['project_owner'],
    college: 'cs',
  },
  lead_cs: {
    id: 'u-lead-cs',
    name: '陈院长',
    email: 'lead-cs@demo.certflow.local',
    roles: ['college_lead'],
    college: 'cs',
  },
  academic: {
    id: 'u-aa',
    name: '王处长',
    email: 'aa@demo.certflow.local',
    roles: ['academic_affairs'],
    college: null,
  },
  finance: {
    id: 'u-fin',
    name: '赵处长',
    email: 'fin@demo.certflow.local',
    roles: ['finance'],
    college: null,
  },
  leader: {
    id: 'u-president',
    name: '钱院长',
    email: 'president@demo.certflow.local',
    roles: ['leadership'],
    college: null,
  },
  evaluator: {
    id: 'u-org',
    name: '评价组织联系人',
    email: 'org@demo.certflow.local',
    roles: ['evaluation_org'],
    college: null,
  },
  auditor: {
    id: 'u-audit',
    name: '吴审计',
    email: 'audit@demo.certflow.local',
    roles: ['auditor'],
    college: null,
  },
} as const satisfies Record<string, User>;

export type DemoUserKey = keyof typeof DEMO_USERS;

/** Pilot scale and last year's executed budget (fen) per college, for last year to the year after next. */
export const DEMO_QUOTA = {
  ee: { scale: 60, budget: 1_000_000 },
  cs: { scale: 40, budget: 800_000 },
} as const;
