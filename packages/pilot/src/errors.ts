import { DomainError, type Messages } from '@certflow/engine';

/** The pilot's refusal codes, each with its policy article. */
export const PILOT_ERRORS = {
  LEVEL_NOT_ALLOWED: {
    zh: '申报证书等级须为中级及以上，不得申报初级（第七条第2款）',
    en: 'Only intermediate or advanced certificates may be applied for, never elementary (Art. 7.2)',
  },
  QUOTA_NOT_SET: {
    zh: '该学院该年度的试点规模数和上一年度执行预算尚未维护',
    en: "The college's pilot scale and last year's executed budget are not recorded for that year",
  },
} as const satisfies Record<string, Messages>;

export type PilotErrorCode = keyof typeof PILOT_ERRORS;

export function pilotError(code: PilotErrorCode, details?: Record<string, unknown>): DomainError {
  return new DomainError(code, PILOT_ERRORS[code], details);
}
