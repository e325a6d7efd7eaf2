import { describe, expect, it } from 'vitest';
import { activeSubstitute, periodsOf, substitutionValueSchema } from './substitution.js';

const period = (substituteId: string, from: string, to: string) => ({ substituteId, from, to });

describe('substitutions (代理人)', () => {
  const value = {
    periods: [
      period('u-b', '2026-12-01T00:00:00+08:00', '2026-12-08T00:00:00+08:00'),
      period('u-c', '2026-12-20T00:00:00+08:00', '2027-01-04T00:00:00+08:00'),
    ],
  };

  it('names whoever stands in at the instant, from inclusive, to exclusive', () => {
    expect(activeSubstitute(value, new Date('2026-11-30T16:00:00Z'))).toBe('u-b');
    expect(activeSubstitute(value, new Date('2026-12-07T15:59:59Z'))).toBe('u-b');
    expect(activeSubstitute(value, new Date('2026-12-07T16:00:00Z'))).toBeUndefined();
    expect(activeSubstitute(value, new Date('2026-12-25T00:00:00Z'))).toBe('u-c');
  });

  it('refuses overlapping periods and a period that ends before it starts', () => {
    expect(substitutionValueSchema.safeParse(value).success).toBe(true);
    const overlap = {
      periods: [
        ...value.periods,
        period('u-d', '2026-12-05T00:00:00+08:00', '2026-12-06T00:00:00+08:00'),
      ],
    };
    expect(substitutionValueSchema.safeParse(overlap).success).toBe(false);
    const backwards = { periods: [period('u-d', '2026-12-06T00:00:00Z', '2026-12-05T00:00:00Z')] };
    expect(substitutionValueSchema.safeParse(backwards).success).toBe(false);
  });

  it('reads a row that does not parse as no substitution', () => {
    expect(periodsOf({ periods: 'x' })).toEqual([]);
    expect(activeSubstitute(undefined, new Date())).toBeUndefined();
  });
});
