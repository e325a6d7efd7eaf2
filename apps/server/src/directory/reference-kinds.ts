/**
 * Colleges (二级学院) and evaluation organizations (培训评价组织) are reference data: one row per
 * id, `{ id, name }` — what the directory import writes, what the demo seed writes, what the
 * quota route checks a college against, and where names for titles and mail come from.
 */
export const COLLEGE_REF = 'college';
export const ORGANIZATION_REF = 'evaluation-org';

export interface NamedEntry {
  readonly id: string;
  readonly name: string;
}
