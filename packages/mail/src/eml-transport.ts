import { mkdir, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { InfrastructureError } from '@certflow/engine';
import nodemailer from 'nodemailer';
import { nodemailerMessage } from './nodemailer-message.js';
import type { MailTransport } from './ports.js';

/** `<abc@certflow.host>` → `abc@certflow.host.eml` (only safe characters). */
export function emlFileName(messageId: string): string {
  return `${messageId.replace(/^<|>$/gu, '').replace(/[^A-Za-z0-9@._-]/gu, '_')}.eml`;
}

/**
 * The embedded mode's transport: each mail becomes an RFC 822 file `<Message-ID>.eml` in `dir`
 * (open it with any mail client). nodemailer's stream transport builds the message; a redelivery
 * overwrites the same file. Written to a temporary name first, then renamed.
 */
export function createEmlTransport(dir: string): MailTransport {
  const transporter = nodemailer.createTransport({
    streamTransport: true,
    buffer: true,
    newline: 'windows',
  });
  return {
    async send(mail) {
      try {
        const info = await transporter.sendMail(nodemailerMessage(mail));
        await mkdir(dir, { recursive: true });
        const file = join(dir, emlFileName(mail.messageId));
        await writeFile(`${file}.tmp`, info.message);
        await rename(`${file}.tmp`, file);
        return { messageId: info.messageId };
      } catch (error) {
        throw new InfrastructureError('MAIL_WRITE_FAILED', `eml: ${String(error)}`, {
          retryable: true,
          cause: error,
        });
      }
    },
  };
}
