import type { CommandEvent, RoutePreview } from '@certflow/engine';
import { tasks } from '@certflow/db';
import { createRoute, type OpenAPIHono, z } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { eq } from 'drizzle-orm';
import { assertMayAct, assertMayRead, hidingMissing, notFound } from '../access/read-access.js';
import type { AppDeps, AppEnv } from '../app-env.js';
import { validationFailed } from '../http/error-handler.js';
import { etagOf, parseIfMatch } from '../http/if-match.js';
import { opsRefusal } from '../http/ops-errors.js';
import { presentInstance } from '../http/present.js';
import { stepStates } from '../http/step-states.js';
import { commandErrorResponses, errorResponses, idParam, json } from '../schemas/common.js';
import { commandHeaders, instanceSchema } from '../schemas/instance.js';
import {
  addSignerBody,
  ccBody,
  delegateBody,
  flowIdParam,
  previewSchema,
  removeSignerBody,
  resolveBody,
  returnBody,
  stepsSchema,
  takeBackBody,
  taskIdParam,
  transferBody,
} from '../schemas/operations.js';
import { withinDepth } from '../schemas/json-depth.js';
import { ISSUE } from '../schemas/messages.js';

const security = [{ bearer: [] }];

/** A route of one operation on a task: `POST /api/tasks/{taskId}/<path>`. */
function taskOperation<B extends z.ZodType>(
  operationId: string,
  path: string,
  summary: string,
  body: B,
) {
  return createRoute({
    operationId,
    method: 'post',
    path: `/api/tasks/{taskId}/${path}`,
    tags: ['operations'],
    security,
    summary,
    request: {
      params: taskIdParam,
      headers: commandHeaders,
      body: { content: json(body), required: true },
    },
    responses: {
      200: { description: 'accepted: the instance after it', content: json(instanceSchema) },
      ...commandErrorResponses,
    },
  });
}

/** A route of one operation on an instance: `POST /api/instances/{id}/<path>`. */
function instanceOperation<B extends z.ZodType>(
  operationId: string,
  path: string,
  summary: string,
  body: B,
) {
  return createRoute({
    operationId,
    method: 'post',
    path: `/api/instances/{id}/${path}`,
    tags: ['operations'],
    security,
    summary,
    request: {
      params: idParam,
      headers: commandHeaders,
      body: { content: json(body), required: true },
    },
    responses: {
      200: { description: 'accepted: the instance after it', content: json(instanceSchema) },
      ...commandErrorResponses,
    },
  });
}

const delegate = taskOperation(
  'delegateTask',
  'delegate',
  '委派: hand the task to a colleague of the same role; it comes back to you to decide',
  delegateBody,
);
const resolve = taskOperation(
  'resolveDelegation',
  'resolve',
  '委派办理完毕: the delegate gives their opinion and the task returns to the delegator',
  resolveBody,
);
const transfer = taskOperation(
  'transferTask',
  'transfer',
  '转办: the task moves to another holder of its role, for good',
  transferBody,
);
const addSigner = taskOperation(
  'addSigner',
  'add-signer',
  '加签: another approver decides this step before, after or alongside you',
  addSignerBody,
);
const returnTo = taskOperation(
  'returnToStep',
  'return',
  '退回 to a chosen earlier step (or `applicant`), re-assigned to whoever decided it there',
  returnBody,
);
const copy = taskOperation(
  'copyTask',
  'cc',
  '抄送: tell people who may read the instance (no task for them)',
  ccBody,
);
const removeSigner = instanceOperation(
  'removeSigner',
  'remove-signer',
  '减签: take off an approver you added, while they have not decided',
  removeSignerBody,
);
const takeBack = instanceOperation(
  'takeBack',
  'take-back',
  '拿回: take back your last approval while the next step has not acted',
  takeBackBody,
);

const steps = createRoute({
  operationId: 'getSteps',
  method: 'get',
  path: '/api/instances/{id}/steps',
  tags: ['operations'],
  security,
  summary: 'Each step decided or open: who decided, who is pending, the votes of 会签/依次',
  request: { params: idParam },
  responses: { 200: { description: 'the steps', content: json(stepsSchema) }, ...errorResponses },
});

const preview = createRoute({
  operationId: 'previewInstance',
  method: 'get',
  path: '/api/instances/{id}/preview',
  tags: ['operations'],
  security,
  summary: '流程预览: the steps ahead, who can act (substitutes applied), by when and why',
  request: { params: idParam },
  responses: {
    200: { description: 'the route ahead', content: json(previewSchema) },
    ...errorResponses,
  },
});

