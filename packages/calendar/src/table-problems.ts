import { DomainError, type Messages } from '@certflow/engine';

/**
 * What can be wrong with a holiday table file. The first six are about the file's form (it is
 * not a table at all: `VALIDATION_FAILED`, HTTP 400); the others about its content (a table the
 * rules refuse: `CALENDAR_TABLE_INVALID`, HTTP 422).
 */
export const FORM_PROBLEMS = [
  'JSON_SYNTAX',
  'NOT_AN_OBJECT',
  'UNKNOWN_FIELD',
  'MISSING_FIELD',
  'WRONG_TYPE',
  'DUPLICATE_FIELD',
] as const;

export const CONTENT_PROBLEMS = [
  'YEAR_INVALID',
  'YEAR_MISMATCH',
  'NAME_EMPTY',
  'DATE_INVALID',
  'DATE_OUTSIDE_YEAR',
  'HOLIDAY_DATES',
  'RANGE_REVERSED',
  'RANGE_TOO_LONG',
  'DUPLICATE_HOLIDAY',
  'DUPLICATE_DATE',
  'HOLIDAY_AND_WORKDAY',
  'WORKDAY_NOT_WEEKEND',
  'UNKNOWN_HOLIDAY',
  'EMPTY_TABLE',
] as const;

export type TableProblemCode = (typeof FORM_PROBLEMS)[number] | (typeof CONTENT_PROBLEMS)[number];

/** One problem of a file, at its line and column (1-based), with the JSON path. */
export interface TableProblem {
  readonly code: TableProblemCode;
  readonly line: number;
  readonly column: number;
  /** `holidays[2].dates[1]`; empty for the whole file. */
  readonly path: string;
  readonly message: string;
  readonly messageEn: string;
}

/** The refusal code of a table the rules refuse (the file's form is fine). */
export const CALENDAR_TABLE_INVALID = 'CALENDAR_TABLE_INVALID';

/** Problems listed in a refusal's `details` (the count says how many there were). */
const LISTED = 50;
/** Problems quoted in the refusal's message. */
const QUOTED = 3;

const isForm = (p: TableProblem): boolean => (FORM_PROBLEMS as readonly string[]).includes(p.code);

/**
 * The refusal of a file with problems: nothing of it is imported. `VALIDATION_FAILED` when the
 * file is not a well-formed table, `CALENDAR_TABLE_INVALID` otherwise; the message quotes the
 * first problems with their lines, `details.problems` lists them all (up to 50).
 */
export function tableRefusal(problems: readonly TableProblem[], file?: string): DomainError {
  const sorted = [...problems].sort((a, b) => a.line - b.line || a.column - b.column);
  const form = sorted.some(isForm);
  const where = file ? `${file}：` : '';
  const whereEn = file ? `${file}: ` : '';
  const quotedZh = sorted.slice(0, QUOTED).map((p) => `第 ${p.line} 行：${p.message}`);
  const quotedEn = sorted.slice(0, QUOTED).map((p) => `line ${p.line}: ${p.messageEn}`);
  const more = sorted.length > QUOTED;
  const messages: Messages = {
    zh:
      `${where}节假日安排文件有 ${sorted.length} 处错误，未导入任何内容。${quotedZh.join('；')}` +
      (more ? `；等（共 ${sorted.length} 处）` : ''),
    en:
      `${whereEn}the holiday table was not imported: ${sorted.length} problem${sorted.length === 1 ? '' : 's'}. ` +
      `${quotedEn.join('; ')}${more ? `; … (${sorted.length} in all)` : ''}`,
  };
  return new DomainError(form ? 'VALIDATION_FAILED' : CALENDAR_TABLE_INVALID, messages, {
    problemCount: sorted.length,
    problems: sorted.slice(0, LISTED).map((p) => ({ ...p })),
  });
}
