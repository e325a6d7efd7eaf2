import type { Actor, CommandEvent } from '@certflow/engine';
import { createRoute, type OpenAPIHono, type z } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { assertMayAct, assertMayRead, hidingMissing } from '../access/read-access.js';
import type { AppDeps, AppEnv } from '../app-env.js';
import { etagOf, parseIfMatch } from '../http/if-match.js';
import { opsRefusal } from '../http/ops-errors.js';
import { presentInstance } from '../http/present.js';
import { visibleTask, type VisibleTask } from '../http/visible-task.js';
import { commandErrorResponses, idParam, json } from '../schemas/common.js';
import { commandHeaders, instanceSchema } from '../schemas/instance.js';
import {
  addSignerBody,
  ccBody,
  delegateBody,
  removeSignerBody,
  resolveBody,
  returnBody,
  takeBackBody,
  taskIdParam,
  transferBody,
} from '../schemas/operations.js';

/**
 * The approval operations (docs/http-api.md § Approval operations): each one row of
 * `OPERATIONS` — its route, its body schema and the engine event it sends. Every one goes the
 * same way: authorize, find the task (or the instance) the caller may see, send the event on the
 * engine's one command path with the request's If-Match and Idempotency-Key, answer the instance.
 */
type Event = Omit<CommandEvent, 'taskId'>;

interface Operation<B extends z.ZodType> {
  readonly operationId: string;
  /** On a task (`/api/tasks/{taskId}/…`) or on an instance (`/api/instances/{id}/…`). */
  readonly on: 'task' | 'instance';
  readonly path: string;
  readonly summary: string;
  readonly body: B;
  readonly event: (body: z.output<B>) => Event;
  /** A refusal the route makes before the engine is asked (the task as the caller sees it). */
  readonly check?: (task: VisibleTask, actor: Actor) => void;
}

const withComment = (comment: string | undefined) => (comment === undefined ? {} : { comment });

/** Keeps each row's body type tied to its `event` (an array literal would widen them). */
const op = <B extends z.ZodType>(o: Operation<B>): Operation<z.ZodType> => o;

const OPERATIONS: readonly Operation<z.ZodType>[] = [
  op({
    operationId: 'delegateTask',
    on: 'task',
    path: 'delegate',
    summary: '委派: hand the task to a colleague of the same role; it comes back to you to decide',
    body: delegateBody,
    event: ({ to, comment }) => ({ type: 'DELEGATE', data: { to }, ...withComment(comment) }),
  }),
  op({
    operationId: 'resolveDelegation',
    on: 'task',
    path: 'resolve',
    summary: '委派办理完毕: the delegate gives their opinion and the task returns to the delegator',
    body: resolveBody,
    event: ({ comment }) => ({ type: 'RESOLVE', ...withComment(comment) }),
    check: (task, actor) => {
      if (task.kind !== 'delegated' || task.assignee !== actor.id) {
        throw opsRefusal('NOT_YOUR_DELEGATION', { taskId: task.id });
      }
    },
  }),
  op({
    operationId: 'transferTask',
    on: 'task',
    path: 'transfer',
    summary: '转办: the task moves to another holder of its role, for good',
    body: transferBody,
    event: ({ to, comment }) => ({ type: 'TRANSFER', data: { to }, ...withComment(comment) }),
  }),
  op({
    operationId: 'addSigner',
    on: 'task',
    path: 'add-signer',
    summary: '加签: another approver decides this step before, after or alongside you',
    body: addSignerBody,
    event: ({ userId, position, comment }) => ({
      type: 'ADD_APPROVER',
      data: { userId, position },
      ...withComment(comment),
    }),
  }),
  op({
    operationId: 'returnToStep',
    on: 'task',
    path: 'return',
    summary:
      '退回 to a chosen earlier step (or `applicant`), re-assigned to whoever decided it there',
    body: returnBody,
    // `applicant`: the flow's own 退回 (to the applicant); any other step: 退回 to that step.
    event: ({ toStep, comment }) => ({
      type: 'RETURN',
      ...(toStep === 'applicant' ? {} : { data: { toStep } }),
      comment,
    }),
  }),
  op({
    operationId: 'copyTask',
    on: 'task',
    path: 'cc',
    summary: '抄送: tell people who may read the instance (no task for them)',
    body: ccBody,
    event: ({ userIds, comment }) => ({ type: 'CC', data: { userIds }, ...withComment(comment) }),
  }),
  op({
    operationId: 'removeSigner',
    on: 'instance',
    path: 'remove-signer',
    summary: '减签: take off an approver you added, while they have not decided',
    body: removeSignerBody,
    event: ({ userId, comment }) => ({
      type: 'REMOVE_APPROVER',
      data: { userId },
      ...withComment(comment),
    }),
  }),
  op({
    operationId: 'takeBack',
    on: 'instance',
    path: 'take-back',
    summary: '拿回: take back your last approval while the next step has not acted',
    body: takeBackBody,
    event: ({ comment }) => ({ type: 'TAKE_BACK', ...withComment(comment) }),
  }),
];

function routeOf(o: Operation<z.ZodType>) {
  const onTask = o.on === 'task';
  return createRoute({
    operationId: o.operationId,
    method: 'post',
    path: onTask ? `/api/tasks/{taskId}/${o.path}` : `/api/instances/{id}/${o.path}`,
    tags: ['operations'],
    security: [{ bearer: [] }],
    summary: o.summary,
    request: {
      params: onTask ? taskIdParam : idParam,
      headers: commandHeaders,
      body: { content: json(o.body), required: true },
    },
    responses: {
      200: { description: 'accepted: the instance after it', content: json(instanceSchema) },
      ...commandErrorResponses,
    },
  });
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

export function operationRoutes(app: OpenAPIHono<AppEnv>, deps: AppDeps): void {
  for (const o of OPERATIONS) {
    app.openapi(routeOf(o), async (c) => {
      const actor = c.get('actor');
      const params = c.req.valid('param') as { taskId?: string; id?: string };
      const headers = c.req.valid('header');
      const event = o.event(c.req.valid('json'));
      if (params.taskId !== undefined) {
        assertMayAct(actor);
        const task = await visibleTask(c, deps, params.taskId);
        o.check?.(task, actor);
        return sendAs(c, deps, task.instanceId, { ...event, taskId: task.id }, headers);
      }
      const id = params.id ?? '';
      await assertMayRead(deps.db, actor, id);
      assertMayAct(actor);
      return sendAs(c, deps, id, event, headers);
    });
  }
}
