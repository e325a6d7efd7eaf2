import { projectApplication } from '@certflow/pilot/testing';
import type { CertflowClient, Instance } from '@certflow/client';

export { projectApplication };

/** Let the `ee` college of 2027 apply within quota (no leadership step) unless told otherwise. */
export async function setQuota(
  academic: CertflowClient,
  scale = 100,
  budget = 10_000_000,
): Promise<void> {
  await academic.putQuota(2027, 'ee', { scale, budget });
}

/** Start a pilot-project application as `owner`. */
export function applyProject(
  owner: CertflowClient,
  overrides: Parameters<typeof projectApplication>[0] = {},
): Promise<Instance> {
  return owner.startInstance('pilot-project', projectApplication(overrides));
}

/** Catch the rejection of a client call. */
export async function failure(
  promise: Promise<unknown>,
): Promise<{ status: number; code: string; details?: Record<string, unknown> }> {
  try {
    await promise;
  } catch (error) {
    const e = error as { status: number; code: string; details?: Record<string, unknown> };
    return { status: e.status, code: e.code, ...(e.details ? { details: e.details } : {}) };
  }
  throw new Error('expected the call to fail');
}
