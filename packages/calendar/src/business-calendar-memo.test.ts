import { describe, expect, it } from 'vitest';
import { addDays } from './beijing-time.js';
import { createBusinessCalendar } from './business-calendar.js';

/** How many dates a calendar remembers before it starts over (business-calendar.ts). */
const MEMO_LIMIT = 4096;

describe('what a calendar remembers', () => {
  it('keeps every date it has looked at, not only the last one', () => {
    const cal = createBusinessCalendar();
    const first = cal.day('2026-10-01');
    cal.day('2026-10-02');
    expect(cal.day('2026-10-01')).toBe(first);
  });

  it('starts over once it holds 4096 dates, and answers the same afterwards', () => {
    const cal = createBusinessCalendar();
    const first = cal.day('2015-01-01');
    // 4095 more dates: 4096 remembered, the first among them.
    let d = '2015-01-01';
    for (let i = 1; i < MEMO_LIMIT; i += 1) cal.day((d = addDays(d, 1)));
    expect(cal.day('2015-01-01')).toBe(first);
    // One date more: it starts over, so the first is looked up again.
    cal.day(addDays(d, 1));
    const again = cal.day('2015-01-01');
    expect(again).not.toBe(first);
    expect(again).toEqual(first);
  });
});
