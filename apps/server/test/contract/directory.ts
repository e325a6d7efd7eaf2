import { expect, it } from 'vitest';
import type { ApiWorld } from '../support/api-world.js';
import { applyProject, setQuota } from '../support/fixtures.js';

const staff = {
  colleges: [{ id: 'me', name: '机电工程学院' }],
  organizations: [{ id: 'miit-ec', name: '工信部教育与考试中心' }],
  users: [
    {
      id: 'T1001',
      name: '马院长',
      email: 'ma@example.edu.cn',
      roles: ['college_lead'],
      college: 'me',
    },
    {
      id: 'T1002',
      name: '林老师',
      email: 'lin@example.edu.cn',
      roles: ['project_owner'],
      college: 'me',
    },
    {
      id: 'E2001',
      name: '考试中心联络员',
      email: 'contact@miit-ec.example.com',
      roles: ['evaluation_org'],
      organization: 'miit-ec',
    },
  ],
};

/** The directory import (教务处): upserts, refusals as a whole, leavers deactivated and their tasks reported. */
export function directorySuite(world: () => ApiWorld): void {
  it('imports people, colleges and organizations (教务处 only), and again changes nothing', async () => {
    const w = world();
    const before = await w.fingerprint();
    for (const who of ['collegeLead', 'finance', 'auditor'] as const) {
      expect((await w.as(who).raw('/api/directory/import', { body: staff })).status).toBe(403);
    }
    expect(await w.fingerprint()).toBe(before);
    const first = await w.as('academic').raw('/api/directory/import', { body: staff });
    expect(first.status).toBe(200);
    expect(first.body).toMatchObject({
      dryRun: false,
      colleges: { created: ['me'] },
      organizations: { created: ['miit-ec'] },
      users: { created: ['T1001', 'T1002', 'E2001'], updated: [], unchanged: 0 },
      deactivated: [],
    });
    const again = await w.as('academic').raw('/api/directory/import', { body: staff });
    expect(again.body).toMatchObject({
      colleges: { unchanged: 1 },
      users: { created: [], updated: [], unchanged: 3 },
    });
    // The new college takes quotas, its people are in the directory.
    expect((await w.as('academic').putQuota(2027, 'me', { scale: 10, budget: 1 })).collegeId).toBe(
      'me',
    );
    const list = (await w.as('auditor').raw('/api/directory/users')).body as {
      items: Array<{ id: string; status: string }>;
    };
    expect(list.items.find((u) => u.id === 'T1001')).toMatchObject({ status: 'active' });
  });

  it('refuses a wrong document as a whole, naming each problem, and writes nothing', async () => {
    const w = world();
    const before = await w.fingerprint();
    const bad = {
      users: [
        {
          id: 'T1',
          name: '甲',
          email: 'a@example.edu.cn',
          roles: ['college_lead'],
          college: 'nowhere',
        },
        { id: 'T1', name: '乙', email: 'a@example.edu.cn', roles: [] },
      ],
    };
    const r = await w.as('academic').raw('/api/directory/import', { body: bad });
    expect(r.status).toBe(400);
    const body = r.body as {
      code: string;
      message: string;
      details: { issues: Array<{ path: string }> };
    };
    expect(body.code).toBe('VALIDATION_FAILED');
    expect(body.message).toMatch(/^人员目录导入未执行/u);
    expect(body.details.issues.map((i) => i.path)).toEqual(['users.0', 'users.1', 'users.1']);
    for (const invalid of [
      { users: [{ id: 'system', name: '系统', email: 's@example.edu.cn', roles: [] }] },
      { users: [{ id: 'T2', name: '丙', email: 'c@example.edu.cn', roles: ['college_lead'] }] },
      { users: [{ id: 'T3', name: '丁', email: 'not-an-email', roles: [] }] },
      { users: [{ id: 'T4', name: '戊', email: 'd@example.edu.cn', roles: ['deactivated'] }] },
    ]) {
      expect((await w.as('academic').raw('/api/directory/import', { body: invalid })).status).toBe(
        400,
      );
    }
    expect(await w.fingerprint()).toBe(before);
  });

  it('deactivates leavers (never deletes them), refuses their tokens, and reports their open tasks for reassignment', async () => {
    const w = world();
    await setQuota(w.as('academic'));
    const a = await applyProject(w.as('owner'));
    // 周副院长 is the other ee college lead: the task has another holder. The owner's returned
    // application is theirs alone.
    const lead = {
      id: 'u-lead',
      name: '李院长',
      email: 'lead@example.edu.cn',
      roles: ['college_lead'],
      college: 'ee',
      status: 'deactivated',
    };
    const dry = await w
      .as('academic')
      .raw('/api/directory/import', { body: { users: [lead], dryRun: true } });
    expect(dry.body).toMatchObject({ dryRun: true, deactivated: [{ id: 'u-lead' }] });
    expect((await w.as('collegeLead').inbox()).total).toBe(1); // nothing changed yet
    const r = await w.as('academic').raw('/api/directory/import', { body: { users: [lead] } });
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({
      deactivated: [
        {
          id: 'u-lead',
          name: '李院长',
          formerRoles: ['college_lead'],
          openTasks: [
            {
              instanceId: a.id,
              step: 'college',
              role: 'college_lead',
              college: 'ee',
              assigned: false,
              otherHolders: ['u-lead2'],
            },
          ],
        },
      ],
    });
    expect((await w.as('collegeLead').raw('/api/tasks')).status).toBe(401);
    // Still named in the audit trail and the directory, as deactivated.
    expect((await w.as('auditor').history(a.id)).items[0]?.actorName).toBe('张老师');
    const list = (await w.as('auditor').raw('/api/directory/users')).body as {
      items: Array<{ id: string; status: string; roles: string[] }>;
    };
    expect(list.items.find((u) => u.id === 'u-lead')).toEqual(
      expect.objectContaining({ status: 'deactivated', roles: [] }),
    );
    // The other lead still decides.
    await w.as('collegeLead2').sendEvent(a.id, { type: 'APPROVE' });

    // sync: the export lists everyone; whoever is missing leaves. The owner's own task is theirs alone.
    await w
      .as('academic')
      .sendEvent(a.id, { type: 'RETURN', comment: '请补充' })
      .catch(() => undefined);
    const everyoneButOwner = (await w.as('auditor').raw('/api/directory/users')).body as {
      items: Array<{
        id: string;
        name: string;
        email: string;
        roles: string[];
        college: string | null;
        status: string;
      }>;
    };
    const users = everyoneButOwner.items
      .filter((u) => u.id !== 'u-owner' && u.status === 'active')
      .map(({ id, name, email, roles, college }) => ({ id, name, email, roles, college }));
    const synced = await w
      .as('academic')
      .raw('/api/directory/import', { body: { users, sync: true } });
    const report = synced.body as {
      deactivated: Array<{
        id: string;
        openTasks: Array<{ assigned: boolean; otherHolders: string[] }>;
      }>;
    };
    expect(report.deactivated.map((d) => d.id)).toEqual(['u-owner']);
    expect(report.deactivated[0]?.openTasks).toEqual([
      expect.objectContaining({ assigned: true, otherHolders: [] }),
    ]);
  });
}
