import type { Decision } from './labels.js';

/**
 * Strict parsing of a reply mail (docs/deployment.md § Reply approval by mail): the first non-empty line decides — 同意/APPROVE,
 * 退回/RETURN, 驳回/REJECT — optionally followed by a separator and the start of the comment;
 * the following lines are the comment, up to the quoted original. Anything else is refused.
 * `\b` is ASCII-only in JavaScript, so the keyword's end is a Unicode-aware lookahead. Pure.
 */

export type ReplyParse =
  | { readonly ok: true; readonly decision: Decision; readonly comment: string | null }
  | {
      readonly ok: false;
      readonly reason: 'EMPTY' | 'NO_DECISION' | 'AMBIGUOUS' | 'COMMENT_TOO_LONG';
      readonly firstLine: string | null;
    };

const KEYWORDS: ReadonlyArray<readonly [RegExp, Decision]> = [
  [/^(?:同意|approved?)(?=$|[\s.,!:;。！，、：；])/iu, 'APPROVE'],
  [/^(?:退回|return(?:ed)?)(?=$|[\s.,!:;。！，、：；])/iu, 'RETURN'],
  [/^(?:驳回|reject(?:ed)?)(?=$|[\s.,!:;。！，、：；])/iu, 'REJECT'],
];

/** Any decision word anywhere: a first line naming two decisions is ambiguous. */
const ANY_KEYWORD = /同意|退回|驳回|(?<![a-z])(?:approve|return|reject)/iu;

/** Where the quoted original begins (Outlook, Gmail, Apple Mail, QQ Mail, Foxmail, NetEase). */
const QUOTE_START: readonly RegExp[] = [
  /^>/u,
  /^-{2,}\s*(?:original message|原始邮件|回复的原邮件|forwarded message)\s*-{2,}/iu,
  /^-{5,}\s*$/u,
  /^_{5,}\s*$/u,
  /^on .+wrote:\s*$/iu,
  /^在.+写道[:：]\s*$/u,
  /^(?:发件人|from)\s*[:：]/iu,
  /^--$/u,
];

export const MAX_COMMENT = 2000;

export function parseReply(body: string): ReplyParse {
  const lines = body
    .replace(/^\uFEFF/u, '')
    .replace(/\r\n?/gu, '\n')
    .split('\n');
  const start = lines.findIndex((l) => l.trim() !== '');
  if (start < 0) return { ok: false, reason: 'EMPTY', firstLine: null };
  const first = (lines[start] ?? '').trim().normalize('NFKC');
  if (QUOTE_START.some((q) => q.test(first)))
    return { ok: false, reason: 'EMPTY', firstLine: first };

  const match = KEYWORDS.map(([re, decision]) => ({ m: re.exec(first), decision })).find(
    (k) => k.m,
  );
  if (!match?.m) return { ok: false, reason: 'NO_DECISION', firstLine: first };
  const rest = first.slice(match.m[0].length).replace(/^[\s.,!:;。！，、：；]+/u, '');
  if (ANY_KEYWORD.test(rest)) return { ok: false, reason: 'AMBIGUOUS', firstLine: first };

  const body2: string[] = rest === '' ? [] : [rest];
  for (const line of lines.slice(start + 1)) {
    if (QUOTE_START.some((q) => q.test(line.trim()))) break;
    body2.push(line.trimEnd());
  }
  const comment = body2.join('\n').trim();
  if (comment.length > MAX_COMMENT)
    return { ok: false, reason: 'COMMENT_TOO_LONG', firstLine: first };
  return { ok: true, decision: match.decision, comment: comment === '' ? null : comment };
}
