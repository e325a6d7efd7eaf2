import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import {
  PHONE,
  screenshot,
  scrollsSideways,
  seriousViolations,
  unexpected,
} from './support/browser';
import { choose, signIn, tokenOf } from './support/actions';
import { consoleSuite } from './support/suite';

/**
 * 发起申请 on the real `pnpm start` (demo school) in Debian's Chromium: a draft saved, refused to
 * another person, reopened from 草稿箱; attachments (a PDF, an executable renamed .pdf); the
 * routing preview; the submit; the phone layout (apps/console/docs/start.md).
 */
const suite = consoleSuite();
const session = (viewport?: typeof PHONE) => suite.session(viewport);
let draftUrl = '';

/** The rest of a pilot-project application after 证书代码 and 证书名称. */
async function fillProject(
  page: Page,
  p: { level: string; org: string; scale: string; fees: [string, string, string] },
): Promise<void> {
  await choose(page, '等级', p.level);
  await page.getByLabel('培训评价组织').fill(p.org);
  await page.getByLabel('试点规模（人）').fill(p.scale);
  await page.getByLabel('耗材费').fill(p.fees[0]);
  await page.getByLabel('考核（证书）费').fill(p.fees[1]);
  await page.getByLabel('考评员费').fill(p.fees[2]);
}

/** A PDF as the server sniffs it (`%PDF-`), and an executable (`MZ`) renamed `.pdf`. */
const PDF = Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer\n%%EOF\n');
const EXE = Buffer.concat([Buffer.from('MZ\x90\x00\x03\x00\x00\x00'), Buffer.alloc(120)]);

