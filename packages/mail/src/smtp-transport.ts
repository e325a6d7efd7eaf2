import { InfrastructureError } from '@certflow/engine';
import nodemailer from 'nodemailer';
import type SMTPTransport from 'nodemailer/lib/smtp-transport/index.js';
import { nodemailerMessage } from './nodemailer-message.js';
import type { MailTransport } from './ports.js';

export interface SmtpTransport extends MailTransport {
  close(): void;
}

/** SMTP reply codes 5xx are permanent; everything else (4xx, network) is worth a retry. */
function sendError(error: unknown): InfrastructureError {
  const code =
    typeof error === 'object' && error !== null && 'responseCode' in error
      ? Number(error.responseCode)
      : undefined;
  const permanent = code !== undefined && code >= 500 && code < 600;
  const message = error instanceof Error ? error.message : String(error);
  return new InfrastructureError(
    permanent ? 'MAIL_REJECTED' : 'MAIL_SEND_FAILED',
    `smtp: ${message}`,
    { retryable: !permanent, cause: error },
  );
}

/** Send through an SMTP server: `SMTP_URL` (`smtp://host:port`) or nodemailer SMTP options. */
export function createSmtpTransport(target: string | SMTPTransport.Options): SmtpTransport {
  const transporter = nodemailer.createTransport(target);
  return {
    async send(mail) {
      try {
        const info = await transporter.sendMail(nodemailerMessage(mail));
        return { messageId: info.messageId };
      } catch (error) {
        throw sendError(error);
      }
    },
    close: () => transporter.close(),
  };
}
