import { createHmac } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { CertflowClient } from '@certflow/client';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { choose, expectTag, signIn } from './support/actions';
import {
  ARTIFACTS,
  launch,
  open,
  PHONE,
  screenshot,
  scrollsSideways,
  seriousViolations,
  unexpected,
  type Session,
} from './support/browser';
import { startServer, type Server } from './support/server';

/**
 * The instance page's operations (issue #17), on a real pilot project: 转办, 委派 and its
 * resolution, 抄送, 后加签 with the step's approvers, 拿回, 退回 to a chosen step, the
 * attachments and the 审批单. Two more 教务处 staff come from a directory import; they sign in
 * with tokens signed like the demo's (the data dir's secret), as the campus hand-off would.
 */
let server: Server;
let browser: Browser;
const sessions: Session[] = [];
let instanceUrl = '';

const STAFF = [
  { id: 'u-aa2', name: '孙老师', email: 'sun@demo.certflow.local' },
  { id: 'u-aa3', name: '刘老师', email: 'liu@demo.certflow.local' },
] as const;

const client = (token?: string) =>
  new CertflowClient({ baseUrl: server.url, ...(token ? { token } : {}) });

async function demoToken(key: string): Promise<string> {
  const answer = await client().raw('/auth/demo/login', { method: 'POST', body: { key } });
  expect(answer.status).toBe(200);
  return (answer.body as { token: string }).token;
}

/** An HS256 token of an imported person, signed with the server's secret (its data dir). */
function staffToken(person: (typeof STAFF)[number]): string {
  const secret = readFileSync(join(server.dataDir, 'jwt-secret'), 'utf8').trim();
  const now = Math.floor(Date.now() / 1000);
  const part = (v: object) => Buffer.from(JSON.stringify(v)).toString('base64url');
  const body = `${part({ alg: 'HS256', typ: 'JWT' })}.${part({
    sub: person.id,
    name: person.name,
    email: person.email,
    roles: ['academic_affairs'],
    iat: now,
    exp: now + 3600,
  })}`;
  return `${body}.${createHmac('sha256', secret).update(body).digest('base64url')}`;
}

async function session(viewport?: typeof PHONE): Promise<Session> {
  const s = await open(browser, viewport);
  sessions.push(s);
  return s;
}

/** A console tab of an imported person, on the instance. */
async function asStaff(person: (typeof STAFF)[number]): Promise<Session> {
  const s = await session();
  await s.context.addInitScript(
    (token) => localStorage.setItem('certflow.session', token),
    staffToken(person),
  );
  await s.page.goto(instanceUrl);
  await expectTag(s.page, '教务处审核');
  return s;
}

/** The signed-in demo person's tab on the instance. */
async function asDemo(name: string, viewport?: typeof PHONE): Promise<Session> {
  const s = await session(viewport);
  await s.page.goto(instanceUrl);
  await signIn(s.page, name);
  return s;
}

/** Opens an operation of the 办理 card; answers its dialog. */
async function operation(page: Page, button: string) {
  await page
    .locator('.ant-card')
    .filter({ has: page.locator('.ant-card-head-title', { hasText: /^办理$/ }) })
    .getByRole('button', { name: button, exact: true })
    .click();
  return page.getByRole('dialog');
}

/** Confirms the dialog; a refusal shown in it fails the test with its words. */
async function confirm(page: Page, label: string): Promise<void> {
  const dialog = page.getByRole('dialog');
  await dialog.getByRole('button', { name: `确认${label}` }).click();
  await expect
    .poll(
      async () =>
        (await dialog.count()) === 0
          ? 'closed'
          : (await dialog.getByRole('alert').allTextContents()).join(' ') || 'open',
      { timeout: 10_000 },
    )
    .toBe('closed');
}

async function clean(s: Session, ...statuses: number[]): Promise<void> {
  expect((await seriousViolations(s.page)).join('\n')).toBe('');
  expect(unexpected(s.problems, ...statuses)).toBe('');
}

