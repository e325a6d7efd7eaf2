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

describe('timeOrderedIds at its bounds', () => {
  const parts = (id: string) => {
    const hex = id.replace(/-/g, '');
    return { ms: parseInt(hex.slice(0, 12), 16), counter: parseInt(hex.slice(13, 16), 16) };
  };

  it('the first id of a clock at 0 is at 0, counter 0', () => {
    expect(parts(timeOrderedIds(() => 0)())).toEqual({ ms: 0, counter: 0 });
  });

  it('one millisecond holds 4096 ids (counter 0 to fff); the next carries into the next millisecond', () => {
    const next = timeOrderedIds(() => 5_000);
    const made = Array.from({ length: 4097 }, () => parts(next()));
    expect(made[1]).toEqual({ ms: 5_000, counter: 1 });
    expect(made[4095]).toEqual({ ms: 5_000, counter: 0xfff });
    expect(made[4096]).toEqual({ ms: 5_001, counter: 0 });
  });

  it('the bits after the variant stay random', () => {
    const next = timeOrderedIds();
    const variants = new Set(Array.from({ length: 200 }, () => next().charAt(19)));
    expect([...variants].every((c) => '89ab'.includes(c))).toBe(true);
    expect(variants.size).toBeGreaterThan(1);
  });
});
