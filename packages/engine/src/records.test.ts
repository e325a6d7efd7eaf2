import { describe, expect, it } from 'vitest';
import { GENESIS_HASH } from './core/hash.js';
import { INSTANCE_STATUSES } from './records.js';
import { SUBSTITUTION_REF } from './substitution.js';

// Constants the engine exports to its users (the db package, the server), pinned.

describe('exported constants', () => {
  it('the instance statuses, the substitution reference kind, the genesis hash', () => {
    expect(INSTANCE_STATUSES).toEqual([
      'active',
      'completed',
      'rejected',
      'withdrawn',
      'cancelled',
    ]);
    expect(SUBSTITUTION_REF).toBe('substitution');
    expect(GENESIS_HASH).toBe('0000000000000000000000000000000000000000000000000000000000000000');
  });
});
