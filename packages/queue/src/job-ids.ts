/**
 * BullMQ job ids derived from database row ids, so re-enqueueing a row never duplicates its job.
 * BullMQ forbids `:` in custom ids and ids made only of digits: every id gets a kind prefix, and
 * `%` and `:` of the row id are percent-encoded (an injective mapping).
 */
function encode(rowId: string): string {
  return rowId.replaceAll('%', '%25').replaceAll(':', '%3A');
}

export function timerJobId(timerId: string): string {
  return `timer-${encode(timerId)}`;
}

/** One job per delivery attempt: a retry is a new job, the finished one keeps its id. */
export function outboxJobId(outboxId: string, attempt: number): string {
  return `outbox-${encode(outboxId)}-a${attempt}`;
}

/** The engine idempotency key of one occurrence of a recurring call (one per started input). */
export function occurrenceKey(callId: string, occurrence: Date, index: number): string {
  return `recurring:${callId}:${occurrence.toISOString()}:${index}`;
}
