import { type Clock, type Directory, type OutboxRecord, type Person } from '@certflow/engine';
import { z } from 'zod';
import { enDate, zhDate } from './beijing-time.js';
import { outboxPayload } from './outbox-payload.js';
import { sendRecorded } from './recorded-send.js';
import type { MailStore, MailTransport } from './ports.js';
import { escapeHtml, htmlDocument, paragraph } from './templates/html.js';

/**
 * Outbox kind of the weekly 「请导入…年节假日安排」 mail: the same string as `@certflow/calendar`'s
 * `COVERAGE_WARNING_OUTBOX_KIND` (which writes the rows; docs/calendar.md § The coverage warning).
 */
export const COVERAGE_MAIL_OUTBOX_KIND = 'calendar.coverage-warning';

/** The row's payload as `@certflow/calendar` writes it (`CoverageWarningPayload`). */
const payloadSchema = z.object({
  notification: z.literal('calendar-coverage'),
  year: z.number().int(),
  week: z.string(),
  since: z.string(),
  audience: z.object({ role: z.string(), college: z.string().nullable() }),
});

export interface CoverageMailHandlerOptions {
  readonly transport: MailTransport;
  readonly store: MailStore;
  /** Who holds the payload's role (`academic_affairs`, 教务处). */
  readonly directory: Pick<Directory, 'usersFor'>;
  readonly from: string;
  /** `CERTFLOW_PUBLIC_URL`: the mail links to `<publicUrl>/admin/calendar`. */
  readonly publicUrl: string;
  readonly publicHost: string;
  readonly clock?: Clock;
}

export interface CoverageMail {
  readonly subject: string;
  readonly text: string;
  readonly html: string;
}

/** The mail: zh-CN first, English second. Pure. */
export function renderCoverageMail(input: {
  readonly year: number;
  readonly recipientName: string;
  readonly publicUrl: string;
  readonly date: Date;
}): CoverageMail {
  const { year } = input;
  const link = input.publicUrl ? `${input.publicUrl.replace(/\/+$/u, '')}/admin/calendar` : '';
  const zh = [
    `尊敬的${input.recipientName}：`,
    '您好！',
    `${year}年节假日安排（放假与调休上班）尚未导入系统。在导入之前，截止时间落在${year}年的待办暂按周末计算（只跳过周六、周日），并标注为“暂定”；导入后系统自动重新计算这些期限及其提醒。`,
    '请在国务院办公厅发布放假安排通知后导入：',
    `· 命令行：pnpm certflow calendar import <文件>`,
    `· 接口：PUT /api/calendar/${year}（教务处账号，JSON 文件见 docs/calendar.md）`,
    ...(link ? [`· 管理页面：${link}`] : []),
    '导入前本提醒每周发送一次。',
    '',
    'certflow',
    zhDate(input.date),
  ];
  const en = [
    `The ${year} holiday table (public holidays and make-up working days) has not been imported. Until it is, deadlines in ${year} are counted on weekends alone (only Saturdays and Sundays are skipped) and marked provisional; once it is imported they and their reminders are recomputed automatically.`,
    'Please import it once the State Council publishes the notice:',
    `· CLI: pnpm certflow calendar import <file>`,
    `· API: PUT /api/calendar/${year} (as Academic Affairs; the JSON shape is in docs/calendar.md)`,
    ...(link ? [`· Admin page: ${link}`] : []),
    'This reminder is sent once a week until then.',
    '',
    `certflow, ${enDate(input.date)}`,
  ];
  const subject = `【提醒】请导入${year}年节假日安排 / Please import the ${year} holiday table`;
  const html = htmlDocument(
    'zh-CN',
    subject,
    paragraph(zh.join('\n')) +
      (link
        ? `<p style="margin:0 0 12px"><a href="${escapeHtml(link)}">${escapeHtml(link)}</a></p>`
        : '') +
      '<hr style="border:none;border-top:1px solid #ddd;margin:16px 0">' +
      `<div lang="en">${paragraph(en.join('\n'), 'color:#555')}</div>`,
  );
  return { subject, text: `${zh.join('\n')}\n\n----\n\n${en.join('\n')}\n`, html };
}

/**
 * The outbox handler for `calendar.coverage-warning` rows: one mail to every holder of the
 * payload's role (教务处), each recorded in `mail_messages` as `<row id>/<person id>` with a
 * stable Message-ID (a UUID hashed from that key), so a redelivered row sends only what was not sent yet. Failures reject with
 * `InfrastructureError` (a bad payload is not retried).
 */
export function createCoverageMailHandler(
  options: CoverageMailHandlerOptions,
): (row: OutboxRecord) => Promise<void> {
  const clock = options.clock ?? { now: () => new Date() };
  return async (row) => {
    const payload = outboxPayload(row, COVERAGE_MAIL_OUTBOX_KIND, payloadSchema, 'coverage');
    const recipients = await options.directory.usersFor(
      payload.audience.role,
      payload.audience.college,
    );
    for (const person of recipients) await sendOne(row, payload.year, person);
  };

  async function sendOne(row: OutboxRecord, year: number, person: Person): Promise<void> {
    if (!person.email) return;
    const mail = renderCoverageMail({
      year,
      recipientName: person.name,
      publicUrl: options.publicUrl,
      date: row.createdAt,
    });
    await sendRecorded({ ...options, clock }, row, {
      key: `${row.id}/${person.id}`,
      notification: 'calendar-coverage',
      to: { id: person.id, name: person.name, email: person.email },
      ...mail,
    });
  }
}
