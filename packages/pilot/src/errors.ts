import { DomainError, type Messages } from '@certflow/engine';

/**
 * Refusal catalogs. Each flow folder declares its own codes (with the policy article in the
 * message) through `defineErrors`; codes are stable English, messages zh-CN first.
 */
export function defineErrors<const T extends Record<string, Messages>>(catalog: T) {
  return {
    catalog,
    error: (code: keyof T & string, details?: Record<string, unknown>): DomainError =>
      new DomainError(code, catalog[code] as Messages, details),
  };
}

const common = defineErrors({
  LEVEL_NOT_ALLOWED: {
    zh: '申报证书等级须为中级及以上，不得申报初级（第七条第2款）',
    en: 'Only intermediate or advanced certificates may be applied for, never elementary (Art. 7.2)',
  },
});

export const PILOT_ERRORS = common.catalog;
export type PilotErrorCode = keyof typeof PILOT_ERRORS;
export const pilotError = common.error;
