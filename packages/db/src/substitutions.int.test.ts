import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SUBSTITUTION_REF, type Engine, type NotificationPayload } from '@certflow/engine';
import { createTestPostgres, type TestPostgres } from './testing/index.js';
import { reviewCast, reviewEngine } from './testing/review-engine.js';

// 代理人 on PostgreSQL: substitution rows written through the engine (versioned, audited) are
// what the store's cached directory answers from at once, at the command's instant.

let pg: TestPostgres;
let engine: Engine;
const deputy = { id: 'u-deputy', roles: ['teacher'], college: 'ee' } as const;

beforeAll(async () => {
  pg = await createTestPostgres({ max: 4 });
  engine = await reviewEngine(pg);
  await pg.directory.upsertUser({
    id: deputy.id,
    name: '赵副院长',
    email: 'deputy@example.edu',
    roles: [...deputy.roles],
    college: deputy.college,
  });
});
afterAll(async () => {
  await pg?.drop();
});

const hour = 3_600_000;
const standIn = (from: number, to: number) => ({
  periods: [
    {
      substituteId: deputy.id,
      from: new Date(from).toISOString(),
      to: new Date(to).toISOString(),
      reason: '出差',
    },
  ],
});

async function mailsOf(instanceId: string): Promise<NotificationPayload[]> {
  const rows = await pg.dispatch.pendingOutbox(new Date(Date.now() + hour), 100);
  return rows
    .filter((r) => r.instanceId === instanceId && r.kind === 'notify')
    .map((r) => r.payload as unknown as NotificationPayload);
}

describe('substitutes (代理人) on PostgreSQL', () => {
  it('a substitute set now is seen by the next command: mailed the task, decides it on the lead’s behalf', async () => {
    const first = await engine.start('review', { college: 'ee', title: '前' }, reviewCast.owner);
    // The directory cache has the lead's answers now; the substitution must still be seen.
    await engine.putReference({
      kind: SUBSTITUTION_REF,
      key: reviewCast.lead.id,
      value: standIn(Date.now() - hour, Date.now() + hour),
      actor: reviewCast.lead,
      audit: { action: 'substitution.put' },
    });
    const { id } = await engine.start('review', { college: 'ee', title: '后' }, reviewCast.owner);
    const task = (await mailsOf(id)).find((m) => m.notification === 'task');
    expect(task).toMatchObject({
      recipient: { id: deputy.id },
      onBehalfOf: { id: reviewCast.lead.id },
    });
    const v = await engine.send(id, { type: 'APPROVE', comment: '同意' }, deputy);
    expect(v.state).not.toBe('first');
    const decided = (await engine.history(id)).at(-1);
    expect(decided).toMatchObject({
      actorId: deputy.id,
      data: { onBehalfOf: { id: reviewCast.lead.id } },
    });
    expect(await engine.verifyHistory(id)).toMatchObject({ ok: true });
    // The instance started before also belongs to the lead: the deputy may decide it too.
    await engine.send(first.id, { type: 'APPROVE', comment: '同意' }, deputy);
    const audit = await pg.store.read.auditTrail({
      subject: `${SUBSTITUTION_REF}/${reviewCast.lead.id}`,
      limit: 10,
      offset: 0,
    });
    expect(audit.map((a) => a.action)).toContain('substitution.put');
  });

  it('outside the period the substitute is nobody’s: refused, nothing written', async () => {
    await engine.putReference({
      kind: SUBSTITUTION_REF,
      key: reviewCast.lead.id,
      value: standIn(Date.now() + 24 * hour, Date.now() + 48 * hour),
      actor: reviewCast.lead,
      audit: { action: 'substitution.put' },
    });
    const { id } = await engine.start('review', { college: 'ee', title: '期外' }, reviewCast.owner);
    const task = (await mailsOf(id)).find((m) => m.notification === 'task');
    expect(task).toMatchObject({ recipient: { id: reviewCast.lead.id }, onBehalfOf: null });
    await expect(engine.send(id, { type: 'APPROVE' }, deputy)).rejects.toMatchObject({
      code: 'NOT_AUTHORIZED',
    });
    expect((await engine.history(id)).length).toBe(1);
  });
});
