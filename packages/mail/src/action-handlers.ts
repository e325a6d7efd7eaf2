import {
  isDomainError,
  type Clock,
  type Directory,
  type Engine,
  type Messages,
} from '@certflow/engine';
import { hashToken, normalizeToken, verifyToken, type TokenKeys } from './action-token.js';
import { decideWithToken } from './decide-with-token.js';
import { isDecision, NEEDS_REASON, type Decision } from './labels.js';
import type { ActionTokenRecord, MailContextSource, MailStore } from './ports.js';
import { MAX_COMMENT } from './reply-parser.js';
import { confirmPage, donePage, messagePage } from './templates/action-pages.js';
import { PAGE_HEADERS } from './templates/page-security.js';

/** A request to an action link, framework-free: the `:token` path segment, the method, the form. */
export interface ActionRequest {
  readonly token: string;
  readonly method: string;
  readonly form?: Readonly<Record<string, string | undefined>>;
}

export interface ActionResponse {
  readonly status: number;
  readonly html: string;
  /**
   * Send these with the page (`PAGE_HEADERS`): a strict CSP, no framing, no referrer, no caching,
   * no sniffing.
   */
  readonly headers: Readonly<Record<string, string>>;
}

export interface ActionHandlerOptions {
  readonly store: MailStore;
  readonly keys: TokenKeys;
  /** Reads (is the task still open, the summary) and the decision itself. */
  readonly engine: Engine;
  /** Who the token's approver is now. */
  readonly directory: Directory;
  readonly context: MailContextSource;
  readonly clock?: Clock;
  /** Told about unexpected failures (the visitor sees a plain 503 page). */
  readonly onError?: (error: unknown) => void;
  /** A decision committed: deliver what it wrote now (nudge the scheduler or the BullMQ relay). */
  readonly onDecision?: (instanceId: string) => void;
}

const PAGES = {
  invalid: {
    title: { zh: '链接无效', en: 'Invalid link' },
    message: {
      zh: '该链接无效或已被篡改，未作任何处理。',
      en: 'This link is not valid or was altered; nothing was done.',
    },
  },
  used: {
    title: { zh: '链接已使用', en: 'Link already used' },
    message: {
      zh: '该链接已经使用过，每个办理链接只能使用一次，未作任何处理。',
      en: 'Each action link works once; nothing was done.',
    },
  },
  superseded: {
    title: { zh: '待办已处理', en: 'Task already dealt with' },
    message: {
      zh: '该待办已由他人办理，或流程已进入其他环节，此链接已失效，未作任何处理。',
      en: 'This task was dealt with or the process moved on; nothing was done.',
    },
  },
  expired: {
    title: { zh: '链接已过期', en: 'Link expired' },
    message: { zh: '该链接已过期，未作任何处理。', en: 'This link has expired; nothing was done.' },
  },
  unavailable: {
    title: { zh: '系统繁忙', en: 'Service unavailable' },
    message: {
      zh: '系统暂时无法处理，未作任何处理，请稍后再试。',
      en: 'Nothing was done; please try again later.',
    },
  },
  method: {
    title: { zh: '不支持的请求', en: 'Unsupported request' },
    message: {
      zh: '请通过邮件中的链接打开此页面。',
      en: 'Open this page from the link in the mail.',
    },
  },
} as const satisfies Record<string, { title: Messages; message: Messages }>;

type PageKey = keyof typeof PAGES;
const STATUS: Readonly<Record<PageKey, number>> = {
  invalid: 400,
  used: 409,
  superseded: 410,
  expired: 410,
  unavailable: 503,
  method: 405,
};

const answer = (status: number, html: string): ActionResponse => ({
  status,
  html,
  headers: PAGE_HEADERS,
});

const page = (key: PageKey): ActionResponse =>
  answer(STATUS[key], messagePage(PAGES[key].title, PAGES[key].message));

