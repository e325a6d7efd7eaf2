import { refuse } from '@certflow/engine';
import { QUOTA_REF, quota, quotaKey } from '@certflow/pilot';
import { createRoute, type OpenAPIHono } from '@hono/zod-openapi';
import { assertMayAct, readsEverything } from '../access/read-access.js';
import type { AppDeps, AppEnv } from '../app-env.js';
import { COLLEGE_REF } from '../directory/reference-kinds.js';
import { commandErrorResponses, errorResponses, json } from '../schemas/common.js';
import { quotaBody, quotaParams, quotaRecordSchema } from '../schemas/quota.js';

const tags = ['reference data'];
const security = [{ bearer: [] }];

const put = createRoute({
  operationId: 'putQuota',
  method: 'put',
  path: '/api/quotas/{year}/{collegeId}',
  tags,
  security,
  summary: "Set a college's pilot scale and last year's executed budget (academic_affairs only)",
  request: { params: quotaParams, body: { content: json(quotaBody), required: true } },
  responses: {
    200: { description: 'stored', content: json(quotaRecordSchema) },
    ...commandErrorResponses,
  },
});

const get = createRoute({
  operationId: 'getQuota',
  method: 'get',
  path: '/api/quotas/{year}/{collegeId}',
  tags,
  security,
  summary: "A college's quota (school readers, and the college's own people)",
  request: { params: quotaParams },
  responses: {
    200: { description: 'the quota', content: json(quotaRecordSchema) },
    ...errorResponses,
  },
});

export function quotaRoutes(app: OpenAPIHono<AppEnv>, deps: AppDeps): void {
  app.openapi(put, async (c) => {
    const actor = c.get('actor');
    assertMayAct(actor);
    if (!actor.roles.includes('academic_affairs')) {
      throw refuse('NOT_AUTHORIZED', { requires: 'academic_affairs' });
    }
    const { year, collegeId } = c.req.valid('param');
    const value = quota.parse(c.req.valid('json'));
    if (!(await deps.store.read.reference(COLLEGE_REF, collegeId))) {
      throw refuse('NOT_FOUND', { collegeId }, { zh: '没有该二级学院', en: 'No such college' });
    }
    await deps.engine.putReference({
      kind: QUOTA_REF,
      key: quotaKey(year, collegeId),
      value,
      actor,
      audit: { action: 'quota.put', data: value },
    });
    deps.logger.info({ actor: actor.id, year, collegeId, ...value }, 'quota set');
    return c.json({ year, collegeId, ...value }, 200);
  });

  app.openapi(get, async (c) => {
    const actor = c.get('actor');
    const { year, collegeId } = c.req.valid('param');
    if (!readsEverything(actor) && actor.college !== collegeId) {
      throw refuse('NOT_AUTHORIZED', { collegeId });
    }
    const stored = quota.safeParse(
      await deps.store.read.reference(QUOTA_REF, quotaKey(year, collegeId)),
    );
    if (!stored.success) throw refuse('NOT_FOUND', { quota: quotaKey(year, collegeId) });
    return c.json({ year, collegeId, ...stored.data }, 200);
  });
}
