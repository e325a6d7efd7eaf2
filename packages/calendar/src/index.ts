export {
  createBusinessCalendar,
  WORKDAY_END_MS,
  WORKDAY_START_MS,
  type BusinessCalendarOptions,
  type ChinaBusinessCalendar,
} from './business-calendar.js';
export {
  CALENDAR_REFERENCE_KIND,
  calendarOverrideRow,
  calendarOverrideSchema,
  parseCalendarOverride,
  type CalendarOverride,
} from './calendar-override.js';
export {
  loadBusinessCalendar,
  loadCalendarOverrides,
  RefreshableCalendar,
  type CalendarOverrideSource,
  type LoadOverridesOptions,
} from './load-calendar.js';
export { beijingDate, beijingInstant, beijingTimeOfDay } from './beijing-time.js';
export type { YearArrangement } from './chinese-days-data.js';
