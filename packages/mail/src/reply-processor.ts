import { createHash } from 'node:crypto';
import type { Clock, Directory, Engine, Messages } from '@certflow/engine';
import { hashToken, verifyToken, type TokenKeys } from './action-token.js';
import { decideWithToken } from './decide-with-token.js';
import { replyAllowedFor } from './engine-mail-context.js';
import { DECISION_LABELS, type Decision } from './labels.js';
import { tokenOfReplyAddress } from './mail-links.js';
import type { ActionTokenRecord, EngineFor, MailStore, MailTransport } from './ports.js';
import { REPLY_REFUSALS, type ReplyRefusal } from './reply-refusals.js';
import { parseReply } from './reply-parser.js';
import { renderAnswer } from './templates/render-answer.js';

/** An inbound mail, as the SMTP adapter hands it over. */
export interface InboundMail {
  readonly messageId: string | null;
  /** The From address (lower or mixed case). */
  readonly from: string | null;
  /** The envelope recipients (RCPT TO). */
  readonly recipients: readonly string[];
  readonly inReplyTo: string | null;
  readonly references: readonly string[];
  readonly subject: string;
  readonly text: string;
  /** RFC 3834 `Auto-Submitted`: anything but `no` is never answered (no mail loops). */
  readonly autoSubmitted: string | null;
  /** SHA-256 of the raw message: the dedup key when there is no Message-ID. */
  readonly digest: string;
}

export type ReplyOutcome =
  | { readonly status: 'applied'; readonly decision: Decision; readonly instanceId: string }
  | { readonly status: 'refused'; readonly reason: string }
  | { readonly status: 'duplicate' }
  | { readonly status: 'ignored' };

export interface ReplyProcessorOptions {
  readonly store: MailStore;
  readonly keys: TokenKeys;
  readonly engine: Engine;
  readonly engineFor: EngineFor;
  readonly directory: Directory;
  /** Sends the explanatory answers. */
  readonly transport: MailTransport;
  readonly from: string;
  readonly replyDomain: string;
  readonly publicHost: string;
  readonly clock?: Clock;
  readonly onError?: (error: unknown) => void;
}

type Check =
  | { ok: true; token: ActionTokenRecord; decision: Decision; comment: string | null }
  | {
      ok: false;
      reason: ReplyRefusal;
    };

/**
 * Reply approval (DESIGN §7). Applied only when all hold: the mail went to a valid reply address
 * (`reply+<signed token>@domain`, bound to task and approver), From is the approver's address, it
 * answers (In-Reply-To/References) a notification sent to that approver for that task, the step
 * allows reply (`replyAllowed`; never leadership), the task is open, and the first line decides
 * unambiguously. The token is consumed, the reply's Message-ID recorded and the decision made in
 * one transaction; a second delivery of the same mail applies nothing. Every reply that is not
 * applied is answered with the reason.
 */