beforeAll(async () => {
  [server, browser] = await Promise.all([startServer(), launch()]);
  const [owner, lead, academic] = await Promise.all(
    ['owner', 'lead', 'academic'].map((k) => demoToken(k)),
  );
  await client(academic).importDirectory({
    users: STAFF.map((p) => ({ ...p, roles: ['academic_affairs'], college: null })),
  });
  const plan = await client(owner).uploadAttachment(
    new Blob(['Web 前端开发 1+X 试点实施方案：培训 40 人，考核 2 次。\n']),
    '实施方案.txt',
  );
  const started = await client(owner).startInstance(
    'pilot-project',
    {
      year: new Date().getFullYear() + 1,
      collegeId: 'ee',
      certificate: { code: 'WEB-FE', name: 'Web前端开发', level: 'intermediate' },
      evaluationOrg: '工信部教育与考试中心',
      scale: 40,
      budget: { consumables: 200_000, certificateFees: 400_000, examinerFees: 150_000 },
    },
    { attachments: [plan.id] },
  );
  await client(lead).sendEvent(
    started.id,
    { type: 'APPROVE', comment: '同意申报。' },
    { ifMatch: started.version },
  );
  instanceUrl = `${server.url}/instances/${started.id}`;
}, 240_000);

afterAll(async () => {
  await Promise.all(sessions.map((s) => s.context.close()));
  await browser?.close();
  await server?.stop();
});

