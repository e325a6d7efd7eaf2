import { CertflowClient, type Instance } from '@certflow/client';
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
import { signIn } from './support/actions';
import { startServer, type Server } from './support/server';

/**
 * 教务处's administration through the console, on the real `pnpm start` (demo school, embedded
 * PostgreSQL) in Debian's Chromium: the calendar import (a refused table with its lines, then a
 * preview and the import), quotas, people, flows and the statistics of a project the four
 * deciders approved.
 */

let server: Server;
let browser: Browser;
const sessions: Session[] = [];

async function session(viewport?: typeof PHONE): Promise<Session> {
  const s = await open(browser, viewport);
  sessions.push(s);
  return s;
}

/** A demo person's API client (the same token the console's one-click sign-in gets). */
async function clientOf(key: string): Promise<CertflowClient> {
  const answer = await fetch(`${server.url}/auth/demo/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ key }),
  });
  const { token } = (await answer.json()) as { token: string };
  return new CertflowClient({ baseUrl: server.url, token });
}

const nextYear =
  Number(new Intl.DateTimeFormat('en', { timeZone: 'Asia/Shanghai', year: 'numeric' }).format()) +
  1;

/** The year's table in the documented format (docs/calendar.md): dates of the example draft. */
function table(makeupDay: string): string {
  const y = nextYear;
  return JSON.stringify(
    {
      year: y,
      source: { title: `国务院办公厅关于${y}年部分节假日安排的通知（测试草稿）` },
      holidays: [
        { name: '元旦', from: `${y}-01-01`, to: `${y}-01-03` },
        { name: '国庆节', from: `${y}-10-01`, to: `${y}-10-07` },
      ],
      workdays: [{ date: makeupDay, holiday: '国庆节' }],
    },
    null,
    2,
  );
}

/** A Saturday or Sunday near National Day of the next year, and a weekday. */
function days(): { weekend: string; weekday: string } {
  let weekend = '';
  let weekday = '';
  for (let d = 20; d <= 30; d += 1) {
    const date = `${nextYear}-09-${d}`;
    const wd = new Date(`${date}T12:00:00+08:00`).getUTCDay();
    if (!weekend && (wd === 0 || wd === 6)) weekend = date;
    if (!weekday && wd >= 1 && wd <= 5) weekday = date;
  }
  return { weekend, weekday };
}

beforeAll(async () => {
  [server, browser] = await Promise.all([startServer(), launch()]);
}, 180_000);

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

describe('教务处 administers the pilot through the console', () => {
  it('the calendar: next year not covered is warned; a bad table is refused line by line; a good one previews and imports', async () => {
    const { page, problems } = await session();
    await page.goto(`${server.url}/admin/calendar`);
    await signIn(page, '王处长');
    await page.getByRole('heading', { name: '校历与节假日' }).waitFor();
    await page.getByText(`${nextYear} 年的节假日安排尚未导入`).waitFor();
    expect((await seriousViolations(page)).join('\n')).toBe('');
    await screenshot(page, 'admin-calendar-warning');

    const { weekend, weekday } = days();
    const input = page.getByRole('textbox', { name: '节假日安排文件内容' });
    await input.fill(table(weekday));
    await page.getByRole('button', { name: '预览' }).click();
    await page.getByText('文件有 1 处错误，未导入任何内容').waitFor();
    const lines = page.getByRole('list', { name: '逐行错误' });
    const problem = lines.locator('.problem');
    await problem.first().waitFor();
    // The line the server names is the make-up day's, shown with its text.
    const badLine =
      table(weekday)
        .split('\n')
        .findIndex((l) => l.includes(weekday)) + 1;
    expect(await problem.first().textContent()).toMatch(
      new RegExp(`^第 ${badLine} 行第 \\d+ 列：`),
    );
    expect(await problem.first().textContent()).toMatch(/[\u4e00-\u9fff]/u);
    expect(await lines.locator('li.bad code').first().textContent()).toContain(weekday);
    expect(await page.getByRole('button', { name: '确认导入' }).isDisabled()).toBe(true);
    expect((await seriousViolations(page)).join('\n')).toBe('');
    await screenshot(page, 'admin-calendar-refused');

    await input.fill(table(weekend));
    await page.getByRole('button', { name: '预览' }).click();
    await page.getByText(`预览：${nextYear} 年安排检查通过（尚未导入）`).waitFor();
    await page.getByRole('cell', { name: `${nextYear}-10-01` }).waitFor();
    await page.getByRole('cell', { name: weekend }).waitFor();
    expect((await seriousViolations(page)).join('\n')).toBe('');
    await screenshot(page, 'admin-calendar-preview');
    await page.getByRole('button', { name: '确认导入' }).click();
    await page.getByText(`${nextYear} 年节假日安排已导入`).waitFor();
    const row = page
      .getByRole('row')
      .filter({ hasText: String(nextYear) })
      .first();
    await row.getByText('正式安排').waitFor();
    await row.getByText('教务处导入').waitFor();
    await expect.poll(() => page.getByText(`${nextYear} 年的节假日安排尚未导入`).count()).toBe(0);
    await row.getByRole('button', { name: '查看日历' }).click();
    await page.getByRole('dialog').getByRole('cell', { name: weekend }).waitFor();
    await screenshot(page, 'admin-calendar-imported');
    expect(unexpected(problems, 422)).toBe('');
  });

  it('a project owner may read the calendar, and the refused import says why in Chinese', async () => {
    const { page, problems } = await session();
    await page.goto(`${server.url}/admin/calendar`);
    await signIn(page, '张老师');
    expect(await page.getByRole('menuitem', { name: '校历' }).count()).toBe(0);
    await page.getByRole('textbox', { name: '节假日安排文件内容' }).fill(table(days().weekend));
    await page.getByRole('button', { name: '预览' }).click();
    const alert = page.getByRole('alert').filter({ hasText: '无权' });
    await alert.waitFor();
    expect(await alert.textContent()).not.toMatch(/NOT_AUTHORIZED|\b403\b/);
    expect(unexpected(problems, 403)).toBe('');
  });

  it('quotas per college and year: read, then set one', async () => {
    const { page, problems } = await session();
    await page.goto(`${server.url}/admin/quotas`);
    await signIn(page, '王处长');
    const ee = page.getByRole('row').filter({ hasText: '电子工程学院' });
    await ee.getByRole('cell', { name: '60', exact: true }).waitFor();
    await page.getByRole('button', { name: '设置计算机学院名额' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('试点规模（人）').fill('45');
    await dialog.getByLabel('预算说明').fill('财务处决算');
    expect((await seriousViolations(page)).join('\n')).toBe('');
    await dialog.getByRole('button', { name: '保存' }).click();
    await expect.poll(() => dialog.count()).toBe(0);
    const cs = page.getByRole('row').filter({ hasText: '计算机学院' });
    await cs.getByRole('cell', { name: '45', exact: true }).waitFor();
    await cs.getByText('财务处决算').waitFor();
    const api = await clientOf('academic');
    expect((await api.getQuota(nextYear, 'cs')).scale).toBe(45);
    expect((await seriousViolations(page)).join('\n')).toBe('');
    await screenshot(page, 'admin-quotas');
    expect(unexpected(problems)).toBe('');
  });

  it('people and roles from the directory, filtered', async () => {
    const { page, problems } = await session();
    await page.goto(`${server.url}/admin/people`);
    await signIn(page, '王处长');
    await page.getByRole('cell', { name: '张老师' }).waitFor();
    expect(await page.getByRole('row').count()).toBeGreaterThan(9);
    await page.getByRole('searchbox', { name: '搜索姓名、工号或邮箱' }).fill('院长');
    await page.getByRole('searchbox', { name: '搜索姓名、工号或邮箱' }).press('Enter');
    await expect.poll(() => page.getByRole('cell', { name: '张老师' }).count()).toBe(0);
    await page.getByRole('cell', { name: '李院长' }).waitFor();
    await page
      .getByRole('row')
      .filter({ hasText: '钱院长' })
      .getByText('1+X试点工作领导小组')
      .waitFor();
    expect((await seriousViolations(page)).join('\n')).toBe('');
    await screenshot(page, 'admin-people');
    expect(unexpected(problems)).toBe('');
  });

  it('flows with their versions, steps and diagram', async () => {
    const { page, problems } = await session();
    await page.goto(`${server.url}/admin/flows`);
    await signIn(page, '王处长');
    await page.getByRole('link', { name: '年度试点项目申报' }).click();
    await page.getByRole('cell', { name: '领导小组审批' }).waitFor();
    await page.locator('.flow-diagram svg').waitFor();
    expect(await page.locator('.flow-diagram').textContent()).toContain('教务处审核');
    expect((await seriousViolations(page)).join('\n')).toBe('');
    await screenshot(page, 'admin-flows');
    expect(unexpected(problems)).toBe('');
  });

  it('the statistics of a project four people approved, with charts', async () => {
    // The pilot project goes through its four deciders by the API (the console's own path
    // through these steps is console.e2e.test.ts).
    const owner = await clientOf('owner');
    let instance: Instance = await owner.startInstance('pilot-project', {
      year: nextYear,
      collegeId: 'ee',
      certificate: { code: 'BIGDATA', name: '大数据应用开发', level: 'intermediate' },
      evaluationOrg: '工信部教育与考试中心',
      scale: 30,
      budget: { consumables: 100_000, certificateFees: 300_000, examinerFees: 50_000 },
    });
    for (const key of ['lead', 'academic', 'leader']) {
      const api = await clientOf(key);
      instance = await api.sendEvent(
        instance.id,
        { type: 'APPROVE', comment: '同意。' },
        { ifMatch: instance.version },
      );
    }
    expect(instance.status).toBe('completed');

    const { page, problems } = await session();
    await page.goto(`${server.url}/statistics`);
    await signIn(page, '钱院长');
    await page.getByLabel('年度').click();
    await page.locator('.ant-select-item-option', { hasText: `${nextYear} 年` }).click();
    await page.getByRole('cell', { name: '大数据应用开发（中级）' }).waitFor();
    // axe judges the page at rest, not the year list while its closing animation runs.
    await page.locator('.ant-select-dropdown').last().waitFor({ state: 'hidden' });
    const charts = page.locator('svg.bar-chart');
    await expect.poll(() => charts.count()).toBe(2);
    expect(await charts.first().getAttribute('aria-label')).toContain('电子工程学院');
    expect((await seriousViolations(page)).join('\n')).toBe('');
    await screenshot(page, 'admin-statistics');
    expect(unexpected(problems)).toBe('');
  });

  it('administration on a phone (375 px): no sideways scrolling', async () => {
    const { page, problems } = await session(PHONE);
    await page.goto(`${server.url}/admin/calendar`);
    await signIn(page, '王处长');
    await page.getByRole('heading', { name: '校历与节假日' }).waitFor();
    await page
      .getByRole('row')
      .filter({ hasText: String(nextYear) })
      .first()
      .waitFor();
    expect(await scrollsSideways(page)).toBe(false);
    expect(
      await page.evaluate(() => (document.scrollingElement ?? document.body).scrollWidth),
    ).toBeLessThanOrEqual(375);
    expect((await seriousViolations(page)).join('\n')).toBe('');
    await screenshot(page, 'admin-calendar-phone');
    await page.goto(`${server.url}/statistics`);
    await page.getByRole('heading', { name: '试点统计' }).waitFor();
    expect(await scrollsSideways(page)).toBe(false);
    expect(unexpected(problems)).toBe('');
  });
});
