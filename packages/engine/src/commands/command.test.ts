import { z } from 'zod';
import { describe, expect, it } from 'vitest';
import { attachmentRefSchema } from '../core/attachment-ref.js';
import { commandSchema, sendOptionsSchema, validationError } from './command.js';

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

describe('the shapes a caller sends, whole strings only', () => {
  const hex = 'a'.repeat(64);

  it('an event type is UPPER_SNAKE_CASE from its first to its last character', () => {
    expect(commandSchema.safeParse({ type: 'APPROVE_2' }).success).toBe(true);
    for (const type of ['xAPPROVE', 'APPROVE-x', 'approve']) {
      const parsed = commandSchema.safeParse({ type });
      expect(parsed.error?.issues[0]?.message).toBe('event type is UPPER_SNAKE_CASE');
    }
    expect(commandSchema.safeParse({ type: 'A'.repeat(64) }).success).toBe(true);
    expect(commandSchema.safeParse({ type: 'A'.repeat(65) }).success).toBe(false);
  });

  it('a token hash and an attachment digest are exactly 64 lowercase hex digits', () => {
    expect(sendOptionsSchema.safeParse({ useToken: { tokenHash: hex } }).success).toBe(true);
    const file = { id: 'f', name: 'n', sha256: hex, size: 1, mediaType: 'text/plain' };
    expect(attachmentRefSchema.safeParse(file).success).toBe(true);
    for (const digest of [`x${hex}`, `${hex}x`, hex.toUpperCase()]) {
      expect(sendOptionsSchema.safeParse({ useToken: { tokenHash: digest } }).success).toBe(false);
      const parsed = attachmentRefSchema.safeParse({ ...file, sha256: digest });
      expect(parsed.error?.issues[0]?.message).toBe('a sha256 in lowercase hex');
    }
  });
});
