import { describe, expect, it } from 'vitest';
import { parseReply } from './reply-parser.js';

describe('parseReply: the first line decides, strictly', () => {
  it.each([
    ['同意', 'APPROVE', null],
    ['同意。', 'APPROVE', null],
    ['同意，材料齐全', 'APPROVE', '材料齐全'],
    ['  退回\n请补充师资情况\n和设备清单', 'RETURN', '请补充师资情况\n和设备清单'],
    ['驳回！\n不符合第七条2', 'REJECT', '不符合第七条2'],
    ['APPROVE', 'APPROVE', null],
    ['approved.\nLooks good.', 'APPROVE', 'Looks good.'],
    [
      'Return\nAdd the budget breakdown.\n\nOn Mon, 2 Nov 2026, certflow wrote:\n> Dear',
      'RETURN',
      'Add the budget breakdown.',
    ],
    ['同意\n\n在 2026年11月2日，教务处 写道：\n> 尊敬的', 'APPROVE', null],
    ['同意\n好\n-----原始邮件-----\n发件人: 教务处', 'APPROVE', '好'],
    ['\uFEFF同意\r\n意见\r\n> quoted', 'APPROVE', '意见'],
  ])('%j → %s', (body, decision, comment) => {
    expect(parseReply(body)).toEqual({ ok: true, decision, comment });
  });

  it.each([
    ['', 'EMPTY'],
    ['\n  \n', 'EMPTY'],
    ['> 同意', 'EMPTY'],
    ['不同意', 'NO_DECISION'],
    ['同意退回', 'NO_DECISION'],
    ['approval granted', 'NO_DECISION'],
    ['好的', 'NO_DECISION'],
    ['同意 驳回', 'AMBIGUOUS'],
    ['approve, no wait, reject', 'AMBIGUOUS'],
    [`同意\n${'长'.repeat(2001)}`, 'COMMENT_TOO_LONG'],
  ])('%j is refused: %s', (body, reason) => {
    expect(parseReply(body)).toMatchObject({ ok: false, reason });
  });
});