export const previewStartBody = z
  .object({
    input: z
      .unknown()
      .refine((v) => withinDepth(v), { message: ISSUE.tooDeep.en })
      .openapi({ description: 'the flow input, as for POST /api/instances' }),
  })
  .strict()
  .openapi('PreviewStart');

const previewFlow = createRoute({
  operationId: 'previewStart',
  method: 'post',
  path: '/api/flows/{flowId}/preview',
  tags: ['operations'],
  security,
  summary: '流程预览 of an application before it is submitted (refused as its start would be)',
  request: { params: flowIdParam, body: { content: json(previewStartBody), required: true } },
  responses: {
    200: { description: 'the route it would take', content: json(previewSchema) },
    ...commandErrorResponses,
  },
});

/** The engine's route preview as JSON (fresh objects, nothing extra). */
export function presentPreview(p: RoutePreview): z.infer<typeof previewSchema> {
  return {
    flow: p.flow,
    flowVersion: p.flowVersion,
    complete: p.complete,
    assumption: { zh: p.assumption.zh, en: p.assumption.en },
    steps: p.steps.map((s) => ({
      state: s.state,
      step: s.step,
      role: s.role,
      scope: s.scope,
      mode: s.mode,
      threshold: s.threshold,
      current: s.current,
      approvers: s.approvers.map((a) => ({
        id: a.id,
        name: a.name,
        substitute: a.substitute ? { id: a.substitute.id, name: a.substitute.name } : null,
      })),
      enteredAt: s.enteredAt,
      dueAt: s.dueAt,
      dueProvisional: s.dueProvisional,
      dueExplanation: s.dueExplanation
        ? { zh: s.dueExplanation.zh, en: s.dueExplanation.en }
        : null,
    })),
  };
}

/** An open or closed task as the operation routes need it; undefined when missing. */
export async function findTask(deps: AppDeps, taskId: string) {
  const [row] = await deps.db
    .select({
      id: tasks.id,
      instanceId: tasks.instanceId,
      flowId: tasks.flowId,
      state: tasks.state,
      step: tasks.step,
      kind: tasks.kind,
      assignee: tasks.assignee,
      status: tasks.status,
    })
    .from(tasks)
    .where(eq(tasks.id, taskId));
  return row;
}

/**
 * The task the caller may see, or `TASK_NOT_FOUND` — the same answer for a missing task and for a
 * task of an instance the caller may not read.
 */
export async function visibleTask(c: Context<AppEnv>, deps: AppDeps, taskId: string) {
  const task = await findTask(deps, taskId);
  if (!task) throw opsRefusal('TASK_NOT_FOUND', { taskId });
  try {
    await assertMayRead(deps.db, c.get('actor'), task.instanceId);
  } catch {
    throw opsRefusal('TASK_NOT_FOUND', { taskId });
  }
  return task;
}

type CommandHeaders = z.infer<typeof commandHeaders>;

/** Send `event` as the caller with the request's If-Match and Idempotency-Key; answer the instance. */
async function sendAs(
  c: Context<AppEnv>,
  deps: AppDeps,
  instanceId: string,
  event: CommandEvent,
  headers: CommandHeaders,
) {
  const expectedVersion = parseIfMatch(headers['if-match']);
  const key = headers['idempotency-key'];
  const view = await hidingMissing(() =>
    deps.engine.send(instanceId, event, c.get('actor'), {
      ...(expectedVersion === undefined ? {} : { expectedVersion }),
      ...(key === undefined ? {} : { idempotencyKey: key }),
    }),
  );
  deps.afterCommand?.(view.id);
  c.header('ETag', etagOf(view.version));
  return c.json(presentInstance(view), 200);
}

const withComment = (comment: string | undefined) => (comment === undefined ? {} : { comment });

