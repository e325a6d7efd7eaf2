import { describe, expect, it } from 'vitest';
import type { NotificationPayload } from '@certflow/engine';
import { mailConfigFromEnv, MailConfigError } from './mail-config.js';
import type { MailContext } from './ports.js';
import { renderNotification } from './templates/render-notification.js';

const payload: NotificationPayload = {
  notification: 'task',
  instanceId: 'i-1',
  flowId: 'pilot-project',
  flowVersion: 1,
  title: 'ee Web前端开发（中级）',
  status: 'active',
  state: 'collegeReview',
  taskId: 't-1',
  step: 'college',
  dueProvisional: false,
  dueExplanation: null,
  onBehalfOf: null,
  dueAt: '2026-11-09T01:00:00.000Z',
  recipient: { id: 'u-1', name: '张伟', email: 'zw@example.edu.cn' },
  audience: { role: 'college_lead', college: 'ee' },
  actor: { id: 'u-owner', name: '<b>张老师</b>' },
  comment: null,
};
const context: MailContext = {
  flowTitle: { zh: '年度试点项目申报', en: 'Annual pilot project application' },
  headline: '电子工程学院 Web前端开发（中级）',
  fields: [{ label: { zh: '证书名称', en: 'Certificate' }, value: '<Web前端开发>' }],
  task: {
    id: 't-1',
    step: 'college',
    role: 'college_lead',
    kind: 'step',
    approval: true,
    events: ['APPROVE'],
    dueAt: '2026-11-09T01:00:00.000Z',
    open: true,
    replyAllowed: true,
  },
  submitterName: null,
};
const input = {
  payload,
  context,
  links: {
    decisions: [{ decision: 'APPROVE' as const, url: 'https://x/mail/actions/t' }],
    details: 'https://x/i',
  },
  replyHint: true,
  date: new Date('2026-11-01T17:30:00Z'), // 2026-11-02 01:30 in Beijing
  office: { zh: '教务处', en: 'Office of Academic Affairs' },
};

describe('renderNotification (pure)', () => {
  it('zh-CN: formal greeting, Beijing dates whatever the process time zone, escaped HTML', () => {
    const mail = renderNotification({ ...input, locale: 'zh-CN' });
    expect(mail.subject).toBe('【待审批】年度试点项目申报：电子工程学院 Web前端开发（中级）');
    expect(mail.text).toContain('尊敬的张伟老师：\n您好！');
    expect(mail.text).toContain('请于2026年11月9日 09:00（北京时间）前办理。');
    expect(mail.text).toContain('教务处\n2026年11月2日');
    expect(mail.html).toContain('&lt;Web前端开发&gt;');
    expect(mail.html).not.toContain('<Web前端开发>');
  });

  it('代理人: the substitute is told whose task it is and how it is recorded', () => {
    const standIn = { ...payload, onBehalfOf: { id: 'u-2', name: '李院长' } };
    const mail = renderNotification({ ...input, payload: standIn, locale: 'zh-CN' });
    expect(mail.text).toContain('您是李院长的代理人');
    expect(mail.text).toContain('由您代李院长审批');
    expect(renderNotification({ ...input, locale: 'zh-CN' }).text).not.toContain('代理人');
  });

  it('English as the second locale', () => {
    const mail = renderNotification({ ...input, locale: 'en' });
    expect(mail.subject).toBe(
      '[Approval needed] Annual pilot project application: 电子工程学院 Web前端开发（中级）',
    );
    expect(mail.text).toContain('Dear 张伟,');
    expect(mail.text).toContain('Please act by 9 Nov 2026, 09:00 (Beijing time).');
    expect(mail.text).toContain('reply with APPROVE, RETURN or REJECT');
  });
});

describe('mailConfigFromEnv', () => {
  it('reads the environment and names what is wrong', () => {
    const config = mailConfigFromEnv({
      CERTFLOW_MAIL_SECRET: '0123456789abcdef0123456789abcdef',
      CERTFLOW_PUBLIC_URL: 'https://certflow.example.edu.cn/',
      MAIL_INBOUND_PORT: '2525',
      CERTFLOW_DATA_DIR: '/var/lib/certflow',
    });
    expect(config).toMatchObject({
      smtpUrl: null,
      emlDir: '/var/lib/certflow/mail',
      publicUrl: 'https://certflow.example.edu.cn',
      publicHost: 'certflow.example.edu.cn',
      replyDomain: 'certflow.example.edu.cn',
      inboundPort: 2525,
      locale: 'zh-CN',
    });
    expect(() => mailConfigFromEnv({})).toThrow(MailConfigError);
    // The old name is refused with the new one, never silently replaced by localhost.
    expect(() =>
      mailConfigFromEnv({
        CERTFLOW_MAIL_SECRET: 'x'.repeat(32),
        PUBLIC_URL: 'https://certflow.example.edu.cn',
      }),
    ).toThrow(/PUBLIC_URL: .*CERTFLOW_PUBLIC_URL/u);
    expect(() =>
      mailConfigFromEnv({
        CERTFLOW_MAIL_SECRET: 'x'.repeat(32),
        CERTFLOW_PUBLIC_URL: 'https://certflow.example.edu.cn',
        SMTP_URL: 'http://x',
      }),
    ).toThrow('SMTP_URL');
  });
});