const REFUSAL_STATUS: Readonly<Record<string, number>> = {
  NOT_AUTHORIZED: 403,
  SELF_APPROVAL: 403,
  SEPARATION_OF_DUTIES: 403,
  APPROVER_UNKNOWN: 403,
  TOKEN_SUPERSEDED: 410,
};

/** Why a stored token cannot be used now, if it cannot. */
function unusable(row: ActionTokenRecord, now: Date): PageKey | undefined {
  if (row.usedAt) return 'used';
  if (row.supersededAt) return 'superseded';
  if (row.expiresAt.getTime() <= now.getTime()) return 'expired';
  return undefined;
}

/**
 * The action-link endpoint: `GET` shows a confirmation page and changes nothing (mail scanners
 * open links); `POST` decides. Every failure is a zh-CN page with a 4xx status, never a stack trace.
 */
export function createActionHandler(
  options: ActionHandlerOptions,
): (req: ActionRequest) => Promise<ActionResponse> {
  const clock = options.clock ?? { now: () => new Date() };

  const inspect = async (
    raw: string,
  ): Promise<{ token: string; row: ActionTokenRecord; decision: Decision } | PageKey> => {
    const token = normalizeToken(raw);
    if (!token) return 'invalid';
    const row = await options.store.getToken(hashToken(token));
    if (!row || !verifyToken(options.keys, token, row)) return 'invalid';
    if (row.purpose !== 'action' || !isDecision(row.decision)) return 'invalid';
    return unusable(row, clock.now()) ?? { token, row, decision: row.decision };
  };

  const taskOpen = async (row: ActionTokenRecord): Promise<boolean> => {
    const view = await options.engine.get(row.instanceId);
    return view.tasks.some((t) => t.id === row.taskId);
  };

  const handle = async (req: ActionRequest): Promise<ActionResponse> => {
    const method = req.method.toUpperCase();
    if (method !== 'GET' && method !== 'HEAD' && method !== 'POST') return page('method');
    const found = await inspect(req.token);
    if (typeof found === 'string') return page(found);
    const { row, decision } = found;
    const ref = {
      instanceId: row.instanceId,
      taskId: row.taskId,
      step: null,
      audience: null,
      dueAt: null,
    };

    if (method !== 'POST') {
      if (!(await taskOpen(row))) return page('superseded');
      const context = await options.context.load(ref);
      return answer(200, confirmPage({ decision, context, expiresAt: row.expiresAt }));
    }

    const comment = (req.form?.['comment'] ?? '').trim();
    // Checked before the token is spent: a missing reason or a long comment asks again.
    const problem =
      comment.length > MAX_COMMENT
        ? `审批意见不能超过${MAX_COMMENT}字（现为${comment.length}字）。`
        : NEEDS_REASON.has(decision) && comment === ''
          ? '退回或驳回须填写理由，请在审批意见中说明。A return or a rejection needs a reason.'
          : null;
    if (problem) {
      const context = await options.context.load(ref);
      const error = problem;
      return answer(
        400,
        confirmPage({ decision, context, comment, error, expiresAt: row.expiresAt }),
      );
    }
    const use = await options.store.useToken({
      tokenHash: row.tokenHash,
      now: clock.now(),
      apply: decideWithToken(options, decision, comment === '' ? null : comment),
    });
    switch (use.status) {
      case 'applied':
        options.onDecision?.(row.instanceId);
        return answer(200, donePage(decision, await options.context.load(ref)));
      case 'refused':
        return answer(
          REFUSAL_STATUS[use.error.code] ?? 409,
          messagePage({ zh: '未能办理', en: 'Not done' }, use.error.messages),
        );
      case 'unavailable':
        return page((use.token && unusable(use.token, clock.now())) ?? 'invalid');
      case 'duplicate':
        return page('used');
    }
  };

  return async (req) => {
    try {
      return await handle(req);
    } catch (error) {
      if (isDomainError(error) && error.code === 'NOT_FOUND') return page('invalid');
      options.onError?.(error);
      return page('unavailable');
    }
  };
}