describe('发起申请 with a draft, attachments and the routing preview', () => {
  it('张老师 saves an unfinished application as a draft; it waits in 草稿箱', async () => {
    const { page, problems } = await session();
    await page.goto(`${suite.url()}/start`);
    await signIn(page, '张老师');
    await page.getByRole('link', { name: '发起：年度试点项目申报' }).click();
    await page.getByLabel('证书代码').fill('WEB-FE');
    await page.getByLabel('证书名称').fill('Web前端开发');
    const region = page.getByRole('region', { name: '预览审批流程' });
    await region.getByText(/填写完整后，这里显示/).waitFor();
    await page.getByRole('button', { name: '保存草稿' }).click();
    await page.getByText('草稿已保存，可在“草稿箱”中继续编辑。').waitFor();
    await page.waitForURL(/\?draft=[0-9a-f-]{36}$/);
    draftUrl = page.url();
    await page.getByRole('navigation', { name: '主菜单' }).getByText('草稿箱').click();
    await page.getByRole('heading', { name: '草稿箱' }).waitFor();
    await page.getByRole('link', { name: '年度试点项目申报（未填写完整）' }).waitFor();
    expect((await seriousViolations(page)).join('\n')).toBe('');
    await screenshot(page, 'drafts-desktop');
    expect(unexpected(problems)).toBe('');
  }, 60_000);

  it('another person cannot open it: the server’s refusal is said in Chinese', async () => {
    const { page, problems } = await session();
    await page.goto(draftUrl);
    await signIn(page, '李院长');
    await page.getByText('草稿不存在').waitFor();
    await page.getByText('草稿只有保存它的人可以查看和继续编辑。').waitFor();
    expect(unexpected(problems, 404)).toBe('');
  });

  it('张老师 reopens it, attaches a PDF, is refused a forged one, saves, goes on on another device, sees the route with its dates and submits', async () => {
    const first = await session();
    let page = first.page;
    await page.goto(`${suite.url()}/drafts`);
    await signIn(page, '张老师');
    await page.getByRole('button', { name: '继续编辑' }).click();
    await page.waitForURL(draftUrl);
    expect(await page.getByLabel('证书代码').inputValue()).toBe('WEB-FE');
    await fillProject(page, {
      level: '中级',
      org: '工信部教育与考试中心',
      scale: '40',
      fees: ['2000', '4000', '1500'],
    });

    const files = page.locator('input[type="file"]');
    await files.setInputFiles({ name: '实施方案.pdf', mimeType: 'application/pdf', buffer: PDF });
    const list = page.getByRole('list', { name: '已上传的附件' });
    await list.getByText('实施方案.pdf').waitFor();
    await list.getByText('PDF', { exact: true }).waitFor();
    await files.setInputFiles({ name: '安装程序.pdf', mimeType: 'application/pdf', buffer: EXE });
    await page
      .getByRole('alert')
      .filter({ hasText: '「安装程序.pdf」不能上传：文件内容不是允许的类型' })
      .waitFor();
    expect(await list.getByRole('listitem').count()).toBe(1);
    await page.getByRole('button', { name: '保存草稿' }).click();
    await page.getByText('草稿已保存。').waitFor();
    expect(unexpected(first.problems, 415)).toBe('');

    // Another browser (nothing kept locally): the draft has its file, from the server.
    const second = await session();
    page = second.page;
    const { problems } = second;
    await page.goto(draftUrl);
    await signIn(page, '张老师');
    expect(await page.getByLabel('培训评价组织').inputValue()).toBe('工信部教育与考试中心');
    await page.getByRole('list', { name: '已上传的附件' }).getByText('实施方案.pdf').waitFor();

    // The route of what is typed now: three steps, the 领导小组 last, each with a date and why.
    const region = page.getByRole('region', { name: '预览审批流程' });
    const leadership = region.locator('li[data-step="领导小组审批"]');
    await leadership.waitFor({ timeout: 15_000 });
    expect(await region.locator('li[data-step]').count()).toBe(3);
    await expect
      .poll(() => leadership.textContent())
      .toMatch(/期限：\d{4}\/\d{2}\/\d{2} \d{2}:\d{2}/);
    expect(await leadership.textContent()).toMatch(/办理人：\S+/);
    expect(await region.locator('li[data-step="二级学院审核"]').textContent()).toMatch(/工作日/);
    await screenshot(page, 'start-desktop');
    expect((await seriousViolations(page)).join('\n')).toBe('');

    await page.getByRole('button', { name: '提交申请' }).click();
    await page.waitForURL(/\/instances\/[0-9a-f-]{36}$/);
    const id = page.url().split('/').at(-1) ?? '';
    const token = await tokenOf(page);
    const history = (await (
      await fetch(`${suite.url()}/api/instances/${id}/history`, {
        headers: { authorization: `Bearer ${token}` },
      })
    ).json()) as { items: Array<{ data: { attachments?: Array<{ name: string }> } }> };
    expect(history.items[0]?.data.attachments?.map((a) => a.name)).toEqual(['实施方案.pdf']);
    // The draft went with the submit.
    const drafts = (await (
      await fetch(`${suite.url()}/api/drafts`, { headers: { authorization: `Bearer ${token}` } })
    ).json()) as { total: number };
    expect(drafts.total).toBe(0);
    expect(unexpected(problems)).toBe('');
  }, 120_000);

  it('on a phone (375 px) the form, its attachments and the preview fit without sideways scrolling; a draft is deleted from 草稿箱', async () => {
    const { page, problems } = await session(PHONE);
    await page.goto(`${suite.url()}/start/pilot-project`);
    await signIn(page, '张老师');
    await page.getByLabel('证书代码').fill('AI-DATA');
    await page.getByLabel('证书名称').fill('人工智能数据处理');
    await fillProject(page, {
      level: '高级',
      org: '某培训评价组织',
      scale: '10',
      fees: ['100', '200', '300'],
    });
    await page.locator('input[type="file"]').setInputFiles({
      name: '一个名字相当长的人工智能数据处理证书试点实施方案（第二稿）.pdf',
      mimeType: 'application/pdf',
      buffer: PDF,
    });
    await page.getByRole('list', { name: '已上传的附件' }).getByRole('listitem').waitFor();
    await page
      .getByRole('region', { name: '预览审批流程' })
      .locator('li[data-step="领导小组审批"]')
      .waitFor({ timeout: 15_000 });
    expect(await scrollsSideways(page)).toBe(false);
    // The textarea's character count and the help line under it do not overlap.
    const reason = page.locator('.ant-form-item').filter({ has: page.getByLabel('必要性说明') });
    const count = await reason.locator('.ant-input-data-count').boundingBox();
    const help = await reason.locator('.ant-form-item-extra').boundingBox();
    expect(count && help).toBeTruthy();
    if (count && help) {
      const apart =
        count.x >= help.x + help.width ||
        help.x >= count.x + count.width ||
        count.y >= help.y + help.height ||
        help.y >= count.y + count.height;
      expect(apart, JSON.stringify({ count, help })).toBe(true);
    }
    await screenshot(page, 'start-phone');
    expect((await seriousViolations(page)).join('\n')).toBe('');
    await page.getByRole('button', { name: '保存草稿' }).click();
    await page.waitForURL(/\?draft=/);
    await page.goto(`${suite.url()}/drafts`);
    const item = page.getByRole('link', { name: /人工智能数据处理/ });
    await item.waitFor();
    await page.getByText('附件 1 个').waitFor();
    expect(await scrollsSideways(page)).toBe(false);
    await screenshot(page, 'drafts-phone');
    await page.getByRole('button', { name: /^删除草稿：/ }).click();
    await page.getByRole('button', { name: '删除', exact: true }).click();
    await page.getByText(/草稿箱是空的/).waitFor();
    expect(unexpected(problems)).toBe('');
  }, 90_000);
});
