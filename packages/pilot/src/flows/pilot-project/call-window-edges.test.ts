import { describe, expect, it } from 'vitest';
import { nextCall, openCall } from './call-window.js';

const bj = (local: string): Date => new Date(`${local}+08:00`);

/** The call window (第七条2) at its edges: a one-day window, the first and last day, Beijing time. */
describe('the autumn call window at its edges', () => {
  it('a one-day window is open that day only, and closes the same year', () => {
    const day = { start: '10-01', end: '10-01' };
    expect(openCall(day, bj('2026-10-01T12:00:00'))).toEqual({
      year: 2027,
      opens: '2026-10-01',
      closes: '2026-10-01',
    });
    expect(openCall(day, bj('2026-10-02T12:00:00'))).toBeUndefined();
    expect(openCall(day, bj('2026-09-30T12:00:00'))).toBeUndefined();
  });

  it('a window ending before the year does: closed after its last day though after its first', () => {
    const autumn = { start: '09-01', end: '11-30' };
    expect(openCall(autumn, bj('2026-11-30T23:59:59'))?.closes).toBe('2026-11-30');
    expect(openCall(autumn, bj('2026-12-15T09:00:00'))).toBeUndefined();
  });

  it('a window into January is open on its first day', () => {
    const w = { start: '10-15', end: '01-10' };
    expect(openCall(w, bj('2026-10-15T00:00:00'))).toEqual({
      year: 2027,
      opens: '2026-10-15',
      closes: '2027-01-10',
    });
    expect(openCall(w, bj('2026-10-14T23:59:59'))).toBeUndefined();
  });

  it('the next call: on or after its first day it is next autumn’s, before it this autumn’s (Beijing dates)', () => {
    const window = { start: '09-01', end: '12-31' };
    const thisAutumn = { year: 2028, opens: '2027-09-01', closes: '2027-12-31' };
    const nextAutumn = { year: 2029, opens: '2028-09-01', closes: '2028-12-31' };
    expect(nextCall(window, bj('2027-08-31T23:59:59'))).toEqual(thisAutumn);
    expect(nextCall(window, bj('2027-09-01T00:00:00'))).toEqual(nextAutumn);
    expect(nextCall(window, bj('2027-09-02T12:00:00'))).toEqual(nextAutumn);
    // 05:00 on 1 September in Beijing is still 31 August in UTC: Beijing's date counts.
    expect(nextCall(window, bj('2027-09-01T05:00:00'))).toEqual(nextAutumn);
  });
});
