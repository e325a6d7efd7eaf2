import type { Page } from 'playwright-core';
import { expect } from 'vitest';

/** One click on a demo person of the sign-in page; answers where it landed. */
export async function signIn(page: Page, name: string): Promise<void> {
  await page.getByRole('button', { name: new RegExp(name) }).click();
  await page.waitForURL((u) => !u.pathname.startsWith('/login'));
}

/** A decision from the 办理 card: the button, a 常用意见, the confirmation; the dialog closes. */
export async function decide(page: Page, button: string, opinion?: string): Promise<void> {
  await page.getByRole('button', { name: button, exact: true }).click();
  const dialog = page.getByRole('dialog');
  if (opinion) await dialog.getByRole('button', { name: opinion, exact: true }).click();
  await dialog.getByRole('button', { name: `确认${button}` }).click();
  await expect.poll(() => dialog.count(), { timeout: 10_000 }).toBe(0);
}

/** Waits until the instance header shows this tag (status or step). */
export async function expectTag(page: Page, text: string): Promise<void> {
  await page.locator('.ant-card').first().locator('.ant-tag', { hasText: text }).first().waitFor();
}

/** Picks an option of an antd Select by its label. */
export async function choose(page: Page, label: string, option: string): Promise<void> {
  await page.getByLabel(label, { exact: true }).click();
  await page
    .locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: option })
    .first()
    .click();
}

/** The signed-in person's token, as the console keeps it. */
export function tokenOf(page: Page): Promise<string> {
  return page.evaluate(() => localStorage.getItem('certflow.session') ?? '');
}
