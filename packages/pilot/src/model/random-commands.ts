import {
  SYSTEM_ACTOR,
  TASK_OPERATIONS,
  type Actor,
  type AnyFlow,
  type JsonObject,
} from '@certflow/engine';
import fc from 'fast-check';
import { cast } from './cast.js';

/** One random command: an event (good or bad) with a payload (good or bad), by anyone. */
export interface RandomCommand {
  readonly kind: 'send' | 'timer';
  readonly type: string;
  readonly data: JsonObject | undefined;
  readonly actor: Actor;
  /** Index into the open tasks (modulo), or a made-up id, or none. */
  readonly task: number | string | undefined;
  readonly comment: string | undefined;
  readonly expectedVersion: number | undefined;
}

/** Actors outside the directory: the system, a ghost, nobody, a would-be admin, one of all roles. */
export const strangers: Actor[] = [
  SYSTEM_ACTOR,
  { id: 'u-ghost', roles: ['college_lead'], college: 'ee' },
  { id: 'u-nobody', roles: [] },
  { id: 'u-admin', roles: ['admin', 'superuser'] },
  {
    id: 'u-multi',
    roles: ['leadership', 'academic_affairs', 'college_lead', 'finance'],
    college: 'ee',
  },
];

const jsonObject: fc.Arbitrary<JsonObject> = fc.dictionary(
  fc.string({ maxLength: 8 }),
  fc.jsonValue({ maxDepth: 2 }) as fc.Arbitrary<JsonObject[string]>,
  { maxKeys: 4 },
);

/**
 * Commands for `flow`: its own events and the task operations, with the model's payloads
 * (`payloads`, by event type), payloads of other operations, or junk.
 */
export function randomCommand(
  flow: AnyFlow,
  payloads: Readonly<Record<string, readonly JsonObject[]>>,
): fc.Arbitrary<RandomCommand> {
  const own = Object.keys(flow.events);
  const timerEvents = Object.values(flow.states).flatMap((s) => [
    ...(s.timeout ? [s.timeout.event] : []),
    ...(s.tasks ?? []).flatMap((t) => (t.timeoutEvent ? [t.timeoutEvent] : [])),
  ]);
  const type = fc.oneof(
    { weight: 6, arbitrary: fc.constantFrom(...own) },
    { weight: 2, arbitrary: fc.constantFrom(...TASK_OPERATIONS) },
    {
      weight: 1,
      arbitrary: fc.constantFrom(
        'NO_SUCH_EVENT',
        'approve',
        '',
        'APPROVE ',
        'START',
        ...timerEvents,
      ),
    },
    { weight: 1, arbitrary: fc.string({ maxLength: 12 }) },
  );
  const data = (t: string): fc.Arbitrary<JsonObject | undefined> =>
    fc.oneof(
      { weight: 3, arbitrary: fc.constant<JsonObject | undefined>(undefined) },
      {
        weight: 3,
        arbitrary: fc.constantFrom<JsonObject | undefined>(
          ...(Object.hasOwn(payloads, t) ? (payloads[t] ?? []) : []),
          undefined,
        ),
      },
      { weight: 2, arbitrary: jsonObject },
      {
        weight: 2,
        arbitrary: fc.constantFrom<JsonObject>(
          { to: 'u-lead2' },
          { to: 'u-aa2' },
          { to: 'u-owner' },
          { userId: 'u-aa2' },
          { userId: 'u-president2' },
          { userIds: ['u-audit', 'u-fin'] },
          { userIds: [] },
          ...Object.values(payloads).flat(),
        ),
      },
    );
  return type.chain((t) =>
    fc.record({
      kind: fc.constantFrom<'send' | 'timer'>('send', 'send', 'send', 'send', 'timer'),
      type: fc.constant(t),
      data: data(t),
      actor: fc.constantFrom(...cast, ...strangers),
      task: fc.option(fc.oneof(fc.nat(3), fc.string({ maxLength: 10 })), { nil: undefined }),
      comment: fc.option(fc.string({ maxLength: 40 }), { nil: undefined }),
      expectedVersion: fc.option(fc.nat(6), { nil: undefined }),
    }),
  );
}
