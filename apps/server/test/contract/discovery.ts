/* eslint-disable @typescript-eslint/no-unsafe-assignment -- vitest asymmetric matchers (expect.any…) are typed any */
import { pilotFlows } from '@certflow/pilot';
import { expect, it } from 'vitest';
import type { ApiWorld } from '../support/api-world.js';

/** Health, the flow catalog and the OpenAPI document. */
export function discoverySuite(world: () => ApiWorld, driver: 'embedded' | 'postgres'): void {
  it('answers /healthz without a token', async () => {
    expect(await world().anonymous.health()).toEqual({ ok: true, driver });
  });

  it('lists every flow with its versions, events per state and a diagram', async () => {
    const { items } = await world().as('auditor').flows();
    expect(items.map((f) => `${f.id}@${f.version}`).sort()).toEqual(
      pilotFlows.map((f) => `${f.id}@${f.version}`).sort(),
    );
    // Version 1 stays listed for the instances started on it; new applications use the latest.
    const project = items.find((f) => f.id === 'pilot-project' && f.latest);
    expect(project).toMatchObject({
      version: 2,
      latest: true,
      title: { zh: '年度试点项目申报' },
      startedBy: { scope: 'college' },
    });
    const states = new Map(project?.states.map((s) => [s.id, s]));
    expect(states.get('collegeReview')?.events).toEqual(
      expect.arrayContaining(['APPROVE', 'RETURN', 'REJECT', 'WITHDRAW', 'TRANSFER']),
    );
    expect(states.get('collegeReview')?.tasks[0]).toMatchObject({
      role: 'college_lead',
      scope: 'college',
      approval: true,
    });
    expect(states.get('returned')?.events).toEqual(['RESUBMIT', 'WITHDRAW']);
    expect(states.get('approved')).toMatchObject({ final: true, status: 'completed', events: [] });
    expect(states.get('rejected')).toMatchObject({ final: true, status: 'rejected' });
    expect(project?.diagram).toMatch(/^stateDiagram-v2\n/);
    expect(project?.diagram).toContain('collegeReview --> academicReview : APPROVE');
    // Every project is decided by the 领导小组 (第六条2).
    expect(project?.diagram).toContain('academicReview --> leadershipReview : APPROVE');
    expect(states.get('leadershipReview')?.tasks[0]).toMatchObject({ role: 'leadership' });
    expect(project?.inputSchema).toMatchObject({
      type: 'object',
      required: expect.arrayContaining(['year', 'collegeId']),
    });
    const assessment = items.find((f) => f.id === 'assessment');
    expect(
      assessment?.states.find((s) => s.id === 'running.cycle.site.review')?.tasks[0]?.role,
    ).toBe('evaluation_org');
  });

  it('publishes an OpenAPI document generated from the request schemas', async () => {
    const doc = (await world().anonymous.openapi()) as {
      openapi: string;
      paths: Record<string, Record<string, { parameters?: Array<{ name: string }> }>>;
      components: {
        schemas: Record<string, { properties?: Record<string, unknown>; required?: string[] }>;
      };
    };
    expect(doc.openapi).toBe('3.1.0');
    // Every route of the app is in the document (features add theirs; these are the core).
    expect(Object.keys(doc.paths)).toEqual(
      expect.arrayContaining([
        '/api/directory/import',
        '/api/directory/users',
        '/api/events',
        '/api/flows',
        '/api/instances',
        '/api/instances/{id}',
        '/api/instances/{id}/events',
        '/api/instances/{id}/history',
        '/api/instances/{id}/verify',
        '/api/quotas/{year}/{collegeId}',
        '/api/statistics',
        '/api/tasks',
        '/api/webhooks',
        '/api/webhooks/{id}',
        '/api/webhooks/{id}/deliveries',
        '/api/webhooks/{id}/deliveries/{deliveryId}/redeliver',
        '/healthz',
      ]),
    );
    expect(Object.keys(doc.paths['/api/quotas/{year}/{collegeId}'] ?? {}).sort()).toEqual([
      'get',
      'put',
    ]);
    expect(doc.paths['/api/instances/{id}/events']?.post?.parameters?.map((p) => p.name)).toEqual(
      expect.arrayContaining(['id', 'if-match', 'idempotency-key']),
    );
    expect(doc.components.schemas['SendEvent']?.required).toEqual(['type']);
    // Uploaded files are named by their upload ids (docs/attachments.md).
    expect(Object.keys(doc.components.schemas['StartInstance']?.properties ?? {})).toEqual([
      'flow',
      'input',
      'attachments',
    ]);
    expect(doc.components.schemas['Error']?.required).toEqual(['code', 'message', 'messageEn']);
  });
}
