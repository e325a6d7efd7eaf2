import { describe, expect, it } from 'vitest';
import { checkCallWindow, nextCall, openCall } from './call-window.js';

const bj = (local: string): Date => new Date(`${local}+08:00`);

describe('the autumn call window (第七条2)', () => {
  const window = { start: '09-01', end: '12-31' };

  it('open from the semester start to the end, for the next year (Beijing dates)', () => {
    expect(openCall(window, bj('2026-09-01T00:00:00'))).toEqual({
      year: 2027,
      opens: '2026-09-01',
      closes: '2026-12-31',
    });
    expect(openCall(window, bj('2026-12-31T23:59:59'))?.year).toBe(2027);
    // 31 August 17:00 UTC is already 1 September in Beijing.
    expect(openCall(window, new Date('2026-08-31T17:00:00Z'))?.year).toBe(2027);
    expect(openCall(window, bj('2026-08-31T23:59:59'))).toBeUndefined();
    expect(openCall(window, bj('2027-01-01T00:00:00'))).toBeUndefined();
  });

  it('a window that runs into January still applies for the year after the autumn', () => {
    const w = { start: '10-15', end: '01-10' };
    expect(openCall(w, bj('2027-01-10T12:00:00'))).toEqual({
      year: 2027,
      opens: '2026-10-15',
      closes: '2027-01-10',
    });
    expect(openCall(w, bj('2026-11-01T12:00:00'))?.year).toBe(2027);
    expect(openCall(w, bj('2027-01-11T12:00:00'))).toBeUndefined();
  });

  it('the next window, for a refusal that says when to come back', () => {
    expect(nextCall(window, bj('2027-03-01T09:00:00'))).toEqual({
      year: 2028,
      opens: '2027-09-01',
      closes: '2027-12-31',
    });
  });

  it('refuses dates no calendar has', () => {
    expect(() => checkCallWindow({ start: '02-30', end: '12-31' })).toThrow(RangeError);
    expect(() => checkCallWindow({ start: '9-1', end: '12-31' })).toThrow(RangeError);
  });
});
