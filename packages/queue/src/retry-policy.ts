import { InfrastructureError, isDomainError } from '@certflow/engine';

/** When to try a failed outbox row again; `null` = give up (the row becomes `failed`). */
export interface RetryPolicy {
  nextAttemptAt(args: { attempts: number; error: unknown; now: Date }): Date | null;
}

/** A failure that retrying cannot fix: a domain refusal or a non-retryable infrastructure error. */
export function isPermanent(error: unknown): boolean {
  return isDomainError(error) || (error instanceof InfrastructureError && !error.retryable);
}

/**
 * Exponential backoff: `baseMs · 2^(attempts−1)`, capped at `maxDelayMs`, for at most
 * `maxAttempts` attempts in all. `attempts` counts the failures so far, this one included.
 */
export function exponentialRetry(
  options: { baseMs?: number; maxDelayMs?: number; maxAttempts?: number } = {},
): RetryPolicy {
  const base = options.baseMs ?? 30_000;
  const max = options.maxDelayMs ?? 3_600_000;
  const maxAttempts = options.maxAttempts ?? 10;
  return {
    nextAttemptAt({ attempts, error, now }) {
      if (isPermanent(error) || attempts >= maxAttempts) return null;
      const delay = Math.min(max, base * 2 ** Math.max(0, attempts - 1));
      return new Date(now.getTime() + delay);
    },
  };
}

export const defaultRetryPolicy: RetryPolicy = exponentialRetry();

export function errorText(error: unknown): string {
  if (error instanceof Error) {
    const code = (error as { code?: unknown }).code;
    return typeof code === 'string' ? `${code}: ${error.message}` : error.message;
  }
  return String(error);
}
