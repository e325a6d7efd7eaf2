export {
  createBusinessCalendar,
  type BusinessCalendarOptions,
  type CalendarDay,
  type ChinaBusinessCalendar,
  type DayKind,
} from './business-calendar.js';
export {
  CALENDAR_ENV,
  CalendarSettingsError,
  calendarSettingsFromEnv,
  DEFAULT_CALENDAR_SETTINGS,
  resolveCalendarSettings,
  type CalendarSettings,
  type ResolvedCalendarSettings,
} from './calendar-settings.js';
export { PROVISIONAL_NOTE_EN, PROVISIONAL_NOTE_ZH } from './explanation.js';
export {
  arrangementOf,
  FIRST_TABLE_YEAR,
  LAST_TABLE_YEAR,
  STANDARD_HOLIDAY_NAMES,
  tableOf,
  type HolidayName,
  type HolidayTable,
  type TableSource,
  type YearArrangement,
} from './year-table.js';
export { parseTableFile, type TableFileResult } from './table-file.js';
export {
  CALENDAR_TABLE_INVALID,
  CONTENT_PROBLEMS,
  FORM_PROBLEMS,
  tableRefusal,
  type TableProblem,
  type TableProblemCode,
} from './table-problems.js';
export {
  CALENDAR_REFERENCE_KIND,
  parseStoredTable,
  storedTableRow,
  type ImportStamp,
  type StoredTable,
} from './stored-table.js';
export {
  loadBusinessCalendar,
  loadStoredTables,
  RefreshableCalendar,
  type CalendarOptions,
  type CalendarTableSource,
  type LoadTablesOptions,
} from './load-calendar.js';
export { changesDays, diffArrangements, type DayChange, type TableDiff } from './table-diff.js';
export {
  adminAuditLog,
  CALENDAR_IMPORT_ACTION,
  type CalendarAuditLog,
  type CalendarImportAudit,
} from './calendar-audit.js';
export {
  engineRecompute,
  openDeadlinesFromReader,
  previewDeadlineMoves,
  type DeadlineMove,
  type DeadlineRecompute,
  type OpenDeadline,
  type OpenDeadlineSource,
  type RecomputeSummary,
} from './deadline-preview.js';
export {
  importCalendarTable,
  sha256Of,
  type CalendarImportDeps,
  type CalendarImportRequest,
  type CalendarImportResult,
} from './calendar-import.js';
export { calendarOverview, yearDays, type YearStatus } from './calendar-overview.js';
export {
  calendarCoverageWarning,
  COVERAGE_WARNING_OUTBOX_KIND,
  coverageWarningMail,
  isoWeek,
  type CoverageWarning,
  type CoverageWarningPayload,
} from './coverage-warning.js';
export {
  COVERAGE_JOB_EVERY_MS,
  COVERAGE_JOB_FROM_HOUR,
  COVERAGE_MAIL_KIND,
  sendCoverageWarningIfDue,
  startCoverageMailJob,
  type CoverageMailJob,
  type CoverageMailJobOptions,
} from './coverage-mail.js';
export { beijingDate, beijingInstant, beijingTimeOfDay } from './beijing-time.js';
