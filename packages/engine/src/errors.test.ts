import { describe, expect, it } from 'vitest';
import {
  DomainError,
  ENGINE_ERRORS,
  InfrastructureError,
  isDomainError,
  refuse,
} from './errors.js';

describe('refusals', () => {
  it('carry the code, both messages and the details; the message names all three', () => {
    const error = refuse('NOT_AUTHORIZED', { event: 'APPROVE' });
    expect(error).toBeInstanceOf(DomainError);
    expect(error.name).toBe('DomainError');
    expect(error.code).toBe('NOT_AUTHORIZED');
    expect(error.messages).toEqual({ zh: '无权执行此操作', en: 'You are not allowed to do this' });
    expect(error.details).toEqual({ event: 'APPROVE' });
    expect(error.message).toBe('NOT_AUTHORIZED: 无权执行此操作 / You are not allowed to do this');
  });

  it('a more specific message replaces one language or both', () => {
    expect(refuse('NOT_FOUND', undefined, { zh: '无此流程' }).messages).toEqual({
      zh: '无此流程',
      en: 'Not found',
    });
    expect(refuse('NOT_FOUND', undefined, { en: 'No such flow' }).messages).toEqual({
      zh: '未找到对象',
      en: 'No such flow',
    });
    expect(refuse('NOT_FOUND').details).toBeUndefined();
  });

  it('serialize for the HTTP answer: details only when there are some (a copy)', () => {
    const details = { step: 'first' };
    const json = refuse('SELF_APPROVAL', details).toJSON();
    expect(json).toEqual({
      code: 'SELF_APPROVAL',
      message: ENGINE_ERRORS.SELF_APPROVAL.zh,
      messageEn: ENGINE_ERRORS.SELF_APPROVAL.en,
      details: { step: 'first' },
    });
    expect(json.details).not.toBe(details);
    expect(refuse('UNKNOWN_FLOW').toJSON()).toEqual({
      code: 'UNKNOWN_FLOW',
      message: '未知的流程',
      messageEn: 'Unknown flow',
    });
  });

  it('isDomainError tells refusals from other errors', () => {
    expect(isDomainError(refuse('NOT_FOUND'))).toBe(true);
    expect(isDomainError(new Error('NOT_FOUND'))).toBe(false);
    expect(isDomainError({ code: 'NOT_FOUND' })).toBe(false);
  });
});

describe('infrastructure errors', () => {
  it('carry a code, whether to retry and the cause, and are no refusal', () => {
    const cause = new Error('connection reset');
    const error = new InfrastructureError('DB_DOWN', '数据库不可用', { retryable: true, cause });
    expect(error).toMatchObject({
      name: 'InfrastructureError',
      code: 'DB_DOWN',
      message: '数据库不可用',
      retryable: true,
      cause,
    });
    expect(new InfrastructureError('X', 'x', { retryable: false }).retryable).toBe(false);
    expect(isDomainError(error)).toBe(false);
  });
});
