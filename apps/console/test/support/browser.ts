import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import AxeBuilder from '@axe-core/playwright';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';

/** Screenshots of every run (git-ignored); the README's pictures (docs/) are chosen from them. */
export const ARTIFACTS = fileURLToPath(new URL('../../test-artifacts/', import.meta.url));

/** Debian's chromium with the flags that keep it quiet and offline (TECH-NOTES). */
export function launch(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium',
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

export const DESKTOP = { width: 1366, height: 900 };
export const PHONE = { width: 375, height: 812 };

export interface Session {
  readonly context: BrowserContext;
  readonly page: Page;
  /** Every console error, page error and CSP violation seen so far. */
  readonly problems: string[];
}

/** A fresh browser profile (its own localStorage) that records everything that goes wrong. */
export async function open(browser: Browser, viewport = DESKTOP): Promise<Session> {
  const context = await browser.newContext({
    viewport,
    locale: 'zh-CN',
    timezoneId: 'Asia/Shanghai',
    ...(viewport === PHONE ? { isMobile: true, hasTouch: true, deviceScaleFactor: 2 } : {}),
  });
  const page = await context.newPage();
  // Fail with the locator's own message well before the test's timeout.
  page.setDefaultTimeout(10_000);
  const problems: string[] = [];
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) =>
      console.error(`CSP violation: ${e.violatedDirective} ${e.sourceFile}:${e.lineNumber}`),
    );
  });
  page.on('console', (m) => {
    if (m.type() === 'error' || m.type() === 'warning') problems.push(`${m.type()}: ${m.text()}`);
  });
  page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
  return { context, page, problems };
}

export async function screenshot(page: Page, name: string): Promise<void> {
  mkdirSync(ARTIFACTS, { recursive: true });
  await page.screenshot({ path: join(ARTIFACTS, `${name}.png`), fullPage: true });
}

/** axe-core's serious and critical findings on the page as it is now (none is the bar). */
export async function seriousViolations(page: Page): Promise<string[]> {
  // Judge the page at rest: a button's colour or a closing dropdown mid-transition is not what
  // the user reads (antd animates both). Every running CSS animation and transition ends first.
  // Endless ones (a spinner, a pulsing badge) are skipped, and the wait is capped at 2 s.
  await page.evaluate(async () => {
    const finite = document
      .getAnimations()
      .filter((a) => Number.isFinite(a.effect?.getComputedTiming().endTime ?? Infinity));
    await Promise.race([
      Promise.all(finite.map((a) => a.finished.catch(() => undefined))),
      new Promise((resolve) => setTimeout(resolve, 2000)),
    ]);
  });
  const result = await new AxeBuilder({ page }).analyze();
  return result.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map(
      (v) =>
        `${v.id}: ${v.help} — ${v.nodes
          .map((n) => n.target.join(' '))
          .slice(0, 3)
          .join(' | ')}`,
    );
}

/** Does the page scroll sideways (at 375 px: `document.scrollingElement.scrollWidth > 375`)? */
export function scrollsSideways(page: Page): Promise<boolean> {
  return page.evaluate(
    () => (document.scrollingElement ?? document.documentElement).scrollWidth > window.innerWidth,
  );
}

/**
 * The problems a test did not expect. A refusal the test provokes (422, 409, 401) is logged by
 * the browser itself as "Failed to load resource"; only those statuses are let through.
 */
export function unexpected(problems: readonly string[], ...statuses: number[]): string {
  return problems
    .filter(
      (p) =>
        !statuses.some((s) =>
          p.includes(`Failed to load resource: the server responded with a status of ${s}`),
        ),
    )
    .join('\n');
}
