import { createHash } from 'node:crypto';
import type { Clock, Directory, Engine, Messages } from '@certflow/engine';
import { hashToken, verifyToken, type TokenKeys } from './action-token.js';
import { decideWithToken } from './decide-with-token.js';
import { replyAllowedFor } from './engine-mail-context.js';
import { DECISION_LABELS, NEEDS_REASON, type Decision } from './labels.js';
import { tokenOfReplyAddress } from './mail-links.js';
import type { ActionTokenRecord, MailStore, MailTransport } from './ports.js';
import { REPLY_REFUSALS, type ReplyRefusal } from './reply-refusals.js';
import { parseReply } from './reply-parser.js';
import type { ReplyAuthentication } from './reply-authentication.js';
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
  /** DKIM/SPF/DMARC of the raw message (`createReplyAuthenticator`); null = not checked (refused). */
  readonly authentication: ReplyAuthentication | null;
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
  readonly directory: Directory;
  /** Sends the explanatory answers. */
  readonly transport: MailTransport;
  readonly from: string;
  readonly replyDomain: string;
  readonly publicHost: string;
  readonly clock?: Clock;
  readonly onError?: (error: unknown) => void;
  /** A decision committed: deliver what it wrote now (nudge the scheduler or the BullMQ relay). */
  readonly onDecision?: (instanceId: string) => void;
}

type Check =
  | {
      ok: true;
      token: ActionTokenRecord;
      decision: Decision;
      comment: string | null;
      /** The approver's address in the directory (= From). */
      answerTo: string;
    }
  | {
      ok: false;
      reason: ReplyRefusal;
      /** Where the refusal may be mailed: only the approver's own directory address, never a stranger. */
      answerTo: string | null;
    };

/**
 * Reply approval (docs/deployment.md § Reply approval by mail). Applied only when all hold: the mail went to a valid reply address
 * (`reply+<signed token>@domain`, bound to task and approver), From is the approver's address
 * and is authenticated (DMARC/aligned DKIM, or a trusted relay: `mail.authentication`), it
 * answers (In-Reply-To/References) a notification sent to that approver for that task, the step
 * allows reply (`replyAllowed`; never leadership), the task is open, and the first line decides
 * unambiguously. The token is consumed, the reply's Message-ID recorded and the decision made in
 * one transaction; a second delivery of the same mail applies nothing. A reply that is not
 * applied is answered with the reason — but only to the approver's own address in the directory:
 * a stranger, or a forged From that is no approver's, gets nothing (no backscatter).
 */
export function createReplyProcessor(
  options: ReplyProcessorOptions,
): (mail: InboundMail) => Promise<ReplyOutcome> {
  const clock = options.clock ?? { now: () => new Date() };

  const answer = async (
    mail: InboundMail,
    to: string | null,
    status: string,
    message: Messages,
    applied: boolean,
  ) => {
    if (!to) return;
    const key = createHash('sha256')
      .update(`${mail.messageId ?? mail.digest}\n${status}`)
      .digest('hex');
    const rendered = renderAnswer({ subject: mail.subject, message, applied, date: clock.now() });
    try {
      await options.transport.send({
        messageId: `<answer.${key.slice(0, 32)}@certflow.${options.publicHost}>`,
        date: clock.now(),
        from: options.from,
        to: { name: null, address: to },
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
    if (!token) return { ok: false, reason: 'NOT_OUR_ADDRESS', answerTo: null };
    const row = await options.store.getToken(hashToken(token));
    if (!row || row.purpose !== 'reply' || !verifyToken(options.keys, token, row)) {
      return { ok: false, reason: 'TOKEN_INVALID', answerTo: null };
    }
    const approver = await options.directory.getUser(row.approverId);
    if (!approver || !mail.from || approver.email.toLowerCase() !== mail.from.toLowerCase()) {
      return { ok: false, reason: 'SENDER_MISMATCH', answerTo: null };
    }
    const to = approver.email;
    const refused = (reason: ReplyRefusal): Check => ({ ok: false, reason, answerTo: to });
    if (!mail.authentication?.aligned) return refused('NOT_AUTHENTICATED');
    const thread = [mail.inReplyTo, ...mail.references].filter((id): id is string => !!id);
    const sent = await Promise.all(thread.map((id) => options.store.findMessage(id)));
    if (!sent.some((m) => m?.taskId === row.taskId && m.recipientId === row.approverId)) {
      return refused('NOT_A_REPLY');
    }
    if (row.usedAt) return refused('TOKEN_USED');
    if (row.supersededAt) return refused('TASK_CLOSED');
    if (row.expiresAt.getTime() <= clock.now().getTime()) return refused('TOKEN_EXPIRED');
    const view = await options.engine.get(row.instanceId);
    const task = view.tasks.find((t) => t.id === row.taskId);
    if (!task) return refused('TASK_CLOSED');
    if (!replyAllowedFor(options.engine, { id: view.flow, version: view.flowVersion }, task)) {
      return refused('REPLY_NOT_ALLOWED');
    }
    const parsed = parseReply(mail.text);
    if (!parsed.ok) return refused(parsed.reason);
    if (!task.events.includes(parsed.decision)) return refused('DECISION_NOT_ALLOWED');
    if (NEEDS_REASON.has(parsed.decision) && !parsed.comment) return refused('REASON_REQUIRED');
    return {
      ok: true,
      token: row,
      decision: parsed.decision,
      comment: parsed.comment,
      answerTo: to,
    };
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
    // A duplicate is answered only where its first delivery could have been: the approver's address.
    const duplicate = async (to: string | null): Promise<ReplyOutcome> => {
      await answer(mail, to, 'duplicate', REPLY_REFUSALS.DUPLICATE, false);
      return { status: 'duplicate' };
    };
    const refuse = async (
      reason: string,
      message: Messages,
      to: string | null,
      token?: ActionTokenRecord,
    ) => {
      if (!(await record(reason, token))) return duplicate(to);
      await answer(mail, to, `refused.${reason}`, message, false);
      return { status: 'refused', reason } as const;
    };

    const verdict = await check(mail);
    if (await options.store.getInbound(key)) return duplicate(verdict.answerTo);
    if (!verdict.ok)
      return refuse(verdict.reason, REPLY_REFUSALS[verdict.reason], verdict.answerTo);

    const { token, decision, comment, answerTo } = verdict;
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
      apply: decideWithToken(options, decision, comment),
    });
    switch (use.status) {
      case 'applied': {
        options.onDecision?.(token.instanceId);
        const label = DECISION_LABELS[decision];
        await answer(
          mail,
          answerTo,
          'applied',
          { zh: `已按您的回复办理：${label.zh}。`, en: `Done as you replied: ${label.en}.` },
          true,
        );
        return { status: 'applied', decision, instanceId: token.instanceId };
      }
      case 'refused':
        await answer(mail, answerTo, `refused.${use.error.code}`, use.error.messages, false);
        return { status: 'refused', reason: use.error.code };
      case 'unavailable': {
        const reason: ReplyRefusal = use.token?.usedAt ? 'TOKEN_USED' : 'TASK_CLOSED';
        return refuse(reason, REPLY_REFUSALS[reason], answerTo, token);
      }
      case 'duplicate':
        return duplicate(answerTo);
    }
  };
}
