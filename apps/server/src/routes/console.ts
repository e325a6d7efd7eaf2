import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { OpenAPIHono } from '@hono/zod-openapi';
import type { Context, MiddlewareHandler } from 'hono';
import type { AppEnv } from '../app-env.js';

/**
 * The web console (`apps/console`): the built single-page app served at `/`. Files of its
 * `dist/` are served as they are (precompressed `.br`/`.gz` when the browser takes them); any
 * other GET that is not a file is a client route and gets `index.html` with a fresh CSP nonce.
 * The server's own prefixes are never answered here, whatever the order of mounting.
 */
export const RESERVED_PREFIXES = ['/api', '/mail', '/healthz', '/auth'] as const;

/** What `vite build` writes into the HTML where a nonce goes (apps/console/vite.config.ts). */
export const CSP_NONCE_PLACEHOLDER = '__CERTFLOW_CSP_NONCE__';

export interface ConsoleOptions {
  /** The built console (`apps/console/dist`); found beside the server by default. */
  readonly dir?: string;
  /** The campus identity system's sign-in page, offered on the console's sign-in page. */
  readonly ssoLoginUrl?: string;
}

/** apps/server/src/routes → apps/console/dist, and apps/server/dist (the tsup bundle) → the same. */
const DEFAULT_DIRS = ['../../../console/dist', '../../console/dist'].map((p) =>
  fileURLToPath(new URL(p, import.meta.url)),
);

const TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.json': 'application/json',
  '.txt': 'text/plain; charset=utf-8',
  '.woff2': 'font/woff2',
};

/**
 * The console's Content-Security-Policy: scripts only from this origin or with the page's nonce
 * (no inline script, no eval); `<style>` elements need the nonce too — antd's CSS-in-JS gets it
 * from `<meta property="csp-nonce">` through `ConfigProvider csp`, mermaid's through the
 * console's renderer. `style` attributes stay allowed: mermaid's SVG and antd's measuring
 * components write them, and they cannot run script. No framing, no plugins, no base rewriting.
 */
export function consoleCsp(nonce: string): string {
  return [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}'`,
    `style-src 'self' 'nonce-${nonce}'`,
    "style-src-attr 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self' data:",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join('; ');
}

function isReserved(path: string): boolean {
  return RESERVED_PREFIXES.some((p) => path === p || path.startsWith(`${p}/`));
}

function consoleDir(options: ConsoleOptions): string | undefined {
  const dirs = options.dir ? [resolve(options.dir)] : DEFAULT_DIRS;
  return dirs.find((d) => existsSync(join(d, 'index.html')));
}

/** The file a URL path names inside `dir`, or undefined (outside it, not a file, undecodable). */
async function fileOf(dir: string, path: string): Promise<string | undefined> {
  let decoded: string;
  try {
    decoded = decodeURIComponent(path);
  } catch {
    return undefined;
  }
  if (decoded.includes('\0')) return undefined;
  const file = resolve(dir, `.${normalize(`/${decoded}`)}`);
  if (!file.startsWith(`${dir}${sep}`)) return undefined;
  const info = await stat(file).catch(() => undefined);
  return info?.isFile() ? file : undefined;
}

const escapeAttr = (s: string): string =>
  s.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

function htmlHeaders(c: Context, nonce: string): void {
  c.header('Content-Security-Policy', consoleCsp(nonce));
  c.header('X-Frame-Options', 'DENY');
  c.header('Referrer-Policy', 'no-referrer');
  c.header('X-Content-Type-Options', 'nosniff');
  c.header('Cross-Origin-Opener-Policy', 'same-origin');
  c.header('Cache-Control', 'no-store');
}

async function indexPage(c: Context, dir: string, options: ConsoleOptions): Promise<Response> {
  const nonce = randomBytes(18).toString('base64');
  let html = (await readFile(join(dir, 'index.html'), 'utf8')).replaceAll(
    CSP_NONCE_PLACEHOLDER,
    nonce,
  );
  if (options.ssoLoginUrl) {
    const meta = `<meta name="certflow-sso-login" content="${escapeAttr(options.ssoLoginUrl)}" />`;
    html = html.replace('</head>', `${meta}</head>`);
  }
  htmlHeaders(c, nonce);
  return c.html(html, 200);
}

function notBuilt(c: Context): Response {
  htmlHeaders(c, randomBytes(18).toString('base64'));
  return c.html(
    '<!doctype html><html lang="zh-CN"><meta charset="utf-8"><title>控制台尚未构建</title>' +
      '<h1>控制台尚未构建</h1><p>请在仓库根目录运行 <code>pnpm build</code>（或 <code>pnpm start</code>，它会先构建控制台）。</p>' +
      '<p>The console is not built: run <code>pnpm build</code>.</p></html>',
    503,
  );
}

async function asset(c: Context, file: string): Promise<Response> {
  const type = TYPES[extname(file)] ?? 'application/octet-stream';
  const accepts = c.req.header('accept-encoding') ?? '';
  let body: Buffer | undefined;
  for (const [encoding, suffix] of [
    ['br', '.br'],
    ['gzip', '.gz'],
  ] as const) {
    if (!accepts.includes(encoding)) continue;
    body = await readFile(`${file}${suffix}`).catch(() => undefined);
    if (body) {
      c.header('Content-Encoding', encoding);
      break;
    }
  }
  body ??= await readFile(file);
  c.header('Content-Type', type);
  c.header('Vary', 'Accept-Encoding');
  c.header('X-Content-Type-Options', 'nosniff');
  c.header(
    'Cache-Control',
    file.includes(`${sep}assets${sep}`)
      ? 'public, max-age=31536000, immutable'
      : 'public, max-age=3600',
  );
  return c.body(new Uint8Array(body), 200);
}

/** Serves the console at `/` (GET and HEAD only; `/api`, `/mail`, `/healthz`, `/auth` pass by). */
export function consoleRoutes(app: OpenAPIHono<AppEnv>, options: ConsoleOptions = {}): void {
  const handler: MiddlewareHandler = async (c, next) => {
    if ((c.req.method !== 'GET' && c.req.method !== 'HEAD') || isReserved(c.req.path))
      return next();
    const dir = consoleDir(options);
    if (!dir) return c.req.path === '/' || !extname(c.req.path) ? notBuilt(c) : next();
    if (c.req.path === '/' || c.req.path === '/index.html') return indexPage(c, dir, options);
    const file = await fileOf(dir, c.req.path);
    if (file) return asset(c, file);
    // A missing file (an old chunk after a deploy) is a 404; anything else is a client route.
    if (c.req.path.startsWith('/assets/') || extname(c.req.path) !== '') return next();
    return indexPage(c, dir, options);
  };
  app.use('*', handler);
}
