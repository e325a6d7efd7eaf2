import type { ReferenceWrite } from '@certflow/engine';
import { z } from 'zod';
import { withdrawalSource, withdrawalTrigger } from './input.js';

/**
 * Reference data kind of a project's withdrawal case file (key: the project id): the one open
 * case, if any, and the evidence brought to it — a project has at most one open withdrawal case
 * (第七条1); another trigger adds its evidence to that case instead of opening a second.
 * Written by the case's start and end and by every trigger added to it, each write computed from
 * the row as read (a command that lost a race is decided again on the newer row).
 */
export const CASE_FILE_REF = 'withdrawal-case';

export const evidenceEntry = z.object({
  /** The withdrawal instance that brought it: the case itself, or a trigger added to it. */
  id: z.string(),
  trigger: withdrawalTrigger,
  reason: z.string(),
  source: withdrawalSource.optional(),
  evidenceRefs: z.array(z.string()),
  at: z.string(),
  by: z.string(),
});
export type EvidenceEntry = z.infer<typeof evidenceEntry>;

export const caseFile = z.object({
  projectId: z.string(),
  /** The open case's instance id, or null. */
  open: z.string().nullable(),
  /** The open case's evidence: its own trigger first, then every trigger added to it. */
  evidence: z.array(evidenceEntry),
  /** Cases of the project that have ended, oldest first. */
  closed: z.array(z.string()),
});
export type CaseFile = z.infer<typeof caseFile>;

export function caseFileOf(raw: unknown, projectId: string): CaseFile {
  const parsed = caseFile.safeParse(raw);
  return parsed.success && parsed.data.projectId === projectId
    ? parsed.data
    : { projectId, open: null, evidence: [], closed: [] };
}

export function openedBy(file: CaseFile, caseId: string, entry: EvidenceEntry): CaseFile {
  return { ...file, open: caseId, evidence: [entry] };
}

export function withEvidence(file: CaseFile, entry: EvidenceEntry): CaseFile {
  return { ...file, evidence: [...file.evidence.filter((e) => e.id !== entry.id), entry] };
}

/** The case ended (decided, dismissed or cancelled): the project may get a new one. */
export function closedBy(file: CaseFile, caseId: string): CaseFile {
  if (file.open !== caseId) return file;
  return { ...file, open: null, evidence: [], closed: [...file.closed, caseId] };
}

export function caseFileWrite(file: CaseFile): ReferenceWrite {
  return {
    kind: CASE_FILE_REF,
    key: file.projectId,
    value: JSON.parse(JSON.stringify(file)) as ReferenceWrite['value'],
  };
}
