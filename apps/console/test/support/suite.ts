import type { Browser } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { launch, open, type PHONE, type Session } from './browser';
import { startServer, type Server } from './server';

export interface ConsoleSuite {
  /** The running server's base URL. */
  url(): string;
  /** A fresh browser profile (desktop unless a viewport is given). */
  session(viewport?: typeof PHONE): Promise<Session>;
}

/**
 * The e2e harness of a test file: the real `pnpm start` and Debian's Chromium, started before
 * its tests and stopped after them.
 */
export function consoleSuite(): ConsoleSuite {
  let server: Server | undefined;
  let browser: Browser | undefined;
  beforeAll(async () => {
    [server, browser] = await Promise.all([startServer(), launch()]);
  }, 180_000);
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });
  return {
    url: () => server?.url ?? '',
    session: (viewport) => {
      if (!browser) throw new Error('the browser is not running');
      return open(browser, viewport);
    },
  };
}
