import { projectApplication } from '@certflow/pilot/testing';
import type { CertflowClient, Instance } from '@certflow/client';

export { projectApplication };

/**
 * Another certificate: a college applies once per year and certificate (第六条2), so a test with
 * several applications of one college gives each its own.
 */
export function certificate(code: string): {
  certificate: { code: string; name: string; level: 'intermediate' };
} {
  return { certificate: { code, name: `证书${code}`, level: 'intermediate' } };
}

/** Let the `ee` college of 2027 apply within quota (no over-quota flag) unless told otherwise. */
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
  overrides: Parameters<typeof projectApplication>[0] & { justification?: string } = {},
): Promise<Instance> {
  const { justification, ...input } = overrides;
  return owner.startInstance('pilot-project', {
    ...projectApplication(input),
    ...(justification ? { justification } : {}),
  });
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
