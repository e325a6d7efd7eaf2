import { isDomainError } from '@certflow/engine';
import type { FlowModel } from './flow-model.js';
import type { MemoryWorld } from './memory-world.js';

/** Refused with `code`, and the store (with the watched references) is byte-for-byte unchanged. */
export async function expectRefused(
  w: MemoryWorld,
  watch: FlowModel['watch'],
  attempt: () => Promise<unknown>,
  codes: readonly string[],
  what: string,
): Promise<void> {
  const before = await w.dump(watch);
  let error: unknown;
  try {
    await attempt();
  } catch (e) {
    error = e;
  }
  if (!isDomainError(error))
    throw new Error(
      `${what}: expected ${codes.join('|')}, got ${error instanceof Error ? `${error.name}: ${error.message}` : 'success'}`,
    );
  if (!codes.includes(error.code))
    throw new Error(`${what}: expected ${codes.join('|')}, got ${error.code}`);
  if ((await w.dump(watch)) !== before) throw new Error(`${what}: refused but the store changed`);
}