export function operationRoutes(app: OpenAPIHono<AppEnv>, deps: AppDeps): void {
  const onTask = async (
    c: Context<AppEnv>,
    taskId: string,
    headers: CommandHeaders,
    event: Omit<CommandEvent, 'taskId'>,
  ) => {
    assertMayAct(c.get('actor'));
    const task = await visibleTask(c, deps, taskId);
    return sendAs(c, deps, task.instanceId, { ...event, taskId }, headers);
  };

  app.openapi(delegate, async (c) => {
    const { to, comment } = c.req.valid('json');
    return onTask(c, c.req.valid('param').taskId, c.req.valid('header'), {
      type: 'DELEGATE',
      data: { to },
      ...withComment(comment),
    });
  });

  app.openapi(resolve, async (c) => {
    const actor = c.get('actor');
    assertMayAct(actor);
    const { taskId } = c.req.valid('param');
    const task = await visibleTask(c, deps, taskId);
    if (task.kind !== 'delegated' || task.assignee !== actor.id) {
      throw opsRefusal('NOT_YOUR_DELEGATION', { taskId });
    }
    const { comment } = c.req.valid('json');
    return sendAs(
      c,
      deps,
      task.instanceId,
      { type: 'RESOLVE', taskId, ...withComment(comment) },
      c.req.valid('header'),
    );
  });

  app.openapi(transfer, async (c) => {
    const { to, comment } = c.req.valid('json');
    return onTask(c, c.req.valid('param').taskId, c.req.valid('header'), {
      type: 'TRANSFER',
      data: { to },
      ...withComment(comment),
    });
  });

  app.openapi(addSigner, async (c) => {
    const { userId, position, comment } = c.req.valid('json');
    return onTask(c, c.req.valid('param').taskId, c.req.valid('header'), {
      type: 'ADD_APPROVER',
      data: { userId, position },
      ...withComment(comment),
    });
  });

  app.openapi(returnTo, async (c) => {
    const { toStep, comment } = c.req.valid('json');
    return onTask(c, c.req.valid('param').taskId, c.req.valid('header'), {
      type: 'RETURN',
      // `applicant`: the flow's own 退回 (to the applicant); any other step: 退回 to that step.
      ...(toStep === 'applicant' ? {} : { data: { toStep } }),
      comment,
    });
  });

  app.openapi(copy, async (c) => {
    const { userIds, comment } = c.req.valid('json');
    return onTask(c, c.req.valid('param').taskId, c.req.valid('header'), {
      type: 'CC',
      data: { userIds },
      ...withComment(comment),
    });
  });

  app.openapi(removeSigner, async (c) => {
    const actor = c.get('actor');
    const { id } = c.req.valid('param');
    await assertMayRead(deps.db, actor, id);
    assertMayAct(actor);
    const { userId, comment } = c.req.valid('json');
    return sendAs(
      c,
      deps,
      id,
      { type: 'REMOVE_APPROVER', data: { userId }, ...withComment(comment) },
      c.req.valid('header'),
    );
  });

  app.openapi(takeBack, async (c) => {
    const actor = c.get('actor');
    const { id } = c.req.valid('param');
    await assertMayRead(deps.db, actor, id);
    assertMayAct(actor);
    const { comment } = c.req.valid('json');
    return sendAs(
      c,
      deps,
      id,
      { type: 'TAKE_BACK', ...withComment(comment) },
      c.req.valid('header'),
    );
  });

  app.openapi(steps, async (c) => {
    const { id } = c.req.valid('param');
    await assertMayRead(deps.db, c.get('actor'), id);
    const row = await deps.store.read.getInstance(id);
    if (!row) throw notFound();
    const open = await deps.store.read.openTasks(id);
    const flow = deps.engine.flows.get(row.flowId, row.flowVersion);
    const ids = new Set<string>([
      ...row.decisions.map((d) => d.actorId),
      ...open.flatMap((t) => (t.assignee ? [t.assignee] : [])),
      ...Object.values(row.steps).flatMap((p) =>
        p.rounds.flatMap((r) => [
          ...r.approved,
          ...(r.against ?? []),
          ...r.slots.flatMap((s) => (s.kind === 'person' ? [s.id] : [])),
        ]),
      ),
    ]);
    const names = new Map<string, string>();
    await Promise.all(
      [...ids].map(async (pid) => {
        const p = await deps.directory.getUser(pid);
        if (p) names.set(pid, p.name);
      }),
    );
    const items = stepStates(flow, row, open, (pid) => names.get(pid) ?? null);
    return c.json({ instanceId: row.id, version: row.version, items }, 200);
  });

  app.openapi(preview, async (c) => {
    const { id } = c.req.valid('param');
    await assertMayRead(deps.db, c.get('actor'), id);
    const route = await hidingMissing(() => deps.engine.preview(id));
    return c.json(presentPreview(route), 200);
  });

  app.openapi(previewFlow, async (c) => {
    const actor = c.get('actor');
    const { flowId } = c.req.valid('param');
    const { input } = c.req.valid('json');
    const parsed = deps.engine.flows.latest(flowId).input.safeParse(input);
    if (!parsed.success) throw validationFailed('input', parsed.error.issues);
    const route = await deps.engine.previewStart(flowId, input, actor);
    return c.json(presentPreview(route), 200);
  });
}
