/**
 * Run in a child process under a given `TZ` by timezone.test.ts: prints the calendar's answers,
 * the package's own `isWorkday` for a few days, and (in Beijing time) every day 2004–2026 where
 * our calendar and the package disagree.
 */
import chineseDays from 'chinese-days';
import { createBusinessCalendar } from '../business-calendar.js';
import { calendarCoverageWarning } from '../coverage-warning.js';

const cal = createBusinessCalendar();
const ours: Record<string, unknown> = {};
for (const d of [
  '2026-09-20',
  '2026-10-01',
  '2026-10-08',
  '2026-10-10',
  '2026-10-11',
  '2026-10-12',
]) {
  ours[`isWorkingDay ${d}`] = cal.isWorkingDay(d);
}
ours['deadline 2026-09-30T10:30+08 3 days'] = cal
  .deadline(new Date('2026-09-30T10:30:00+08:00'), { workingDays: 3 })
  .at.toISOString();
ours['deadline 2026-09-30T23:30+08 1 day'] = cal
  .deadline(new Date('2026-09-30T23:30:00+08:00'), { workingDays: 1 })
  .at.toISOString();
ours['deadline 2026-09-30T16:00+08 2 hours'] = cal
  .deadline(new Date('2026-09-30T16:00:00+08:00'), { workingHours: 2 })
  .at.toISOString();

ours['reminder 2026-09-28T10:00+08 3 days'] = cal
  .reminder(new Date('2026-09-28T10:00:00+08:00'), { workingDays: 3 })
  .at.toISOString();
ours['explanation 2026-09-30T10:30+08 5 days'] = cal.deadline(
  new Date('2026-09-30T10:30:00+08:00'),
  { workingDays: 5 },
).explanation;
ours['provisional 2026-12-28T10:00+08 5 days'] = cal
  .deadline(new Date('2026-12-28T10:00:00+08:00'), { workingDays: 5 })
  .at.toISOString();

ours['warning 2026-10-31T16:00Z'] = calendarCoverageWarning(cal, new Date('2026-10-31T16:00:00Z'));
ours['day 2026-10-10'] = cal.day('2026-10-10');

const packageIsWorkday: Record<string, boolean> = {};
for (const d of ['2026-10-01', '2026-10-10', '2026-10-12'])
  packageIsWorkday[d] = chineseDays.isWorkday(d);

const disagreements: string[] = [];
if (process.env['TZ'] === 'Asia/Shanghai') {
  for (let t = Date.UTC(2004, 0, 1); t < Date.UTC(2027, 0, 1); t += 86_400_000) {
    const d = new Date(t).toISOString().slice(0, 10);
    if (cal.isWorkingDay(d) !== chineseDays.isWorkday(d)) disagreements.push(d);
  }
}

process.stdout.write(
  JSON.stringify({
    tz: process.env['TZ'] ?? '',
    offsetMinutes: new Date('2026-10-01T00:00:00Z').getTimezoneOffset(),
    ours,
    packageIsWorkday,
    disagreements,
  }),
);
