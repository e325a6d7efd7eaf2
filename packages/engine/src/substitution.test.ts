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

describe('substitution periods at their bounds', () => {
  const at = (day: number) => `2026-12-${String(day).padStart(2, '0')}T00:00:00+08:00`;
  const parses = (...periods: ReturnType<typeof period>[]) =>
    substitutionValueSchema.safeParse({ periods }).success;

  it('a period of no length is refused, on `to`, saying why', () => {
    const empty = substitutionValueSchema.safeParse({ periods: [period('u-b', at(5), at(5))] });
    expect(empty.success).toBe(false);
    expect(empty.error?.issues.map((i) => [i.path.join('.'), i.message])).toEqual([
      ['periods.0.to', 'from must be before to'],
    ]);
  });

  it('one period may start when the last ends; starting a moment earlier overlaps, in whatever order given', () => {
    expect(parses(period('u-b', at(1), at(5)), period('u-c', at(5), at(9)))).toBe(true);
    expect(parses(period('u-c', at(5), at(9)), period('u-b', at(1), at(5)))).toBe(true);
    const early = period('u-c', '2026-12-04T23:59:59+08:00', at(9));
    expect(parses(period('u-b', at(1), at(5)), early)).toBe(false);
    const overlap = substitutionValueSchema.safeParse({
      periods: [early, period('u-b', at(1), at(5))],
    });
    expect(overlap.error?.issues.map((i) => [i.path.join('.'), i.message])).toEqual([
      ['periods', 'periods overlap'],
    ]);
  });

  it('a reason is trimmed and at most 200 characters', () => {
    const withReason = (reason: string) => ({
      periods: [{ ...period('u-b', at(1), at(5)), reason }],
    });
    expect(periodsOf(withReason('  出差  '))[0]?.reason).toBe('出差');
    expect(substitutionValueSchema.safeParse(withReason('差'.repeat(200))).success).toBe(true);
    expect(substitutionValueSchema.safeParse(withReason('差'.repeat(201))).success).toBe(false);
  });
});
