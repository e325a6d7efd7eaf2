import type { Messages } from '@certflow/engine';
import { zhDate } from '../beijing-time.js';
import { htmlDocument, paragraph } from './html.js';

/** The answer to a reply mail: applied, or why not. Bilingual, no links, no instance details. */
export function renderAnswer(args: {
  readonly subject: string;
  readonly message: Messages;
  readonly applied: boolean;
  readonly date: Date;
}): { subject: string; text: string; html: string } {
  const tag = args.applied ? '【已办理】' : '【未办理】';
  const original = args.subject.replace(/^(re|回复|答复)\s*[:：]\s*/iu, '');
  const subject = `${tag}Re: ${original}`.slice(0, 250);
  const paragraphs = [
    '您好！',
    args.message.zh,
    args.message.en,
    '此邮件由系统自动发送，请勿回复本邮件。',
    `教务处\n${zhDate(args.date)}`,
  ];
  return {
    subject,
    text: paragraphs.join('\n\n') + '\n',
    html: htmlDocument('zh-CN', subject, paragraphs.map((p) => paragraph(p)).join('\n')),
  };
}
