import { gzipSync } from 'node:zlib';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  launch,
  open,
  PHONE,
  screenshot,
  scrollsSideways,
  seriousViolations,
  unexpected,
  type Session,
} from './support/browser';
import { choose, decide, expectTag, signIn, tokenOf } from './support/actions';
import { startServer, type Server } from './support/server';

/** The first screen's JavaScript may weigh this much, gzip (issue #17). */
const FIRST_SCREEN_JS_GZIP = 400 * 1024;

let server: Server;
let browser: Browser;
const sessions: Session[] = [];
let instanceUrl = '';

async function session(viewport?: typeof PHONE): Promise<Session> {
  const s = await open(browser, viewport);
  sessions.push(s);
  return s;
}

beforeAll(async () => {
  [server, browser] = await Promise.all([startServer(), launch()]);
}, 180_000);

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

describe('the console served by pnpm start', () => {
  it('answers client routes with the app under a strict CSP, and leaves /api, /mail, /healthz alone', async () => {
    const page = await fetch(`${server.url}/instances/some-id`);
    expect(page.status).toBe(200);
    const html = await page.text();
    const csp = page.headers.get('content-security-policy') ?? '';
    const nonce = /'nonce-([^']+)'/.exec(csp)?.[1] ?? '';
    expect(nonce.length).toBeGreaterThan(16);
    expect(html).toContain(`nonce="${nonce}"`);
    expect(html).not.toContain('__CERTFLOW_CSP_NONCE__');
    expect(html).not.toMatch(/<script(?![^>]*\bsrc=)[^>]*>/);
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).not.toMatch(/script-src[^;]*'unsafe-(inline|eval)'/);
    expect(page.headers.get('referrer-policy')).toBe('no-referrer');
    expect(page.headers.get('x-content-type-options')).toBe('nosniff');
    expect(page.headers.get('cache-control')).toBe('no-store');
    const again = await fetch(`${server.url}/`);
    expect(again.headers.get('content-security-policy')).not.toContain(nonce);

    const api = await fetch(`${server.url}/api/tasks`);
    expect(api.status).toBe(401);
    expect(((await api.json()) as { code: string }).code).toBe('UNAUTHENTICATED');
    expect((await fetch(`${server.url}/healthz`)).headers.get('content-type')).toContain('json');
    expect(await (await fetch(`${server.url}/mail/actions/nope`)).text()).not.toContain(
      'csp-nonce',
    );
    expect((await fetch(`${server.url}/assets/missing-chunk.js`)).status).toBe(404);
  });

  it('signs in with one click; the first screen loads at most 400 KB of JavaScript (gzip)', async () => {
    const { page, problems } = await session();
    const js: Promise<number>[] = [];
    page.on('response', (r) => {
      if (r.url().endsWith('.js')) js.push(r.body().then((b) => gzipSync(b, { level: 9 }).length));
    });
    await page.goto(`${server.url}/`);
    await page.waitForURL(/\/login\?next=%2F/);
    await expect
      .poll(() => page.locator('.ant-card[role="button"]').count(), { timeout: 10_000 })
      .toBe(9);
    await expect
      .poll(() => page.getByText('二级学院试点工作小组负责人').count(), { timeout: 10_000 })
      .toBe(2);
    await screenshot(page, 'login-desktop');
    expect((await seriousViolations(page)).join('\n')).toBe('');
    await signIn(page, '李院长');
    await page.getByRole('heading', { name: '工作台' }).waitFor();
    await page.waitForLoadState('networkidle');
    const total = (await Promise.all(js)).reduce((a, b) => a + b, 0);
    console.log(
      `first screen (sign-in + 工作台): ${(total / 1024).toFixed(1)} KB of JavaScript, gzip`,
    );
    expect(total).toBeLessThanOrEqual(FIRST_SCREEN_JS_GZIP);
    expect((await seriousViolations(page)).join('\n')).toBe('');
    await page.getByRole('button', { name: /李院长/ }).click();
    await page.getByRole('menuitem', { name: '退出登录' }).click();
    await page.getByText('您已退出登录。').waitFor();
    expect(unexpected(problems)).toBe('');
  });
});

