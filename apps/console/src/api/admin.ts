import { CertflowError, type CertflowClient, type components } from '@certflow/client';
import type { ApiErrorBody } from '@certflow/client';

/**
 * The administration endpoints the typed client has no method for yet (`GET/PUT /api/calendar`,
 * `GET /api/statistics`). They go through the client's `raw` (same base URL, token and 401
 * guard) and answer typed values or throw a `CertflowError`, like the client's own methods.
 * The calendar's shapes follow docs/calendar.md and `apps/server/src/schemas/calendar.ts`; the
 * statistics' come from the generated OpenAPI types.
 */

export type Statistics = components['schemas']['Statistics'];
export type StatisticsRow = components['schemas']['StatisticsRow'];

export interface CalendarSource {
  readonly title: string;
  readonly document?: string;
  readonly url?: string;
  readonly published?: string;
}

export interface CalendarImported {
  readonly sha256: string;
  readonly at: string;
  readonly by: { readonly id: string; readonly name: string | null };
}

export interface CalendarYearStatus {
  readonly year: number;
  readonly status: 'official' | 'provisional';
  readonly origin: 'package' | 'import' | null;
  readonly source: CalendarSource | null;
  readonly imported: CalendarImported | null;
  readonly holidayDays: number;
  readonly makeupDays: number;
}

export interface CalendarWarning {
  readonly code: 'CALENDAR_NEXT_YEAR_NOT_COVERED';
  readonly year: number;
  readonly since: string;
  readonly message: string;
  readonly messageEn: string;
}

export interface CalendarOverview {
  readonly years: readonly CalendarYearStatus[];
  readonly warning: CalendarWarning | null;
  readonly workday: { readonly start: string; readonly end: string };
}

export interface CalendarChange {
  readonly date: string;
  readonly kind: 'holiday' | 'makeup';
  readonly name: string;
}

export interface CalendarDiff {
  readonly added: readonly CalendarChange[];
  readonly removed: readonly CalendarChange[];
  readonly renamed: ReadonlyArray<{
    readonly date: string;
    readonly kind: 'holiday' | 'makeup';
    readonly from: string;
    readonly to: string;
  }>;
  readonly before: 'none' | 'package' | 'import';
}

export interface DeadlineMove {
  readonly kind: 'task' | 'timer';
  readonly id: string;
  readonly instanceId: string;
  readonly label: string;
  readonly from: string;
  readonly to: string;
  readonly provisional: { readonly before: boolean; readonly after: boolean };
  readonly explanation: { readonly zh: string; readonly en: string };
}

export interface CalendarImport {
  readonly year: number;
  readonly dryRun: boolean;
  readonly sha256: string;
  readonly diff: CalendarDiff;
  readonly deadlines: readonly DeadlineMove[];
  readonly audit: { readonly at: string; readonly deadlinesMoved: number } | null;
  readonly recomputed: {
    readonly instances: number;
    readonly tasks: number;
    readonly timers: number;
  } | null;
}

export interface CalendarDay {
  readonly date: string;
  readonly weekday: number;
  readonly kind: 'work' | 'weekend' | 'holiday' | 'makeup';
  readonly name?: { readonly zh: string; readonly en: string };
}

export interface CalendarYear {
  readonly year: number;
  readonly status: 'official' | 'provisional';
  readonly origin: 'package' | 'import' | null;
  readonly source: CalendarSource | null;
  readonly imported: CalendarImported | null;
  readonly days: readonly CalendarDay[];
}

/** One problem of a refused table file (`details.problems` of the refusal). */
export interface TableProblem {
  readonly code: string;
  readonly line: number;
  readonly column: number;
  readonly path?: string;
  readonly message: string;
  readonly messageEn?: string;
}

function errorBodyOf(status: number, body: unknown): ApiErrorBody {
  if (
    body !== null &&
    typeof body === 'object' &&
    'code' in body &&
    typeof body.code === 'string' &&
    'message' in body &&
    typeof body.message === 'string'
  ) {
    const b = body as ApiErrorBody;
    return { ...b, messageEn: typeof b.messageEn === 'string' ? b.messageEn : b.message };
  }
  return { code: 'HTTP_ERROR', message: `HTTP ${status}`, messageEn: `HTTP ${status}` };
}

async function call<T>(
  api: CertflowClient,
  path: string,
  request: Parameters<CertflowClient['raw']>[1] = {},
): Promise<T> {
  const answer = await api.raw(path, {
    ...request,
    headers: { accept: 'application/json', ...request.headers },
  });
  if (answer.status >= 200 && answer.status < 300) return answer.body as T;
  throw new CertflowError(answer.status, errorBodyOf(answer.status, answer.body));
}

export function getCalendar(api: CertflowClient): Promise<CalendarOverview> {
  return call(api, '/api/calendar');
}

export function getCalendarYear(api: CertflowClient, year: number): Promise<CalendarYear> {
  return call(api, `/api/calendar/${year}`);
}

/** `PUT /api/calendar/{year}` with the file's text as is (the server names its lines). */
export function importCalendarYear(
  api: CertflowClient,
  year: number,
  text: string,
  dryRun: boolean,
): Promise<CalendarImport> {
  return call(api, `/api/calendar/${year}${dryRun ? '?dryRun=1' : ''}`, {
    method: 'PUT',
    body: text,
    headers: { 'content-type': 'application/json' },
  });
}

export function getStatistics(api: CertflowClient, year: number): Promise<Statistics> {
  return call(api, `/api/statistics?year=${year}`);
}

/** The statistics as CSV text (`format=csv`), for a download. */
export async function getStatisticsCsv(api: CertflowClient, year: number): Promise<string> {
  const answer = await api.raw(`/api/statistics?year=${year}&format=csv`, {
    headers: { accept: 'text/csv' },
  });
  if (answer.status !== 200) {
    throw new CertflowError(answer.status, errorBodyOf(answer.status, answer.body));
  }
  return typeof answer.body === 'string' ? answer.body : JSON.stringify(answer.body);
}

/** The problems of a refused table file, when the refusal lists them. */
export function tableProblemsOf(error: unknown): TableProblem[] {
  if (!(error instanceof CertflowError)) return [];
  const problems = error.details?.['problems'];
  if (!Array.isArray(problems)) return [];
  return problems.filter(
    (p): p is TableProblem =>
      p !== null &&
      typeof p === 'object' &&
      typeof (p as TableProblem).line === 'number' &&
      typeof (p as TableProblem).message === 'string',
  );
}
