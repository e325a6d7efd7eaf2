import type { ReferenceWrite } from '@certflow/engine';
import { z } from 'zod';
import { budgetTotal, fen, level, quotaKey } from '../../common.js';
import type { ProjectApplication } from './input.js';

/**
 * Reference data kind of a college's applications for a year (key `年/学院`): every pilot-project
 * application of the college for that year that is pending or approved, so the 试点规模数 is
 * counted over all of them (第六条2, 第七条2) and a certificate is applied for once
 * (`DUPLICATE_APPLICATION`). Written by the start and by 重新提交, 驳回, 撤回 and 作废 of the
 * application — each write a pure function of the row as read, so a command that lost a race is
 * decided again on the newer row.
 *
 * An approved project stays in the tally (it is one of the year's projects); so does a project
 * cancelled later by a withdrawal (第七条1): its scale was the year's.
 */
export const TALLY_REF = 'project-tally';
export const tallyKey = quotaKey;

export const tallyEntry = z
  .object({
    certificateCode: z.string(),
    certificateName: z.string(),
    level,
    scale: z.number().int().nonnegative(),
    /** The budget total, fen. */
    budget: fen,
  })
  .strict();
export type TallyEntry = z.infer<typeof tallyEntry>;

export const tally = z.object({
  year: z.number().int(),
  collegeId: z.string(),
  /** Pilot-project instance id → the application as last (re)submitted. */
  entries: z.record(z.string(), tallyEntry),
});
export type Tally = z.infer<typeof tally>;

export function tallyOf(raw: unknown, year: number, collegeId: string): Tally {
  const parsed = tally.safeParse(raw);
  return parsed.success && parsed.data.year === year && parsed.data.collegeId === collegeId
    ? parsed.data
    : { year, collegeId, entries: {} };
}

export function entryOf(application: ProjectApplication): TallyEntry {
  return {
    certificateCode: application.certificate.code,
    certificateName: application.certificate.name,
    level: application.certificate.level,
    scale: application.scale,
    budget: budgetTotal(application.budget),
  };
}

export function withEntry(t: Tally, instanceId: string, entry: TallyEntry): Tally {
  return { ...t, entries: { ...t.entries, [instanceId]: entry } };
}

export function withoutEntry(t: Tally, instanceId: string): Tally {
  const entries = { ...t.entries };
  delete entries[instanceId];
  return { ...t, entries };
}

/** Another application of the year and college for the same certificate, if any. */
export function duplicateOf(t: Tally, instanceId: string, code: string): string | undefined {
  return Object.entries(t.entries).find(
    ([id, e]) => id !== instanceId && e.certificateCode === code,
  )?.[0];
}

/** The college's totals over every application but `except`. */
export function othersTotals(
  t: Tally,
  except: string,
): { projects: number; scale: number; budget: number } {
  const others = Object.entries(t.entries).filter(([id]) => id !== except);
  return {
    projects: others.length,
    scale: others.reduce((n, [, e]) => n + e.scale, 0),
    budget: others.reduce((n, [, e]) => n + e.budget, 0),
  };
}

export function tallyWrite(t: Tally): ReferenceWrite {
  return {
    kind: TALLY_REF,
    key: tallyKey(t.year, t.collegeId),
    value: JSON.parse(JSON.stringify(t)) as ReferenceWrite['value'],
  };
}
