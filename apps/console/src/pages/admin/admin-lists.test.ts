import type { DirectoryPerson, FlowInfo } from '@certflow/client';
import { describe, expect, it } from 'vitest';
import flowJson from '../../test/pilot-project-flow.json';
import { navItemsFor, navKeyOf } from '../../layout/nav-items';
import { collegesOf } from './colleges';
import { flowGroups } from './flow-groups';
import { filterPeople } from './people-filter';

const person = (over: Partial<DirectoryPerson>): DirectoryPerson => ({
  id: 'u',
  name: '某人',
  email: 'u@example.edu.cn',
  roles: [],
  college: null,
  status: 'active',
  ...over,
});

const people = [
  person({ id: 'u-owner', name: '张老师', roles: ['project_owner'], college: 'ee' }),
  person({ id: 'u-lead', name: '李院长', roles: ['college_lead'], college: 'ee' }),
  person({ id: 'u-old', name: '孙老师', status: 'deactivated', college: 'me' }),
  person({ id: 'u-aa', name: '王处长', roles: ['academic_affairs'] }),
];

describe('people and roles', () => {
  it('filters by keyword (name, 工号, e-mail, college name), role and college; leavers last', () => {
    const name = (id: string) => ({ ee: '电子工程学院' })[id] ?? id;
    expect(filterPeople(people, {}).map((p) => p.id)).toEqual([
      'u-aa',
      'u-lead',
      'u-owner',
      'u-old',
    ]);
    expect(filterPeople(people, { q: '院长' }).map((p) => p.name)).toEqual(['李院长']);
    expect(filterPeople(people, { q: 'U-AA' }).map((p) => p.name)).toEqual(['王处长']);
    expect(filterPeople(people, { q: '电子工程' }, name).map((p) => p.id)).toEqual([
      'u-lead',
      'u-owner',
    ]);
    expect(filterPeople(people, { role: 'college_lead' }).map((p) => p.id)).toEqual(['u-lead']);
    expect(filterPeople(people, { college: 'me' }).map((p) => p.id)).toEqual(['u-old']);
  });

  it('knows the named colleges and every other college the directory mentions', () => {
    const directory = { demo: true, people: [], colleges: [{ id: 'ee', name: '电子工程学院' }] };
    expect(collegesOf(directory, people)).toEqual([
      { id: 'ee', name: '电子工程学院' },
      { id: 'me', name: 'me' },
    ]);
    expect(collegesOf(undefined, undefined)).toEqual([]);
  });
});

describe('flows and versions', () => {
  it('groups the versions of a flow, newest first, the latest one named', () => {
    const v1 = { ...(flowJson as unknown as FlowInfo), latest: false, version: 1 };
    const v2 = { ...v1, latest: true, version: 2 };
    const other = { ...v1, id: 'annual-plan', title: { zh: '年度计划', en: '' }, latest: true };
    const groups = flowGroups([v1, other, v2]);
    expect(groups.map((g) => [g.id, g.latest.version, g.versions.map((v) => v.version)])).toEqual([
      // in the order of their Chinese titles: 年度计划 (jì) before 年度试点项目申报 (shì)
      ['annual-plan', 1, [1]],
      ['pilot-project', 2, [2, 1]],
    ]);
    expect(groups[1]?.title).toBe(v1.title.zh);
  });
});

describe('the administration menu', () => {
  const user = (roles: string[]) => ({ id: 'u', name: 'x', roles, college: null, exp: 0 });
  it('shows 教务处 every page, the school readers theirs, others only their work', () => {
    const keys = (roles: string[]) =>
      navItemsFor(user(roles) as unknown as Parameters<typeof navItemsFor>[0]).map((i) => i.key);
    expect(keys(['academic_affairs'])).toEqual([
      '/',
      '/start',
      '/drafts',
      '/admin/calendar',
      '/admin/quotas',
      '/admin/people',
      '/admin/flows',
      '/statistics',
    ]);
    expect(keys(['leadership'])).toEqual([
      '/',
      '/start',
      '/drafts',
      '/admin/people',
      '/statistics',
    ]);
    expect(keys(['project_owner'])).toEqual(['/', '/start', '/drafts']);
    expect(navKeyOf('/drafts')).toBe('/drafts');
    expect(navKeyOf('/admin/calendar')).toBe('/admin/calendar');
    expect(navKeyOf('/start/pilot-project')).toBe('/start');
    expect(navKeyOf('/instances/x')).toBe('/');
  });
});