describe('a whole pilot project through the console, as the demo people', () => {
  it('张老师 applies: a refused 初级 level is shown on its field, then the application goes in', async () => {
    const { page, problems } = await session();
    await page.goto(`${server.url}/start`);
    await signIn(page, '张老师');
    await page.getByRole('link', { name: '发起：年度试点项目申报' }).click();
    await page.getByLabel('证书代码').fill('WEB-FE');
    await page.getByLabel('证书名称').fill('Web前端开发');
    await choose(page, '等级', '初级');
    await page.getByLabel('培训评价组织').fill('工信部教育与考试中心');
    await page.getByLabel('试点规模（人）').fill('80');
    await page.getByLabel('耗材费').fill('2000');
    await page.getByLabel('考核（证书）费').fill('4000');
    await page.getByLabel('考评员费').fill('1500');
    await screenshot(page, 'apply-desktop');
    expect((await seriousViolations(page)).join('\n')).toBe('');
    await page.getByRole('button', { name: '提交申请' }).click();
    const refusal = '申报证书等级须为中级及以上，不得申报初级（第七条第2款）';
    await page.getByRole('alert').filter({ hasText: refusal }).waitFor();
    await page.locator('.ant-form-item-explain-error', { hasText: refusal }).waitFor();
    await screenshot(page, 'apply-refused');
    await choose(page, '等级', '中级');
    await page.getByRole('button', { name: '提交申请' }).click();
    // 80 people exceed the college's pilot scale of 60: a justification is required (第七条2).
    await page
      .getByRole('alert')
      .filter({ hasText: '须说明理由并经领导小组审批（第七条第2款）' })
      .waitFor();
    await page
      .getByLabel('必要性说明')
      .fill('学院新建 Web 前端实训室，本年度需扩大试点规模，超出部分由学院自筹。');
    await page.getByRole('button', { name: '提交申请' }).click();
    await page.waitForURL(/\/instances\/[0-9a-f-]{36}$/);
    instanceUrl = page.url();
    await expectTag(page, '二级学院审核');
    await page.getByText('当前环节').first().waitFor();
    expect(unexpected(problems, 422)).toBe('');
  }, 60_000);

  it('张老师 urges 二级学院 (催办); a second reminder at once is refused, in Chinese', async () => {
    const { page, problems } = await session();
    await page.goto(instanceUrl);
    await signIn(page, '张老师');
    await expectTag(page, '二级学院审核');
    await decide(page, '催办', '请尽快审批，谢谢。');
    await page.getByText('已催办').first().waitFor();
    // The page has the new version (the reminder is in the timeline) before the second try.
    await page.locator('[data-kind="done"]', { hasText: '催办' }).waitFor();
    await page.getByRole('button', { name: '催办', exact: true }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByRole('button', { name: '确认催办' }).click();
    await dialog
      .getByRole('alert')
      .filter({ hasText: /催办过于频繁，请于 \d{4}-\d{2}-\d{2} \d{2}:\d{2} 之后再催办/ })
      .waitFor();
    expect(await dialog.getByRole('alert').textContent()).not.toMatch(/URGE_TOO_SOON|\b4\d\d\b/);
    await screenshot(page, 'instance-urge-refused');
    expect((await seriousViolations(page)).join('\n')).toBe('');
    await dialog.getByRole('button', { name: /取\s*消/ }).click();
    expect(unexpected(problems, 429)).toBe('');
  }, 60_000);

  it('李院长 finds it in 待办; a stale page is refused readably, then he approves with a 常用意见', async () => {
    const { page, problems } = await session();
    await page.goto(`${server.url}/`);
    await signIn(page, '李院长');
    await expect
      .poll(() => page.getByRole('button', { name: '待办 1' }).count(), { timeout: 10_000 })
      .toBe(1);
    await page.getByRole('link', { name: 'Web前端开发（中级）' }).first().click();
    await page.waitForURL(instanceUrl);
    await expectTag(page, '二级学院审核');
    // Someone acts in between (a 抄送 by the same lead from another device): the page is stale.
    const token = await tokenOf(page);
    const id = instanceUrl.split('/').at(-1) ?? '';
    const cc = await fetch(`${server.url}/api/instances/${id}/events`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ type: 'CC', data: { userIds: ['u-audit'] } }),
    });
    expect(cc.status).toBe(200);
    await page.getByRole('button', { name: '同意', exact: true }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByRole('button', { name: '确认同意' }).click();
    await dialog.getByRole('alert').filter({ hasText: '数据已被他人修改，请刷新后重试' }).waitFor();
    await dialog.getByRole('button', { name: '刷新' }).click();
    await page.getByText('抄送 吴审计').waitFor();
    await decide(page, '同意', '同意申报。');
    await expectTag(page, '教务处审核');
    // The comment as the timeline quotes it: the dialog's 常用意见 button with the same words may
    // still be in the page while the dialog closes.
    await page.locator('blockquote', { hasText: '同意申报。' }).waitFor();
    await screenshot(page, 'instance-desktop');
    expect((await seriousViolations(page)).join('\n')).toBe('');
    expect(unexpected(problems, 409)).toBe('');
  });

  it('王处长 opens the mail link signed out, signs in, lands back on it and approves', async () => {
    const { page, problems } = await session();
    await page.goto(instanceUrl);
    await page.waitForURL(/\/login\?next=%2Finstances%2F/);
    await signIn(page, '王处长');
    expect(page.url()).toBe(instanceUrl);
    await expectTag(page, '教务处审核');
    await decide(page, '同意', '同意。');
    // The 领导小组 decides every project (第六条2), this one with its over-scale justification.
    await expectTag(page, '领导小组审批');
    expect(unexpected(problems)).toBe('');
  });

  it('钱院长 decides on a phone (375 px): no sideways scrolling, the project is approved', async () => {
    const { page, problems } = await session(PHONE);
    await page.goto(`${server.url}/`);
    await signIn(page, '钱院长');
    await page.locator('main li a').first().waitFor();
    expect(await scrollsSideways(page)).toBe(false);
    await screenshot(page, 'workbench-phone');
    expect((await seriousViolations(page)).join('\n')).toBe('');
    await page.locator('main li a').first().click();
    await page.waitForURL(instanceUrl);
    await page.locator('.flow-diagram svg').waitFor();
    expect(await scrollsSideways(page)).toBe(false);
    await screenshot(page, 'instance-phone');
    expect((await seriousViolations(page)).join('\n')).toBe('');
    await decide(page, '同意', '同意。');
    await expectTag(page, '已通过');
    expect(await scrollsSideways(page)).toBe(false);
    expect(unexpected(problems)).toBe('');
  });

  it('吴审计 reads the finished instance, its diagram and a verified audit chain, and may act on nothing', async () => {
    const { page, problems } = await session();
    await page.goto(instanceUrl);
    await signIn(page, '吴审计');
    await expectTag(page, '已通过');
    await page.locator('.flow-diagram svg').waitFor();
    expect(await page.getByText('办理', { exact: true }).count()).toBe(0);
    await page.getByRole('button', { name: '校验审计链' }).click();
    await page.getByText('审计链完整：6 条记录均校验通过').waitFor();
    await screenshot(page, 'instance-completed');
    expect((await seriousViolations(page)).join('\n')).toBe('');
    expect(unexpected(problems)).toBe('');
  });
});

