import { normalizeToken } from './action-token.js';

/** Where the server mounts the action handlers (`GET`/`POST`). */
export const ACTION_ROUTE = '/mail/actions/:token';

export function actionUrl(publicUrl: string, token: string): string {
  return `${publicUrl}/mail/actions/${token}`;
}

/** 查看详情: the instance in the web console. */
export function detailsUrl(publicUrl: string, instanceId: string): string {
  return `${publicUrl}/instances/${encodeURIComponent(instanceId)}`;
}

/** The per-task, per-approver reply address: `reply+<token>@<domain>`. */
export function replyAddress(token: string, domain: string): string {
  return `reply+${token}@${domain}`;
}

/** The token of a reply address on our domain, or undefined. Case-insensitive. */
export function tokenOfReplyAddress(address: string, domain: string): string | undefined {
  const m = /^reply\+([^@]+)@(.+)$/iu.exec(address.trim());
  if (!m || m[2]?.toLowerCase() !== domain.toLowerCase()) return undefined;
  return normalizeToken(m[1] ?? '');
}

/** `<outbox-id@certflow.HOST>`: stable per outbox row, so a redelivery is the same mail. */
export function notificationMessageId(outboxId: string, publicHost: string): string {
  return `<${outboxId}@certflow.${publicHost}>`;
}
