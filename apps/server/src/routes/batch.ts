import { createRoute, type OpenAPIHono, type z } from '@hono/zod-openapi';
import type { JsonObject } from '@certflow/engine';
import { assertMayAct } from '../access/read-access.js';
import type { AppDeps, AppEnv } from '../app-env.js';
import { batchAllowed } from '../flows/batch-allowed.js';
import { errorResponse } from '../http/error-handler.js';
import { opsRefusal } from '../http/ops-errors.js';
import { commandErrorResponses, json } from '../schemas/common.js';
import { commandHeaders } from '../schemas/instance.js';
import { batchBody, batchResultSchema } from '../schemas/operations.js';
import { visibleTask } from '../http/visible-task.js';
import { attachmentStoreOf, resolveAttachments } from './attachments.js';

type ItemResult = z.infer<typeof batchResultSchema>['items'][number];

const batch = createRoute({
  operationId: 'batchApprove',
  method: 'post',
  path: '/api/tasks/batch',
  tags: ['operations'],
  security: [{ bearer: [] }],
  summary: '批量审批: approve several tasks, each on its own version and rules; a result per item',
  request: {
    headers: commandHeaders.pick({ 'idempotency-key': true }),
    body: { content: json(batchBody), required: true },
  },
  responses: {
    200: {
      description: 'every item decided or refused on its own (refused items changed nothing)',
      content: json(batchResultSchema),
    },
    ...commandErrorResponses,
  },
});

/**
 * 批量审批 (as Feishu restricts it): only tasks of steps whose flow allows it (`batch: true`).
 * Every item is its own command — its own instance version (`ifMatch`), rules and separation of
 * duties, one write — so a refused item leaves the others as they were decided, and nothing is
 * half-applied inside an item. With an Idempotency-Key, item `n` is sent with `<key>:<taskId>`:
 * a repeated batch replays the items that were applied and retries the others.
 */
export function batchRoutes(app: OpenAPIHono<AppEnv>, deps: AppDeps): void {
  const files = attachmentStoreOf(deps);
  app.openapi(batch, async (c) => {
    const actor = c.get('actor');
    assertMayAct(actor);
    const body = c.req.valid('json');
    const key = c.req.valid('header')['idempotency-key'];
    const seen = new Set<string>();
    const results: ItemResult[] = [];
    for (const item of body.items) {
      try {
        if (seen.has(item.taskId)) {
          throw opsRefusal(
            'BATCH_NOT_ALLOWED',
            { taskId: item.taskId, reason: 'duplicate' },
            { zh: '同一待办在批量审批中重复出现', en: 'The same task appears twice in the batch' },
          );
        }
        seen.add(item.taskId);
        const task = await visibleTask(c, deps, item.taskId);
        const row = await deps.store.read.getInstance(task.instanceId);
        if (!row || !batchAllowed(deps.engine.flows, task, row.flowVersion)) {
          throw opsRefusal('BATCH_NOT_ALLOWED', { taskId: item.taskId, step: task.step });
        }
        const comment = item.comment ?? body.comment;
        // The item's uploads → their recorded refs in its APPROVE row, as POST …/events does.
        const attachments = await resolveAttachments(files, actor, item.attachments);
        const view = await deps.engine.send(
          task.instanceId,
          {
            type: 'APPROVE',
            taskId: item.taskId,
            ...(comment === undefined ? {} : { comment }),
            ...(attachments.length > 0
              ? { data: { attachments: attachments as unknown as JsonObject[] } }
              : {}),
          },
          actor,
          {
            ...(item.ifMatch === undefined ? {} : { expectedVersion: item.ifMatch }),
            ...(key === undefined ? {} : { idempotencyKey: `${key}:${item.taskId}` }),
          },
        );
        deps.afterCommand?.(view.id);
        results.push({
          taskId: item.taskId,
          ok: true,
          instanceId: view.id,
          version: view.version,
          state: view.state,
          status: view.status,
          error: null,
        });
      } catch (error) {
        const answer = errorResponse(error);
        // Items already decided stay decided: a failure of one (even a 503) is its own result.
        if (answer.internal)
          deps.logger.error({ err: error, taskId: item.taskId }, 'batch item failed');
        const code = answer.body.code === 'NOT_FOUND' ? 'TASK_NOT_FOUND' : answer.body.code;
        results.push({
          taskId: item.taskId,
          ok: false,
          instanceId: null,
          version: null,
          state: null,
          status: null,
          error: {
            status: answer.status,
            code,
            message: answer.body.message,
            messageEn: answer.body.messageEn,
            ...(answer.body.details ? { details: answer.body.details } : {}),
          },
        });
      }
    }
    const approved = results.filter((r) => r.ok).length;
    return c.json({ approved, refused: results.length - approved, items: results }, 200);
  });
}
