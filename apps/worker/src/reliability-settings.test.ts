import { describe, expect, it } from 'vitest';
import { reliabilitySettingsFromEnv } from './reliability-settings.js';
import { WorkerConfigError } from './worker-config.js';

describe('worker reliability settings', () => {
  it('defaults to a 3 s lock, a 1 s stall check, 2 stalls, an 8 s shutdown, a 1.5 s health check', () => {
    expect(reliabilitySettingsFromEnv({})).toEqual({
      WORKER_LOCK_DURATION_MS: 3000,
      WORKER_STALLED_INTERVAL_MS: 1000,
      WORKER_MAX_STALLED_COUNT: 2,
      WORKER_SHUTDOWN_TIMEOUT_MS: 8000,
      WORKER_HEALTH_TIMEOUT_MS: 1500,
    });
  });

  it('reads each from the environment and names a bad one', () => {
    expect(
      reliabilitySettingsFromEnv({ WORKER_LOCK_DURATION_MS: '30000' }).WORKER_LOCK_DURATION_MS,
    ).toBe(30_000);
    expect(() => reliabilitySettingsFromEnv({ WORKER_STALLED_INTERVAL_MS: 'soon' })).toThrow(
      WorkerConfigError,
    );
    expect(() => reliabilitySettingsFromEnv({ WORKER_LOCK_DURATION_MS: '10' })).toThrow(
      /WORKER_LOCK_DURATION_MS/,
    );
  });
});
