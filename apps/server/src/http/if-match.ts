import { refuse } from '@certflow/engine';

/**
 * `If-Match: <version>` → the expected instance version. Accepts `3`, `"3"` and `W/"3"` (the
 * ETag `GET /api/instances/:id` sends); anything else is `VALIDATION_FAILED`.
 */
export function parseIfMatch(header: string | undefined): number | undefined {
  if (header === undefined) return undefined;
  const match = /^\s*(?:W\/)?"?(\d{1,9})"?\s*$/.exec(header);
  if (!match?.[1]) {
    throw refuse(
      'VALIDATION_FAILED',
      { header: 'If-Match' },
      {
        zh: 'If-Match 须为流程实例的版本号（整数）',
        en: 'If-Match must be the instance version (an integer)',
      },
    );
  }
  return Number(match[1]);
}

export const etagOf = (version: number): string => `"${version}"`;
