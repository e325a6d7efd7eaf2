import type { NotificationPayload } from '@certflow/engine';
import { stepLabel } from '../labels.js';
import type { Locale, MailContext } from '../ports.js';

/** The one line that says what the mail asks or tells, per notification kind. Pure. */
export function leadLine(locale: Locale, payload: NotificationPayload, ctx: MailContext): string {
  const zh = locale === 'zh-CN';
  const what = zh
    ? `${ctx.flowTitle.zh}（${ctx.headline}）`
    : `${ctx.flowTitle.en} (${ctx.headline})`;
  const actor = payload.actor.name ?? (zh ? '系统' : 'the system');
  const step = ctx.task ? stepLabel(ctx.task) : null;
  const stepText = step ? (zh ? `，当前环节：${step.zh}` : `, step: ${step.en}`) : '';
  switch (payload.notification) {
    case 'task':
      if (ctx.task?.approval === false) {
        return zh
          ? `您有一项待办理事项：${what}${stepText}。`
          : `Something needs your action: ${what}${stepText}.`;
      }
      return zh
        ? `您有一项待审批事项：${what}${stepText}，请审批。`
        : `An application awaits your approval: ${what}${stepText}.`;
    case 'returned':
      return zh
        ? `您提交的${what}已被${actor}退回修改，请修改后重新提交。`
        : `Your ${what} was returned for revision by ${actor}; please revise and resubmit it.`;
    case 'rejected':
      return zh
        ? `您提交的${what}已被${actor}驳回，流程结束。`
        : `Your ${what} was rejected by ${actor}; the process has ended.`;
    case 'withdrawn':
      return zh ? `${what}已由${actor}撤回，流程结束。` : `${what} was withdrawn by ${actor}.`;
    case 'cc':
      return zh
        ? `${actor}将${what}抄送给您，请知悉，无需办理。`
        : `${actor} copied you on ${what}, for your information; nothing to do.`;
    case 'reminder':
      return zh
        ? `您的待办事项${what}尚未办理，特此催办，请尽快处理${stepText}。`
        : `Reminder: ${what} still awaits your action${stepText}.`;
    case 'escalation':
      if (ctx.task?.kind === 'escalation') {
        return zh
          ? `${what}已超过办理期限，现升级由您处理${stepText}。`
          : `${what} is past its deadline and has been escalated to you${stepText}.`;
      }
      return zh
        ? `您的待办事项${what}已超过办理期限，已升级上报；您仍可继续办理${stepText}。`
        : `${what} is past its deadline and was escalated; you may still act on it${stepText}.`;
    case 'decision':
      return zh ? `您提交的${what}已审批通过。` : `Your ${what} has been approved.`;
    case 'cancelled':
      return zh ? `${what}已取消，流程结束。` : `${what} has been cancelled.`;
    case 'urge':
      return zh
        ? `申请人${actor}催办：${what}正等待您办理${stepText}，请尽快处理。`
        : `The applicant ${actor} asks you to act on ${what}${stepText} soon.`;
    case 'deadline-moved':
      return zh
        ? `节假日安排已更新，${what}的办理期限已相应调整${stepText}。`
        : `The holiday table changed; the deadline of ${what} moved accordingly${stepText}.`;
  }
}

/** The label before the comment: 审批意见 / 原因. */
export function commentLabel(locale: Locale, payload: NotificationPayload): string {
  const reason = payload.notification === 'cancelled' || payload.notification === 'withdrawn';
  if (locale === 'zh-CN') return reason ? '原因' : '审批意见';
  return reason ? 'Reason' : 'Comment';
}

const TITLED = /(老师|教授|院长|副院长|处长|副处长|科长|主任|书记|校长|同志|先生|女士)$/u;

/** `尊敬的张伟老师：` — no second title when the name already carries one (`王处长`). */
export function greeting(locale: Locale, name: string | null): string {
  if (locale === 'en') return `Dear ${name ?? 'colleague'},`;
  if (name === null) return '尊敬的老师：';
  return TITLED.test(name) ? `尊敬的${name}：` : `尊敬的${name}老师：`;
}
