import type { Instance } from '@certflow/client';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signIn } from './support/actions';
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
import { demoClient, nextYear } from './support/demo-api';
import { startServer, type Server } from './support/server';

/**
 * The 工作台 (issue 17) on the real `pnpm start` (demo school, embedded PostgreSQL) in Debian's
 * Chromium: 待办, 已办, 我发起的 and 抄送我的 with their counts, a keyword search, a copy read
 * when opened, and 批量同意 of two 领导小组 tasks where one was decided meanwhile — each item's
 * result in Chinese. axe-core (0 serious/critical) and no console error on every screen.
 */

let server: Server;
let browser: Browser;
const sessions: Session[] = [];
/** Three pilot projects of 张老师 at the 领导小组 step; the first was copied to 钱院长. */
let projects: Instance[] = [];

async function session(viewport?: typeof PHONE): Promise<Session> {
  const s = await open(browser, viewport);
  sessions.push(s);
  return s;
}

const CERTIFICATES = [
  { code: 'EC-DATA', name: '电子商务数据分析' },
  { code: 'IR-PROG', name: '工业机器人应用编程' },
  { code: 'TAX-AI', name: '智能财税' },
] as const;

/** Three applications through 二级学院 and 教务处 by the API; 李院长 copies the first to 钱院长. */
async function seed(): Promise<Instance[]> {
  const [owner, lead, academic] = await Promise.all(
    ['owner', 'lead', 'academic'].map((k) => demoClient(server.url, k)),
  );
  const out: Instance[] = [];
  for (const [n, certificate] of CERTIFICATES.entries()) {
    let i = await owner!.startInstance('pilot-project', {
      year: nextYear,
      collegeId: 'ee',
      certificate: { ...certificate, level: 'intermediate' },
      evaluationOrg: '工信部教育与考试中心',
      scale: 10,
      budget: { consumables: 50_000, certificateFees: 100_000, examinerFees: 20_000 },
    });
    if (n === 0) {
      i = await lead!.copyTask(i.tasks[0]!.id, { userIds: ['u-president'], comment: '请知悉' });
    }
    i = await lead!.sendEvent(i.id, { type: 'APPROVE', comment: '同意' }, { ifMatch: i.version });
    i = await academic!.sendEvent(
      i.id,
      { type: 'APPROVE', comment: '同意' },
      { ifMatch: i.version },
    );
    expect(i.state).toBe('leadershipReview');
    out.push(i);
  }
  return out;
}

beforeAll(async () => {
  [server, browser] = await Promise.all([startServer(), launch()]);
  projects = await seed();
}, 180_000);

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

const card = (page: Page, label: string) => page.getByRole('button', { name: label, exact: true });
const rows = (page: Page) => page.locator('[role="tabpanel"]:visible ul.card-list > li');

async function atRest(page: Page, name: string): Promise<void> {
  await page.waitForLoadState('networkidle');
  await screenshot(page, name);
  expect((await seriousViolations(page)).join('\n')).toBe('');
}

