import type Mail from 'nodemailer/lib/mailer/index.js';
import type { OutgoingMail } from './ports.js';

/** The nodemailer message for an `OutgoingMail` (shared by the SMTP and `.eml` adapters). */
export function nodemailerMessage(mail: OutgoingMail): Mail.Options {
  return {
    messageId: mail.messageId,
    date: mail.date,
    from: mail.from,
    to: mail.to.name ? { name: mail.to.name, address: mail.to.address } : mail.to.address,
    ...(mail.replyTo ? { replyTo: mail.replyTo } : {}),
    ...(mail.inReplyTo ? { inReplyTo: mail.inReplyTo } : {}),
    ...(mail.references ? { references: [...mail.references] } : {}),
    subject: mail.subject,
    text: mail.text,
    html: mail.html,
    headers: { ...mail.headers },
  };
}
