import { createHash } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { InfrastructureError } from '@certflow/engine';
import { simpleParser, type AddressObject, type ParsedMail } from 'mailparser';
import { SMTPServer } from 'smtp-server';
import { tokenOfReplyAddress } from './mail-links.js';
import type { ReplyAuthentication, ReplyAuthenticator } from './reply-authentication.js';
import type { InboundMail, ReplyOutcome } from './reply-processor.js';

export interface InboundServerOptions {
  /** 0 = any free port (tests). */
  readonly port: number;
  readonly host?: string;
  /** Only `reply+<token>@replyDomain` recipients are accepted (550 for anything else). */
  readonly replyDomain: string;
  readonly process: (mail: InboundMail) => Promise<ReplyOutcome>;
  /**
   * DKIM/SPF/DMARC of each message (`createReplyAuthenticator`): a reply whose From is not
   * aligned is refused by the processor. Required, so no deployment forgets it.
   */
  readonly authenticate: ReplyAuthenticator;
  /** Largest accepted message; default 2 MB. */
  readonly maxBytes?: number;
  readonly onError?: (error: unknown) => void;
}

export interface InboundServer {
  readonly port: number;
  close(): Promise<void>;
}

class SmtpReply extends Error {
  constructor(
    message: string,
    readonly responseCode: number,
  ) {
    super(message);
  }
}

function firstAddress(from: AddressObject | AddressObject[] | undefined): string | null {
  const list = Array.isArray(from) ? from : from ? [from] : [];
  return list.flatMap((a) => a.value).find((v) => v.address)?.address ?? null;
}

function headerText(parsed: ParsedMail, name: string): string | null {
  const value = parsed.headers.get(name);
  return typeof value === 'string' ? value.trim() : null;
}

/** Turns a parsed message and its envelope into the processor's `InboundMail`. */
export function toInboundMail(
  parsed: ParsedMail,
  recipients: readonly string[],
  raw: Buffer,
  authentication: ReplyAuthentication | null = null,
): InboundMail {
  const refs = parsed.references;
  return {
    messageId: parsed.messageId ?? null,
    from: firstAddress(parsed.from),
    recipients,
    inReplyTo: parsed.inReplyTo ?? null,
    references: Array.isArray(refs) ? refs : refs ? [refs] : [],
    subject: parsed.subject ?? '',
    text: parsed.text ?? '',
    autoSubmitted: headerText(parsed, 'auto-submitted'),
    digest: createHash('sha256').update(raw).digest('hex'),
    authentication,
  };
}

/**
 * The inbound SMTP endpoint for reply approval (`smtp-server` + `mailparser`). Put it behind the
 * MX of the reply domain (or a relay that forwards `reply+*@domain`). A mail is acknowledged
 * (250) once processed; a retryable failure (database or DNS down) answers 451 so the sender
 * retries. Each message is authenticated (`options.authenticate`: DKIM/SPF/DMARC on the raw bytes,
 * with the client's IP, HELO and MAIL FROM) before the processor sees it; no header is trusted.
 */
export async function startInboundServer(options: InboundServerOptions): Promise<InboundServer> {
  const maxBytes = options.maxBytes ?? 2 * 1024 * 1024;
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['AUTH', 'STARTTLS'],
    size: maxBytes,
    banner: 'certflow reply endpoint',
    // The PTR name proves nothing (DKIM/SPF/DMARC do) and its look-up delays every mail.
    disableReverseLookup: true,
    logger: false,
    onRcptTo(address, _session, callback) {
      if (tokenOfReplyAddress(address.address, options.replyDomain)) return callback();
      callback(new SmtpReply('5.1.1 No such reply address', 550));
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', () => {
        if (stream.sizeExceeded) {
          callback(new SmtpReply('5.3.4 Message too big', 552));
          return;
        }
        const raw = Buffer.concat(chunks);
        const recipients = session.envelope.rcptTo.map((r) => r.address);
        const mailFrom = session.envelope.mailFrom;
        const envelope = {
          ip: session.remoteAddress,
          helo: session.hostNameAppearsAs ?? '',
          sender: mailFrom ? mailFrom.address : '',
        };
        Promise.all([simpleParser(raw), options.authenticate(raw, envelope)])
          .then(([parsed, auth]) => options.process(toInboundMail(parsed, recipients, raw, auth)))
          .then(
            () => callback(),
            (error: unknown) => {
              options.onError?.(error);
              const retry = !(error instanceof InfrastructureError) || error.retryable;
              callback(
                retry
                  ? new SmtpReply('4.3.0 Temporary failure, try again later', 451)
                  : new SmtpReply('5.3.0 The reply could not be processed', 554),
              );
            },
          );
      });
    },
  });
  server.on('error', (error) => options.onError?.(error));
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, options.host ?? '127.0.0.1', () => resolve());
  });
  const port = (server.server.address() as AddressInfo).port;
  return {
    port,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