describe('sessions', () => {
  const jwt = (claims: Record<string, unknown>) =>
    ['{"alg":"HS256","typ":"JWT"}', JSON.stringify(claims)]
      .map((p) => Buffer.from(p).toString('base64url'))
      .join('.') + '.c2lnbmF0dXJl';

  it('an expired session goes to sign-in, and a token the server refuses (401) too, keeping the page to return to', async () => {
    const { page, context, problems } = await session();
    const base = {
      sub: 'u-lead',
      name: '李院长',
      email: 'lead@demo.certflow.local',
      roles: ['college_lead'],
      college: 'ee',
    };
    await context.addInitScript(
      (token) => localStorage.setItem('certflow.session', token),
      jwt({ ...base, exp: 1 }),
    );
    await page.goto(`${server.url}/`);
    await page.getByText('登录已过期，请重新登录。').waitFor();
    await context.clearCookies();
    const forged = await open(browser);
    sessions.push(forged);
    await forged.context.addInitScript(
      (token) => localStorage.setItem('certflow.session', token),
      jwt({ ...base, exp: Math.floor(Date.now() / 1000) + 3600 }),
    );
    await forged.page.goto(instanceUrl);
    await forged.page.getByText('登录凭证已失效，请重新登录。').waitFor();
    expect(new URL(forged.page.url()).searchParams.get('next')).toBe(new URL(instanceUrl).pathname);
    expect(unexpected(problems)).toBe('');
    expect(unexpected(forged.problems, 401)).toBe('');
  });
});
