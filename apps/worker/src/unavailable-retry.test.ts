import { InfrastructureError } from '@certflow/engine';
import { exponentialRetry } from '@certflow/queue';
import { describe, expect, it } from 'vitest';
import { retrySoonWhenUnavailable } from './unavailable-retry.js';

const now = new Date('2026-12-01T09:00:00+08:00');
const unavailable = new InfrastructureError('DATABASE_UNAVAILABLE', 'database: CONNECTION_CLOSED', {
  retryable: true,
});
const after = (at: Date | null) => (at ? at.getTime() - now.getTime() : null);

describe('retrySoonWhenUnavailable', () => {
  const policy = retrySoonWhenUnavailable(exponentialRetry({ baseMs: 30_000, maxAttempts: 10 }));

  it('retries a delivery PostgreSQL could not record after 1, 2 and 4 s, then as the fallback', () => {
    const delays = [1, 2, 3, 4].map((attempts) =>
      after(policy.nextAttemptAt({ attempts, error: unavailable, now })),
    );
    expect(delays).toEqual([1_000, 2_000, 4_000, 240_000]);
  });

  it('leaves every other failure to the fallback (an SMTP refusal waits 30 s)', () => {
    const smtp = new InfrastructureError('SMTP_DOWN', 'try later', { retryable: true });
    expect(after(policy.nextAttemptAt({ attempts: 1, error: smtp, now }))).toBe(30_000);
    const permanent = new InfrastructureError('DB_ERROR', 'bad', { retryable: false });
    expect(policy.nextAttemptAt({ attempts: 1, error: permanent, now })).toBeNull();
  });
});
