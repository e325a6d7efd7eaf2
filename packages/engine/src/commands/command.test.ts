import { z } from 'zod';
import { describe, expect, it } from 'vitest';
import { validationError } from './command.js';

// A schema's failure as the typed refusal a caller is answered with.

describe('validationError', () => {
  it('VALIDATION_FAILED with every issue’s dotted path and message; the first one in the messages', () => {
    const schema = z.object({ a: z.object({ b: z.array(z.number()) }), c: z.string() });
    const parsed = schema.safeParse({ a: { b: [1, 'x'] }, c: 3 });
    if (parsed.success) throw new Error('expected a failure');
    const refusal = validationError(parsed.error, 'input');
    const [first, second] = parsed.error.issues;
    expect({ code: refusal.code, details: refusal.details, messages: refusal.messages }).toEqual({
      code: 'VALIDATION_FAILED',
      details: {
        issues: [
          { path: 'a.b.1', message: first?.message },
          { path: 'c', message: second?.message },
        ],
      },
      messages: {
        zh: `输入不合法（a.b.1: ${first?.message}）`,
        en: `Invalid input (a.b.1: ${first?.message})`,
      },
    });
  });

  it('an issue of the whole value is named by what was validated', () => {
    const parsed = z.string().safeParse(1);
    if (parsed.success) throw new Error('expected a failure');
    const refusal = validationError(parsed.error, 'data');
    const message = parsed.error.issues[0]?.message;
    expect(refusal.details).toEqual({ issues: [{ path: '', message }] });
    expect(refusal.messages).toEqual({
      zh: `输入不合法（data: ${message}）`,
      en: `Invalid input (data: ${message})`,
    });
  });
});