describe('工作台 of 钱院长 (领导小组)', () => {
  it('counts and 待办: three 领导小组 tasks, each selectable for 批量同意; a keyword finds one', async () => {
    const { page, problems } = await session();
    await page.goto(`${server.url}/`);
    await signIn(page, '钱院长');
    await card(page, '待办 3').waitFor();
    await card(page, '已办 0').waitFor();
    await card(page, '我发起的 0').waitFor();
    await card(page, '抄送我的（待阅） 1 / 1').waitFor();
    await card(page, '已超期 0').waitFor();
    await expect.poll(() => rows(page).count()).toBe(3);
    for (const p of projects) {
      await page.getByRole('checkbox', { name: `选择：${p.title}` }).waitFor();
    }
    await page.getByText('全选可批量办理的（3 项）').waitFor();
    await atRest(page, 'workbench-todo-desktop');

    await page.getByLabel('搜索').fill('电子商务');
    await page.getByLabel('搜索').press('Enter');
    await page.waitForURL(/q=%E7%94%B5/);
    await expect.poll(() => rows(page).count()).toBe(1);
    await rows(page).getByText(projects[0]!.title).waitFor();
    await page.getByRole('button', { name: '重置' }).click();
    await expect.poll(() => rows(page).count()).toBe(3);
    expect(unexpected(problems)).toBe('');
  }, 60_000);

  it('抄送我的: the copy is 待阅 until opened, then 已阅', async () => {
    const { page, problems } = await session();
    await page.goto(`${server.url}/?tab=cc`);
    await signIn(page, '钱院长');
    await page.getByText('待阅', { exact: true }).first().waitFor();
    await expect.poll(() => rows(page).count()).toBe(1);
    await rows(page).getByText('李院长 于').waitFor();
    await atRest(page, 'workbench-copies-desktop');
    await rows(page).getByText(projects[0]!.title).click();
    await page.waitForURL(new RegExp(`/instances/${projects[0]!.id}$`));
    await page.goBack();
    await page.getByText('暂无待阅的抄送').waitFor();
    await card(page, '抄送我的（待阅） 0 / 1').waitFor();
    await page.getByText(/^已阅 1$/).click();
    await expect.poll(() => rows(page).count()).toBe(1);
    await rows(page)
      .getByText(/我于 .* 已阅/)
      .waitFor();
    const leader = await demoClient(server.url, 'leader');
    expect((await leader.copiesList({ read: true })).items.map((c) => c.instance.id)).toEqual([
      projects[0]!.id,
    ]);
    expect(unexpected(problems)).toBe('');
  }, 60_000);

  it('批量同意 of two tasks, one decided meanwhile: a result per item, in Chinese; the lists refresh', async () => {
    const { page, problems } = await session();
    await page.goto(`${server.url}/`);
    await signIn(page, '钱院长');
    const [, second, third] = projects as [Instance, Instance, Instance];
    await page.getByRole('checkbox', { name: `选择：${second.title}` }).check();
    await page.getByRole('checkbox', { name: `选择：${third.title}` }).check();
    await page.getByText('已选 2 项').waitFor();
    await page.getByRole('button', { name: '批量同意' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByText('批量同意（2 项）').waitFor();
    await dialog.getByLabel('审批意见（选填）').fill('同意实施（领导小组会议）');
    await atRest(page, 'workbench-batch-confirm');
    // Meanwhile the third is decided on its own page (here: by the API, as 钱院长).
    const leader = await demoClient(server.url, 'leader');
    await leader.sendEvent(
      third.id,
      { type: 'APPROVE', comment: '同意' },
      { ifMatch: third.version },
    );
    await dialog.getByRole('button', { name: '确认批量同意' }).click();
    await dialog.getByText('已同意 1 项，1 项未能办理').waitFor();
    const results = dialog.getByRole('list', { name: '逐项结果' }).locator('li');
    await expect.poll(() => results.count()).toBe(2);
    expect(await results.nth(0).textContent()).toBe(`${second.title}已同意`);
    const refused = (await results.nth(1).textContent()) ?? '';
    expect(refused).toContain(third.title);
    expect(refused).toMatch(/未能办理：.*[\u4e00-\u9fff]/u);
    await atRest(page, 'workbench-batch-result');
    await dialog.locator('.ant-modal-footer').getByRole('button', { name: '关闭' }).click();
    await card(page, '待办 1').waitFor();
    await card(page, '已办 2').waitFor();
    await expect.poll(() => rows(page).count()).toBe(1);
    expect((await leader.getInstance(second.id)).status).toBe('completed');
    const history = await leader.history(second.id);
    expect(history.items.at(-1)).toMatchObject({
      event: 'APPROVE',
      comment: '同意实施（领导小组会议）',
    });

    await page.getByRole('tab', { name: '已办' }).click();
    await expect.poll(() => rows(page).count()).toBe(2);
    await rows(page)
      .getByText(/我于 .* 同意：同意实施（领导小组会议）/)
      .waitFor();
    await atRest(page, 'workbench-done-desktop');
    // The batch item a task no longer open refused is the browser's only failed request: none.
    expect(unexpected(problems)).toBe('');
  }, 60_000);
});

describe('工作台 of 张老师 on a phone (375 px)', () => {
  it('我发起的: three applications, a keyword search, no sideways scrolling', async () => {
    const { page, problems } = await session(PHONE);
    await page.goto(`${server.url}/?tab=mine`);
    await signIn(page, '张老师');
    await card(page, '我发起的 3').waitFor();
    await expect.poll(() => rows(page).count()).toBe(3);
    await page.getByText('已通过').first().waitFor();
    expect(await scrollsSideways(page)).toBe(false);
    await atRest(page, 'workbench-mine-phone');
    await page.getByLabel('搜索').fill('机器人');
    await page.getByLabel('搜索').press('Enter');
    await expect.poll(() => rows(page).count()).toBe(1);
    await rows(page).getByText(projects[1]!.title).waitFor();
    expect(await scrollsSideways(page)).toBe(false);
    await atRest(page, 'workbench-search-phone');
    expect(unexpected(problems)).toBe('');
  }, 60_000);
});
