import {
  createEngine,
  ManualClock,
  type AnyFlow,
  type Engine,
  type OutboxRecord,
} from '@certflow/engine';
import { createMailStore, type DbHandle } from '@certflow/db';
import { people, weekdayCalendar } from '@certflow/pilot/testing';
import { parseTokenKeys, type TokenKeys } from '../action-token.js';
import {
  createActionHandler,
  type ActionRequest,
  type ActionResponse,
} from '../action-handlers.js';
import { engineMailContext } from '../engine-mail-context.js';
import { createNotifyHandler } from '../notify-handler.js';
import type { MailStore, MailTransport } from '../ports.js';
import { createSmtpTransport } from '../smtp-transport.js';
import type { SmtpSink } from './smtp-sink.js';

export const COLLEGES = { ee: '电子工程学院', cs: '计算机学院' } as const;
export const PUBLIC_URL = 'https://certflow.example.edu.cn';
export const PUBLIC_HOST = 'certflow.example.edu.cn';
export const REPLY_DOMAIN = 'reply.example.edu.cn';
export const SECRET = 'k2=0123456789abcdef0123456789abcdef,k1=fedcba9876543210fedcba9876543210';
export const TTL = 14 * 24 * 3600 * 1000;

export interface MailWorld {
  readonly engine: Engine;
  readonly clock: ManualClock;
  readonly keys: TokenKeys;
  readonly mailStore: MailStore;
  readonly transport: MailTransport;
  readonly notify: (row: OutboxRecord) => Promise<void>;
  readonly action: (req: ActionRequest) => Promise<ActionResponse>;
  /** A relay: hand every pending outbox row to the handler, then mark it delivered. */
  drain(): Promise<OutboxRecord[]>;
}

/** An engine with the pilot flows over `handle`, the cast in its directory, mail over `sink`. */
export async function mailWorld(
  handle: DbHandle<unknown>,
  sink: SmtpSink,
  options: { flows: readonly AnyFlow[]; replyDomain?: string; transport?: MailTransport },
): Promise<MailWorld> {
  for (const p of Object.values(people)) {
    await handle.directory.upsertUser({ college: null, ...p });
  }
  const clock = new ManualClock('2026-11-02T09:00:00+08:00');
  const base = {
    flows: options.flows,
    clock,
    calendar: weekdayCalendar,
    directory: handle.store.directory,
  };
  const engine = createEngine({ ...base, store: handle.store });
  const keys = parseTokenKeys(SECRET);
  const mailStore = createMailStore(handle.db);
  const transport =
    options.transport ??
    createSmtpTransport({ host: '127.0.0.1', port: sink.port, secure: false, ignoreTLS: true });
  const context = engineMailContext({ engine, colleges: COLLEGES, directory: handle.directory });
  const notify = createNotifyHandler({
    transport,
    store: mailStore,
    context,
    keys,
    from: '教务处 <noreply@example.edu.cn>',
    publicUrl: PUBLIC_URL,
    publicHost: PUBLIC_HOST,
    replyDomain: options.replyDomain ?? null,
    tokenTtlMs: TTL,
    clock,
  });
  const action = createActionHandler({
    store: mailStore,
    keys,
    engine,
    directory: handle.directory,
    context,
    clock,
  });
  return {
    engine,
    clock,
    keys,
    mailStore,
    transport,
    notify,
    action,
    async drain() {
      const rows = await handle.dispatch.pendingOutbox(clock.now(), 1000);
      const notifyRows = rows.filter((r) => r.kind === 'notify');
      for (const row of notifyRows) {
        await notify(row);
        await handle.dispatch.markDelivered(row.id, clock.now());
      }
      return notifyRows;
    },
  };
}

/** The action-link tokens in a mail body, by label (同意/退回/驳回). */
export function linksOf(text: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const m of text.matchAll(/^(同意|退回|驳回|查看详情)：(\S+)$/gmu)) {
    out[m[1] ?? ''] = m[2] ?? '';
  }
  return out;
}

/** The `:token` of an action URL. */
export function tokenOf(url: string | undefined): string {
  const m = /\/mail\/actions\/([^/?#]+)$/u.exec(url ?? '');
  if (!m?.[1]) throw new Error(`not an action link: ${url}`);
  return m[1];
}
