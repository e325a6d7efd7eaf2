import type { FormValues } from '../../schema-form/form-values';
import type { FieldNode } from '../../schema-form/schema-model';
import type { SessionUser } from '../../session/claims';

/** Beijing's calendar year now. */
function beijingYear(now: Date): number {
  return Number(
    new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai', year: 'numeric' }).format(now),
  );
}

/**
 * What a new application starts with: the applicant's own college, and next year for the
 * year (the annual plan and the pilot applications are for next year, 第七条2).
 */
export function initialInput(
  fields: readonly FieldNode[],
  user: SessionUser,
  now: Date = new Date(),
): FormValues {
  const values: FormValues = {};
  for (const f of fields) {
    if (f.key === 'collegeId' && user.college) values['collegeId'] = user.college;
    if (f.key === 'year' && f.kind === 'integer') values['year'] = beijingYear(now) + 1;
  }
  return values;
}