export function createReplyProcessor(
  options: ReplyProcessorOptions,
): (mail: InboundMail) => Promise<ReplyOutcome> {
  const clock = options.clock ?? { now: () => new Date() };

  const answer = async (mail: InboundMail, status: string, message: Messages, applied: boolean) => {
    if (!mail.from) return;
    const key = createHash('sha256')
      .update(`${mail.messageId ?? mail.digest}\n${status}`)
      .digest('hex');
    const rendered = renderAnswer({ subject: mail.subject, message, applied, date: clock.now() });
    try {
      await options.transport.send({
        messageId: `<answer.${key.slice(0, 32)}@certflow.${options.publicHost}>`,
        date: clock.now(),
        from: options.from,
        to: { name: null, address: mail.from },
        subject: rendered.subject,
        text: rendered.text,
        html: rendered.html,
        ...(mail.messageId
          ? { inReplyTo: mail.messageId, references: [...mail.references, mail.messageId] }
          : {}),
        headers: { 'Auto-Submitted': 'auto-replied', 'X-Auto-Response-Suppress': 'All' },
      });
    } catch (error) {
      options.onError?.(error);
    }
  };

  const check = async (mail: InboundMail): Promise<Check> => {
    const token = mail.recipients
      .map((r) => tokenOfReplyAddress(r, options.replyDomain))
      .find((t) => t !== undefined);
    if (!token) return { ok: false, reason: 'NOT_OUR_ADDRESS' };
    const row = await options.store.getToken(hashToken(token));
    if (!row || row.purpose !== 'reply' || !verifyToken(options.keys, token, row)) {
      return { ok: false, reason: 'TOKEN_INVALID' };
    }
    const approver = await options.directory.getUser(row.approverId);
    if (!approver || !mail.from || approver.email.toLowerCase() !== mail.from.toLowerCase()) {
      return { ok: false, reason: 'SENDER_MISMATCH' };
    }
    const thread = [mail.inReplyTo, ...mail.references].filter((id): id is string => !!id);
    const sent = await Promise.all(thread.map((id) => options.store.findMessage(id)));
    if (!sent.some((m) => m?.taskId === row.taskId && m.recipientId === row.approverId)) {
      return { ok: false, reason: 'NOT_A_REPLY' };
    }
    if (row.usedAt) return { ok: false, reason: 'TOKEN_USED' };
    if (row.supersededAt) return { ok: false, reason: 'TASK_CLOSED' };
    if (row.expiresAt.getTime() <= clock.now().getTime())
      return { ok: false, reason: 'TOKEN_EXPIRED' };
    const view = await options.engine.get(row.instanceId);
    const task = view.tasks.find((t) => t.id === row.taskId);
    if (!task) return { ok: false, reason: 'TASK_CLOSED' };
    if (!replyAllowedFor(options.engine, { id: view.flow, version: view.flowVersion }, task)) {
      return { ok: false, reason: 'REPLY_NOT_ALLOWED' };
    }
    const parsed = parseReply(mail.text);
    if (!parsed.ok) return { ok: false, reason: parsed.reason };
    if (!task.events.includes(parsed.decision))
      return { ok: false, reason: 'DECISION_NOT_ALLOWED' };
    return { ok: true, token: row, decision: parsed.decision, comment: parsed.comment };
  };

  return async (mail) => {
    if (mail.autoSubmitted && mail.autoSubmitted.toLowerCase() !== 'no')
      return { status: 'ignored' };
    const key = mail.messageId ?? `<sha256.${mail.digest}>`;
    const now = clock.now();
    const record = (reason: string, token?: ActionTokenRecord) =>
      options.store.recordInbound({
        messageId: key,
        fromAddress: (mail.from ?? '').toLowerCase(),
        tokenHash: token?.tokenHash ?? null,
        taskId: token?.taskId ?? null,
        status: 'refused',
        decision: null,
        reason,
        receivedAt: now,
      });
    const duplicate = async (): Promise<ReplyOutcome> => {
      await answer(mail, 'duplicate', REPLY_REFUSALS.DUPLICATE, false);
      return { status: 'duplicate' };
    };
    const refuse = async (reason: string, message: Messages, token?: ActionTokenRecord) => {
      if (!(await record(reason, token))) return duplicate();
      await answer(mail, `refused.${reason}`, message, false);
      return { status: 'refused', reason } as const;
    };

    if (await options.store.getInbound(key)) return duplicate();
    const verdict = await check(mail);
    if (!verdict.ok) return refuse(verdict.reason, REPLY_REFUSALS[verdict.reason]);

    const { token, decision, comment } = verdict;
    const use = await options.store.useToken({
      tokenHash: token.tokenHash,
      now,
      inbound: {
        messageId: key,
        fromAddress: (mail.from ?? '').toLowerCase(),
        tokenHash: token.tokenHash,
        taskId: token.taskId,
        status: 'applied',
        decision,
        reason: null,
        receivedAt: now,
      },
      apply: decideWithToken(options.engineFor, decision, comment),
    });
    switch (use.status) {
      case 'applied': {
        const label = DECISION_LABELS[decision];
        await answer(
          mail,
          'applied',
          { zh: `已按您的回复办理：${label.zh}。`, en: `Done as you replied: ${label.en}.` },
          true,
        );
        return { status: 'applied', decision, instanceId: token.instanceId };
      }
      case 'refused':
        await answer(mail, `refused.${use.error.code}`, use.error.messages, false);
        return { status: 'refused', reason: use.error.code };
      case 'unavailable': {
        const reason: ReplyRefusal = use.token?.usedAt ? 'TOKEN_USED' : 'TASK_CLOSED';
        return refuse(reason, REPLY_REFUSALS[reason], token);
      }
      case 'duplicate':
        return duplicate();
    }
  };
}
