import { describe, expect, it } from 'vitest';
import { DirectoryFileError, parseDirectoryFile } from './directory-file.js';

const problems = (run: () => unknown) => {
  try {
    run();
  } catch (error) {
    if (error instanceof DirectoryFileError) return error.problems.map((p) => p.at);
    throw error;
  }
  throw new Error('expected a DirectoryFileError');
};

describe('the directory export file', () => {
  it('reads a campus CSV with Chinese headers, role labels and statuses', () => {
    const csv = [
      '\uFEFF工号,姓名,邮箱,角色,二级学院编号,二级学院,评价组织编号,评价组织,状态',
      'T001,李院长,lead@example.edu.cn,二级学院试点工作小组负责人,ee,电子工程学院,,,在职',
      'T002,张老师,owner@example.edu.cn,project_owner;college_lead,ee,电子工程学院,,,',
      'T003,王处长,aa@example.edu.cn,教务处,,,,,在职',
      'E001,联络员,c@org.example.com,培训评价组织,,,miit,工信部教育与考试中心,在职',
      'T009,赵老师,zhao@example.edu.cn,project_owner,cs,计算机学院,,,离职',
    ].join('\n');
    const doc = parseDirectoryFile(csv, 'csv', { sync: true });
    expect(doc.sync).toBe(true);
    expect(doc.colleges).toEqual([
      { id: 'ee', name: '电子工程学院' },
      { id: 'cs', name: '计算机学院' },
    ]);
    expect(doc.organizations).toEqual([{ id: 'miit', name: '工信部教育与考试中心' }]);
    expect(doc.users.map((u) => [u.id, u.roles, u.college, u.organization, u.status])).toEqual([
      ['T001', ['college_lead'], 'ee', null, 'active'],
      ['T002', ['project_owner', 'college_lead'], 'ee', null, 'active'],
      ['T003', ['academic_affairs'], null, null, 'active'],
      ['E001', ['evaluation_org'], null, 'miit', 'active'],
      ['T009', ['project_owner'], 'cs', null, 'deactivated'],
    ]);
  });

  it('names the line of each bad row of a CSV', () => {
    const csv = [
      'id,name,email,roles,college',
      'T001,甲,a@example.edu.cn,college_lead,ee',
      'T002,乙,b@example.edu.cn,dean,ee',
      'T003,丙,not-an-email,project_owner,ee',
      'T004,丁,d@example.edu.cn,college_lead,',
    ].join('\n');
    expect(problems(() => parseDirectoryFile(csv, 'csv'))).toEqual(['第 3 行']);
    const fixed = csv.replace('dean', 'project_owner');
    expect(problems(() => parseDirectoryFile(fixed, 'csv'))).toEqual([
      '第 4 行 email',
      '第 5 行 college',
    ]);
  });

  it('reads the API’s JSON document, or a bare list of people', () => {
    const doc = parseDirectoryFile(
      JSON.stringify({
        colleges: [{ id: 'ee', name: '电子工程学院' }],
        users: [{ id: 'T1', name: '甲', email: 'a@example.edu.cn', roles: [] }],
      }),
      'json',
      { dryRun: true },
    );
    expect(doc).toMatchObject({
      dryRun: true,
      sync: false,
      colleges: [{ id: 'ee' }],
      users: [{ id: 'T1', status: 'active' }],
    });
    expect(
      parseDirectoryFile(
        '[{"id":"T1","name":"甲","email":"a@example.edu.cn","roles":["auditor"]}]',
        'json',
      ).users,
    ).toHaveLength(1);
    expect(problems(() => parseDirectoryFile('{"users": [', 'json'))).toEqual(['json']);
    expect(problems(() => parseDirectoryFile('{"users": [{"id": "system:x"}]}', 'json'))).toContain(
      'users.0.id',
    );
  });
});
