import { describe, expect, it } from 'vitest';
import { timeOrderedIds } from './ids.js';

describe('timeOrderedIds', () => {
  it('is a version 7, variant 10 UUID', () => {
    const id = timeOrderedIds()();
    expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });

  it('sorts in the order made, within one millisecond and past the counter', () => {
    const next = timeOrderedIds(() => 1_800_000_000_000);
    const made = Array.from({ length: 5000 }, () => next());
    expect([...made].sort()).toEqual(made);
    expect(new Set(made).size).toBe(made.length);
  });

  it('never goes backwards when the clock does', () => {
    let ms = 1_800_000_000_500;
    const next = timeOrderedIds(() => ms);
    const a = next();
    ms -= 400;
    const b = next();
    expect(b > a).toBe(true);
  });

  it('carries the milliseconds', () => {
    const id = timeOrderedIds(() => 0x0123456789ab)();
    expect(id.replace(/-/g, '').slice(0, 12)).toBe('0123456789ab');
  });
});