describe('the operations of the instance page, in the console', () => {
  it('王处长 downloads the application’s attachment and 转办 the task to 孙老师', async () => {
    const s = await asDemo('王处长');
    const { page } = s;
    await expectTag(page, '教务处审核');
    const file = page.waitForEvent('download');
    await page.getByRole('button', { name: '实施方案.txt' }).click();
    const download = await file;
    expect(download.suggestedFilename()).toBe('实施方案.txt');
    expect(readFileSync((await download.path()) ?? '', 'utf8')).toContain('试点实施方案');

    const dialog = await operation(page, '转办');
    await choose(page, '转办给', '孙老师');
    await dialog.getByRole('button', { name: '请代为审批。', exact: true }).click();
    await confirm(page, '转办');
    await page.getByText('转办给 孙老师').waitFor();
    // The task is 孙老师's now: 王处长 has nothing left to decide on it.
    expect(await page.getByRole('button', { name: '同意', exact: true }).count()).toBe(0);
    await clean(s);
  }, 120_000);

  it('孙老师 委派 to 刘老师, who resolves it with a phrase he saves; 孙老师 waits until it is back', async () => {
    const sun = await asStaff(STAFF[0]);
    let dialog = await operation(sun.page, '委派');
    await choose(sun.page, '委派给', '刘老师');
    await dialog.getByLabel('委派说明').fill('请协助审核预算测算，提出意见后交回。');
    await confirm(sun.page, '委派');
    await sun.page.getByText('已委派给 刘老师，待其办理完毕交回后再审批').waitFor();
    expect(await sun.page.getByRole('button', { name: '同意', exact: true }).count()).toBe(0);

    const liu = await asStaff(STAFF[1]);
    await liu.page.getByText('孙老师委派您协助办理，办理完毕后交回其决定').waitFor();
    dialog = await operation(liu.page, '委派办理完毕');
    await dialog.getByLabel('办理意见').fill('预算测算依据充分，建议同意。');
    await dialog.getByRole('button', { name: '存为常用意见' }).click();
    await dialog.getByText('已存为常用意见').waitFor();
    await dialog
      .getByRole('button', { name: '预算测算依据充分，建议同意。', exact: true })
      .waitFor();
    await confirm(liu.page, '委派办理完毕');
    await liu.page.locator('[data-kind="done"]', { hasText: '委派办理完毕' }).waitFor();
    await clean(liu);

    await sun.page.reload();
    await sun.page.getByText('预算测算依据充分，建议同意。').waitFor();
    await sun.page.getByRole('button', { name: '同意', exact: true }).waitFor();
    await clean(sun);
  }, 150_000);

  it('孙老师 抄送 赵处长 and 后加签 刘老师: the step shows who decided and who waits; 拿回 after approving', async () => {
    const s = await asStaff(STAFF[0]);
    const { page } = s;
    // Someone acts in between (孙老师 comments from another device): the page is stale, and the
    // refusal is said in Chinese with a 刷新.
    const id = instanceUrl.split('/').at(-1) ?? '';
    const sun = client(staffToken(STAFF[0]));
    const now = await sun.getInstance(id);
    await sun.sendEvent(id, { type: 'COMMENT', comment: '预算已复核。' }, { ifMatch: now.version });
    let dialog = await operation(page, '抄送');
    await choose(page, '抄送给', '赵处长');
    await dialog.locator('.ant-modal-title').click();
    await dialog.getByRole('button', { name: '确认抄送' }).click();
    await dialog.getByRole('alert').filter({ hasText: '数据已被他人修改，请刷新后重试' }).waitFor();
    expect(await dialog.getByRole('alert').textContent()).not.toMatch(/VERSION_CONFLICT|409/);
    await dialog.getByRole('button', { name: '刷新' }).click();
    await page.getByText('预算已复核。').waitFor();
    dialog = await operation(page, '抄送');
    await choose(page, '抄送给', '赵处长');
    await dialog.locator('.ant-modal-title').click();
    await confirm(page, '抄送');
    await page.getByText('抄送 赵处长').waitFor();

    dialog = await operation(page, '加签');
    await choose(page, '加签人', '刘老师');
    await dialog.getByRole('radio', { name: /后加签/ }).check();
    await dialog.getByRole('button', { name: '请一并审核。', exact: true }).click();
    await confirm(page, '加签');
    await page.getByText('加签 刘老师（后加签）').waitFor();
    const progress = page.locator('.ant-card', { hasText: '当前环节审批情况' });
    await progress.getByText('刘老师').first().waitFor();
    await progress.getByText('等待前序').waitFor();
    // 减签 is offered to whoever added an approver who has not decided.
    await page.getByRole('button', { name: '减签', exact: true }).waitFor();
    await screenshot(page, 'operations-desktop');
    await clean(s, 409);

    await operation(page, '同意');
    await confirm(page, '同意');
    await progress.getByText('已同意').first().waitFor();
    await operation(page, '拿回');
    await confirm(page, '拿回');
    await page.locator('[data-kind="done"]', { hasText: '拿回' }).waitFor();
    await page.getByRole('button', { name: '同意', exact: true }).waitFor();
    await operation(page, '同意');
    await confirm(page, '同意');
    await clean(s, 409);

    const liu = await asStaff(STAFF[1]);
    await operation(liu.page, '同意');
    await confirm(liu.page, '同意');
    await expectTag(liu.page, '领导小组审批');
    await clean(liu);
  }, 240_000);

  it('钱院长 on a phone (375 px) 退回 to 教务处审核, chosen from the steps passed', async () => {
    const s = await asDemo('钱院长', PHONE);
    const { page } = s;
    await expectTag(page, '领导小组审批');
    expect(await scrollsSideways(page)).toBe(false);
    const dialog = await operation(page, '退回');
    await choose(page, '退回至', '教务处审核');
    await dialog.getByRole('button', { name: '预算测算依据不足，请修改。', exact: true }).click();
    await expect.poll(() => page.locator('.ant-select-dropdown:visible').count()).toBe(0);
    await page.screenshot({ path: join(ARTIFACTS, 'operations-return-phone.png') });
    expect(await scrollsSideways(page)).toBe(false);
    await confirm(page, '退回');
    await expectTag(page, '教务处审核');
    await page.getByText('退回至 教务处审核').waitFor();
    expect(await scrollsSideways(page)).toBe(false);
    await screenshot(page, 'operations-phone');
    await page.screenshot({ path: join(ARTIFACTS, 'operations-phone-top.png') });
    await clean(s);
  }, 120_000);

  it('the 审批单 downloads as PDF and as print-friendly HTML', async () => {
    const s = await asDemo('王处长');
    const { page } = s;
    await expectTag(page, '教务处审核');
    let file = page.waitForEvent('download');
    await page.getByRole('button', { name: /审批单（PDF）/ }).click();
    const pdf = await file;
    expect(pdf.suggestedFilename()).toMatch(/^审批单-.*\.pdf$/);
    expect(
      readFileSync((await pdf.path()) ?? '')
        .subarray(0, 5)
        .toString(),
    ).toBe('%PDF-');
    file = page.waitForEvent('download');
    await page.getByRole('button', { name: /打印版审批单/ }).click();
    const html = await file;
    expect(readFileSync((await html.path()) ?? '', 'utf8')).toContain('Web前端开发');

    // 退回 went to whoever decided 教务处审核 (孙老师, 刘老师), not back to 王处长's role.
    expect(await page.getByText('办理', { exact: true }).count()).toBe(0);
    await clean(s);
  }, 120_000);
});
