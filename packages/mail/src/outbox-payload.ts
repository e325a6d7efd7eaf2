import { InfrastructureError, type OutboxRecord } from '@certflow/engine';
import type { z } from 'zod';

/**
 * The payload of an outbox row this handler is for, parsed; a row of another kind or with a bad
 * payload is refused for good (`retryable: false`): delivering it again cannot help.
 */
export function outboxPayload<S extends z.ZodType>(
  row: OutboxRecord,
  kind: string,
  schema: S,
  what: string,
): z.infer<S> {
  if (row.kind !== kind) {
    throw new InfrastructureError('MAIL_WRONG_KIND', `not a ${what} row: ${row.kind}`, {
      retryable: false,
    });
  }
  const parsed = schema.safeParse(row.payload);
  if (!parsed.success) {
    throw new InfrastructureError('MAIL_BAD_PAYLOAD', `outbox ${row.id}: ${parsed.error.message}`, {
      retryable: false,
    });
  }
  return parsed.data;
}
