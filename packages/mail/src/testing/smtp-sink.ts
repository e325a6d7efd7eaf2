import type { AddressInfo } from 'node:net';
import { simpleParser, type ParsedMail } from 'mailparser';
import { SMTPServer } from 'smtp-server';

/** A real SMTP server on 127.0.0.1 that keeps every message it accepts (TECH-NOTES' sink). */
export interface SmtpSink {
  readonly port: number;
  readonly mails: ParsedMail[];
  /** Mails to this address, in arrival order. */
  to(address: string): ParsedMail[];
  clear(): void;
  close(): Promise<void>;
}

export async function startSmtpSink(): Promise<SmtpSink> {
  const mails: ParsedMail[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    disableReverseLookup: true,
    logger: false,
    onData(stream, _session, cb) {
      simpleParser(stream).then(
        (m) => {
          mails.push(m);
          cb();
        },
        (error: Error) => cb(error),
      );
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  const port = (server.server.address() as AddressInfo).port;
  const addresses = (m: ParsedMail): string[] => {
    const list = Array.isArray(m.to) ? m.to : m.to ? [m.to] : [];
    return list.flatMap((a) => a.value.map((v) => (v.address ?? '').toLowerCase()));
  };
  return {
    port,
    mails,
    to: (address) => mails.filter((m) => addresses(m).includes(address.toLowerCase())),
    clear: () => void mails.splice(0),
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
