import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { MailContext } from '../ports.js';
import { confirmPage, donePage, messagePage } from './action-pages.js';
import { PAGE_CSP, PAGE_HEADERS } from './page-security.js';

const context: MailContext = {
  flowTitle: { zh: '年度试点项目申报', en: 'Annual pilot project application' },
  headline: '电子工程学院 Web前端开发（中级）',
  fields: [{ label: { zh: '证书', en: 'Certificate' }, value: '<Web前端开发>' }],
  task: null,
  submitterName: '张老师',
};

const pages = [
  confirmPage({
    decision: 'APPROVE',
    context,
    expiresAt: new Date('2026-12-01T00:00:00Z'),
    error: '审批意见过长',
  }),
  donePage('REJECT', context),
  messagePage(
    { zh: '链接无效', en: 'Invalid link' },
    { zh: '未作任何处理。', en: 'Nothing was done.' },
  ),
];

describe('the action pages under a strict CSP', () => {
  it('carry no inline style attribute and no script, and their one stylesheet is the one the CSP allows', () => {
    for (const html of pages) {
      expect(html).not.toMatch(/\sstyle=/u);
      expect(html).not.toMatch(/<script|javascript:|\son\w+=/iu);
      const css = /<style>([^<]*)<\/style>/u.exec(html)?.[1] ?? '';
      const hash = createHash('sha256').update(css).digest('base64');
      expect(PAGE_CSP).toContain(`style-src 'sha256-${hash}'`);
    }
    expect(pages[0]).toContain('&lt;Web前端开发&gt;');
  });

  it('come with the security headers: CSP, no framing, no referrer, no caching, no sniffing', () => {
    expect(PAGE_HEADERS).toEqual({
      'content-type': 'text/html; charset=utf-8',
      'content-security-policy': PAGE_CSP,
      'x-frame-options': 'DENY',
      'referrer-policy': 'no-referrer',
      'cache-control': 'no-store',
      'x-content-type-options': 'nosniff',
    });
    expect(PAGE_CSP).toMatch(/default-src 'none'/u);
    expect(PAGE_CSP).toMatch(/frame-ancestors 'none'/u);
    expect(PAGE_CSP).toMatch(/form-action 'self'/u);
  });
});
