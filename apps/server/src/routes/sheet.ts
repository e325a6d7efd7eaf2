import { loadSheetFont, renderSheetHtml, renderSheetPdf, SHEET_HTML_CSP } from '@certflow/sheet';
import { createRoute, type OpenAPIHono, z } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { assertMayRead, hidingMissing } from '../access/read-access.js';
import type { AppDeps, AppEnv } from '../app-env.js';
import { errorResponses, idParam } from '../schemas/common.js';
import { verifyInstance } from '../sheet/instance-verdict.js';
import { sheetSource } from '../sheet/sheet-source.js';
import { attachmentStoreOf } from './attachments.js';

const security = [{ bearer: [] }];
const tags = ['instances'];

const pdf = createRoute({
  operationId: 'getApprovalSheetPdf',
  method: 'get',
  path: '/api/instances/{id}/sheet.pdf',
  tags,
  security,
  summary: '审批单 — the approval sheet as PDF',
  description:
    "The application's fields, 签核历程 (every step: who, when, opinion), the attachments with their SHA-256, and the verification of the hash chain and of the stored files; Chinese text in an embedded font.",
  request: { params: idParam },
  responses: {
    200: {
      description: 'the sheet (A4)',
      content: { 'application/pdf': { schema: z.string().openapi({ format: 'binary' }) } },
    },
    ...errorResponses,
  },
});

const html = createRoute({
  operationId: 'getApprovalSheetHtml',
  method: 'get',
  path: '/api/instances/{id}/sheet.html',
  tags,
  security,
  summary: '审批单 — the approval sheet as print-friendly HTML',
  request: { params: idParam },
  responses: {
    200: { description: 'the sheet', content: { 'text/html': { schema: z.string() } } },
    ...errorResponses,
  },
});

/** `GET /api/instances/{id}/sheet.pdf` and `/sheet.html`: rendering is @certflow/sheet's. */
export function sheetRoutes(app: OpenAPIHono<AppEnv>, deps: AppDeps): void {
  const files = attachmentStoreOf(deps);

  const source = async (c: Context<AppEnv>, id: string) => {
    await assertMayRead(deps.db, c.get('actor'), id);
    const view = await hidingMissing(() => deps.engine.get(id));
    const verdict = await verifyInstance(deps.engine, files, id);
    return sheetSource({
      engine: deps.engine,
      view,
      verdict,
      now: new Date(),
      ...(deps.schoolName ? { school: deps.schoolName } : {}),
    });
  };

  app.openapi(pdf, async (c) => {
    const { id } = c.req.valid('param');
    const data = await source(c, id);
    const bytes = await renderSheetPdf(data, { font: await loadSheetFont() });
    return c.body(bytes as Uint8Array<ArrayBuffer>, 200, {
      'Content-Type': 'application/pdf',
      'Content-Disposition': `inline; filename="sheet-${id}.pdf"`,
      'Cache-Control': 'private, no-store',
    });
  });

  app.openapi(html, async (c) => {
    const { id } = c.req.valid('param');
    const data = await source(c, id);
    return c.body(renderSheetHtml(data), 200, {
      'Content-Type': 'text/html; charset=utf-8',
      'Content-Security-Policy': SHEET_HTML_CSP,
      'Cache-Control': 'private, no-store',
    });
  });
}
