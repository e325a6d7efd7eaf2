import { execFile } from 'node:child_process';
import { mkdtemp, readdir, readFile, rm, unlink, writeFile } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { serve, type ServerType } from '@hono/node-server';
import { CertflowClient } from '@certflow/client';
import { createDirectoryAttachmentStore, sha256Hex } from '@certflow/attachments';
import { exeFile, pdfFile, pngFile, textFile } from '@certflow/attachments/testing';
import { attachments as attachmentTable, instances } from '@certflow/db';
import { createTestPostgres, emptyTables, type TestPostgres } from '@certflow/db/testing';
import { SYSTEM_ACTOR, type AttachmentStore } from '@certflow/engine';
import { people, projectApplication, type PersonKey } from '@certflow/pilot/testing';
import { count, eq } from 'drizzle-orm';
import pino from 'pino';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { businessCalendar, createApp, engineFor, TokenService } from '../src/index.js';
import { claimsOf, TEST_SECRET } from './support/api-world.js';

const run = promisify(execFile);
const LIMIT = 64 * 1024;

/**
 * Attachments and the approval sheet over real HTTP on PostgreSQL, once with the files in the
 * `attachments` table and once in a directory (CERTFLOW_ATTACHMENT_DIR).
 */
let pg: TestPostgres;
let dir: string;
const tokens = new TokenService(TEST_SECRET);
beforeAll(async () => {
  pg = await createTestPostgres();
  dir = await mkdtemp(join(tmpdir(), 'certflow-attachments-http-'));
});
afterAll(async () => {
  await pg.drop();
  await rm(dir, { recursive: true, force: true });
});

interface Served {
  url: string;
  close(): Promise<void>;
}

async function serveApp(store: AttachmentStore | undefined): Promise<Served> {
  const engine = engineFor(pg, await businessCalendar(pg));
  const app = createApp({
    engine,
    store: pg.store,
    db: pg.db,
    driver: 'postgres',
    tokens,
    directory: pg.directory,
    logger: pino({ level: 'silent' }),
    attachmentLimit: LIMIT,
    schoolName: '示范职业技术学院',
    ...(store ? { attachments: store } : {}),
  });
  const server: ServerType = await new Promise((resolve) => {
    const s = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' }, () => resolve(s));
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

const bearer = async (who: PersonKey) => ({
  Authorization: `Bearer ${await tokens.sign(claimsOf(who), 600)}`,
});

async function seed(): Promise<void> {
  await emptyTables(pg);
  const engine = engineFor(pg, await businessCalendar(pg));
  await engine.putReference({
    kind: 'college',
    key: 'ee',
    value: { id: 'ee', name: '电子工程学院' },
    actor: SYSTEM_ACTOR,
  });
  for (const p of Object.values(people)) {
    await pg.directory.upsertUser({
      ...p,
      roles: [...p.roles],
      college: 'college' in p ? p.college : null,
    });
  }
}

type Json = Record<string, unknown>;

function suite(
  name: string,
  setup: () => { store?: AttachmentStore; tamper: Tamper; stored: () => Promise<number> },
): void {
  describe(name, () => {
    let served: Served;
    let tamper: Tamper;
    const api = async (who: PersonKey, method: string, path: string, body?: unknown) => {
      const res = await fetch(`${served.url}${path}`, {
        method,
        headers: {
          ...(await bearer(who)),
          ...(body === undefined ? {} : { 'Content-Type': 'application/json' }),
        },
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      });
      return { status: res.status, headers: res.headers, body: (await res.json()) as Json };
    };
    const upload = async (
      who: PersonKey,
      bytes: Uint8Array,
      fileName: string,
      type = 'application/octet-stream',
    ) => {
      const form = new FormData();
      form.append('file', new Blob([bytes], { type }), fileName);
      const res = await fetch(`${served.url}/api/attachments`, {
        method: 'POST',
        headers: await bearer(who),
        body: form,
      });
      return { status: res.status, body: (await res.json()) as Json };
    };
    let stored: () => Promise<number>;
    const instanceCount = async (): Promise<number> =>
      (await pg.db.select({ n: count() }).from(instances))[0]?.n ?? -1;

    /** An application with the plan attached, approved by the college with the minutes. */
    async function applied(): Promise<{ id: string; plan: Json; minutes: Json }> {
      await api('academic', 'PUT', '/api/quotas/2027/ee', { scale: 100, budget: 10_000_000 });
      const plan = (await upload('owner', pdfFile('实施方案'), '实施方案.pdf', 'application/pdf'))
        .body;
      const started = await api('owner', 'POST', '/api/instances', {
        flow: 'pilot-project',
        input: projectApplication(),
        attachments: [plan['id']],
      });
      expect(started.status).toBe(201);
      const id = started.body['id'] as string;
      const minutes = (
        await upload('collegeLead', textFile('院务会纪要：同意申报。\n'), '纪要.txt')
      ).body;
      const approved = await api('collegeLead', 'POST', `/api/instances/${id}/events`, {
        type: 'APPROVE',
        comment: '材料齐全，同意上报教务处。',
        attachments: [minutes['id']],
      });
      expect(approved.status).toBe(200);
      return { id, plan, minutes };
    }

    beforeAll(async () => {
      const s = setup();
      tamper = s.tamper;
      stored = s.stored;
      served = await serveApp(s.store);
    });
    afterAll(() => served.close());
    beforeEach(seed);

    it('stores an upload with the sha256 of its bytes and the type sniffed from them', async () => {
      const bytes = pngFile();
      const res = await upload('owner', bytes, '现场照片.png', 'image/png');
      expect(res.status).toBe(201);
      expect(res.body).toMatchObject({
        sha256: sha256Hex(bytes),
        size: bytes.length,
        name: '现场照片.png',
        type: 'image/png',
      });
    });

    it('refuses a file over the limit (413 ATTACHMENT_TOO_LARGE) and stores nothing', async () => {
      const before = await stored();
      const big = new Uint8Array(LIMIT + 1).fill(0x41); // plain text, one byte too many
      const res = await upload('owner', big, '名单.txt', 'text/plain');
      expect(res.status).toBe(413);
      expect(res.body).toMatchObject({ code: 'ATTACHMENT_TOO_LARGE', details: { limit: LIMIT } });
      expect(res.body['message']).toMatch(/附件过大/u);
      // A body far past the limit is refused without being read.
      const huge = await upload('owner', new Uint8Array(LIMIT * 4).fill(0x41), 'a.txt');
      expect(huge.status).toBe(413);
      expect(huge.body['code']).toBe('ATTACHMENT_TOO_LARGE');
      expect(await stored()).toBe(before);
    });

    it('refuses a forged Content-Type or extension (415 ATTACHMENT_TYPE_NOT_ALLOWED)', async () => {
      const before = await stored();
      for (const [bytes, fileName, type] of [
        [pngFile(), '方案.pdf', 'application/pdf'], // a PNG claiming to be a PDF
        [pdfFile(), '方案.pdf', 'image/png'], // a PDF sent as PNG
        [exeFile(), '方案.pdf', 'application/pdf'], // an executable renamed
        [pdfFile(), '方案.exe', 'application/pdf'],
      ] as const) {
        const res = await upload('owner', bytes, fileName, type);
        expect(res.status).toBe(415);
        expect(res.body['code']).toBe('ATTACHMENT_TYPE_NOT_ALLOWED');
      }
      const json = await api('owner', 'POST', '/api/attachments', { file: 'x' });
      expect(json.status).toBe(415);
      expect(json.body['code']).toBe('UNSUPPORTED_MEDIA_TYPE');
      expect(await stored()).toBe(before);
    });

    it('records the attachments of the application and of a decision in the hash chain', async () => {
      const { id, plan, minutes } = await applied();
      const history = (await api('owner', 'GET', `/api/instances/${id}/history`)).body[
        'items'
      ] as Json[];
      expect(history[0]?.['data']).toEqual({
        attachments: [
          {
            id: plan['id'],
            name: '实施方案.pdf',
            sha256: plan['sha256'],
            size: plan['size'],
            mediaType: 'application/pdf',
          },
        ],
      });
      expect(history[1]?.['data']).toMatchObject({
        attachments: [{ id: minutes['id'], sha256: minutes['sha256'], mediaType: 'text/plain' }],
      });
      const verdict = await api('auditor', 'GET', `/api/instances/${id}/verify`);
      expect(verdict.body).toMatchObject({ ok: true, count: 2 });
      expect((verdict.body['attachments'] as Json[]).map((a) => a['check'])).toEqual(['ok', 'ok']);
    });

    it("keeps a draft's files and names them in the application when it is submitted", async () => {
      await api('academic', 'PUT', '/api/quotas/2027/ee', { scale: 100, budget: 10_000_000 });
      const plan = (await upload('owner', pdfFile('实施方案'), '实施方案.pdf', 'application/pdf'))
        .body;
      const photo = (await upload('owner', pngFile(), '现场照片.png', 'image/png')).body;
      const created = await api('owner', 'POST', '/api/drafts', {
        flow: 'pilot-project',
        input: { title: '未填完' },
        attachments: [plan['id']],
      });
      expect(created.status).toBe(201);
      const draftId = created.body['id'] as string;
      expect(created.body['attachments']).toEqual([
        {
          id: plan['id'],
          name: '实施方案.pdf',
          sha256: plan['sha256'],
          size: plan['size'],
          type: 'application/pdf',
        },
      ]);
      // Another person's upload is refused and the draft keeps what it had.
      const theirs = (await upload('owner2', pdfFile(), 'b.pdf')).body;
      const refused = await api('owner', 'PUT', `/api/drafts/${draftId}`, {
        input: projectApplication(),
        attachments: [plan['id'], theirs['id']],
      });
      expect(refused.status).toBe(422);
      expect(refused.body['code']).toBe('ATTACHMENT_NOT_FOUND');
      const kept = await api('owner', 'GET', `/api/drafts/${draftId}`);
      expect(kept.body).toMatchObject({ version: 1, input: { title: '未填完' } });
      // An update without `attachments` keeps them; with a list, it replaces them.
      const same = await api('owner', 'PUT', `/api/drafts/${draftId}`, {
        input: projectApplication(),
      });
      expect((same.body['attachments'] as Json[]).map((a) => a['id'])).toEqual([plan['id']]);
      const both = await api('owner', 'PUT', `/api/drafts/${draftId}`, {
        input: projectApplication(),
        attachments: [photo['id'], plan['id']],
      });
      expect((both.body['attachments'] as Json[]).map((a) => a['name'])).toEqual([
        '现场照片.png',
        '实施方案.pdf',
      ]);
      const listed = await api('owner', 'GET', '/api/drafts');
      expect((listed.body['items'] as Json[])[0]?.['attachments']).toHaveLength(2);
      // Another session (another device) sees the same files in the draft.
      expect((await api('owner', 'GET', `/api/drafts/${draftId}`)).body['attachments']).toEqual(
        both.body['attachments'],
      );

      const submitted = await api('owner', 'POST', `/api/drafts/${draftId}/submit`, {});
      expect(submitted.status).toBe(201);
      const id = submitted.body['id'] as string;
      const history = (await api('owner', 'GET', `/api/instances/${id}/history`)).body[
        'items'
      ] as Json[];
      expect(history[0]?.['event']).toBe('START');
      expect(history[0]?.['data']).toEqual({
        attachments: [
          {
            id: photo['id'],
            name: '现场照片.png',
            sha256: photo['sha256'],
            size: photo['size'],
            mediaType: 'image/png',
          },
          {
            id: plan['id'],
            name: '实施方案.pdf',
            sha256: plan['sha256'],
            size: plan['size'],
            mediaType: 'application/pdf',
          },
        ],
      });
      const verdict = await api('auditor', 'GET', `/api/instances/${id}/verify`);
      expect(verdict.body).toMatchObject({ ok: true, count: 1 });
      expect((verdict.body['attachments'] as Json[]).map((a) => a['check'])).toEqual(['ok', 'ok']);
      const file = await fetch(
        `${served.url}/api/instances/${id}/attachments/${String(plan['id'])}`,
        {
          headers: await bearer('collegeLead'),
        },
      );
      expect(file.status).toBe(200);
    });
    it("refuses another person's upload, an unknown id and refs forged in data", async () => {
      const theirs = (await upload('owner2', pdfFile(), 'a.pdf')).body;
      const before = await instanceCount();
      const start = await api('owner', 'POST', '/api/instances', {
        flow: 'pilot-project',
        input: projectApplication(),
        attachments: [theirs['id']],
      });
      expect(start.status).toBe(422);
      expect(start.body['code']).toBe('ATTACHMENT_NOT_FOUND');
      expect(await instanceCount()).toBe(before);
      const { id } = await applied();
      const forged = await api('academic', 'POST', `/api/instances/${id}/events`, {
        type: 'COMMENT',
        comment: '补充',
        data: {
          attachments: [
            {
              id: 'x',
              name: 'x.pdf',
              sha256: '0'.repeat(64),
              size: 1,
              mediaType: 'application/pdf',
            },
          ],
        },
      });
      expect(forged.status).toBe(400);
      expect(forged.body['code']).toBe('VALIDATION_FAILED');
    });

    it('serves a download to those who may read the instance, and to nobody else', async () => {
      const { id, plan } = await applied();
      const path = `/api/instances/${id}/attachments/${String(plan['id'])}`;
      for (const who of ['owner', 'collegeLead', 'auditor'] as const) {
        const res = await fetch(`${served.url}${path}`, { headers: await bearer(who) });
        expect(res.status).toBe(200);
        expect(res.headers.get('content-type')).toBe('application/pdf');
        expect(res.headers.get('content-disposition')).toContain(
          `filename*=UTF-8''${encodeURIComponent('实施方案.pdf')}`,
        );
        const bytes = new Uint8Array(await res.arrayBuffer());
        expect(sha256Hex(bytes)).toBe(plan['sha256']);
      }
      // 陈院长 leads another college (cs): the instance does not exist for him.
      const other = await api('otherLead', 'GET', path);
      expect(other.status).toBe(404);
      expect(other.body['code']).toBe('NOT_FOUND');
      // An upload this instance does not record is not found under it.
      const loose = (await upload('owner', pdfFile(), 'b.pdf')).body;
      const unrelated = await api(
        'owner',
        'GET',
        `/api/instances/${id}/attachments/${String(loose['id'])}`,
      );
      expect(unrelated.status).toBe(404);
    });

    it('fails verification when a stored file is altered or missing', async () => {
      const { id, plan, minutes } = await applied();
      await tamper.alter(plan['id'] as string, pdfFile('篡改后的方案'));
      const altered = await api('auditor', 'GET', `/api/instances/${id}/verify`);
      expect(altered.body).toMatchObject({ ok: false, brokenAt: 1, reason: 'attachment-altered' });
      expect((altered.body['attachments'] as Json[]).map((a) => a['check'])).toEqual([
        'altered',
        'ok',
      ]);
      const download = await api(
        'owner',
        'GET',
        `/api/instances/${id}/attachments/${String(plan['id'])}`,
      );
      expect(download.status).toBe(409);
      expect(download.body['code']).toBe('ATTACHMENT_ALTERED');

      await tamper.remove(minutes['id'] as string);
      const gone = await api('auditor', 'GET', `/api/instances/${id}/verify`);
      expect((gone.body['attachments'] as Json[]).map((a) => a['check'])).toEqual([
        'altered',
        'missing',
      ]);
      const missing = await api(
        'owner',
        'GET',
        `/api/instances/${id}/attachments/${String(minutes['id'])}`,
      );
      expect(missing.status).toBe(410);
      expect(missing.body['code']).toBe('ATTACHMENT_MISSING');
    });

    it('works through the typed client: upload, attach, download, verify, sheet', async () => {
      await api('academic', 'PUT', '/api/quotas/2027/ee', { scale: 100, budget: 10_000_000 });
      const owner = new CertflowClient({
        baseUrl: served.url,
        token: await tokens.sign(claimsOf('owner'), 600),
      });
      const bytes = pdfFile('通过客户端上传');
      const file = await owner.uploadAttachment(new Blob([bytes]), '方案.pdf');
      expect(file).toMatchObject({ sha256: sha256Hex(bytes), type: 'application/pdf' });
      const started = await owner.startInstance('pilot-project', projectApplication(), {
        attachments: [file.id],
      });
      const back = await owner.downloadAttachment(started.id, file.id);
      expect(sha256Hex(back)).toBe(file.sha256);
      expect((await owner.verify(started.id)).attachments?.[0]?.check).toBe('ok');
      const pdf = await owner.approvalSheetPdf(started.id);
      expect(Buffer.from(pdf.subarray(0, 5)).toString('latin1')).toBe('%PDF-');
      expect(await owner.approvalSheetHtml(started.id)).toContain('方案.pdf');
    });

    it('renders the approval sheet as PDF (PNG via pdftoppm, Chinese text via pdftotext) and HTML', async () => {
      const { id, plan } = await applied();
      const res = await fetch(`${served.url}/api/instances/${id}/sheet.pdf`, {
        headers: await bearer('owner'),
      });
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toBe('application/pdf');
      const file = join(dir, `sheet-${id}.pdf`);
      await writeFile(file, new Uint8Array(await res.arrayBuffer()));
      await run('pdftoppm', ['-png', '-r', '50', '-f', '1', '-l', '1', file, `${file}-page`]);
      const png = await readFile(`${file}-page-1.png`);
      expect(png.subarray(1, 4).toString('latin1')).toBe('PNG');
      const text = (await run('pdftotext', ['-enc', 'UTF-8', file, '-'])).stdout.replace(
        /\s+/gu,
        '',
      );
      for (const expected of [
        '示范职业技术学院年度试点项目申报审批单',
        '电子工程学院',
        '张老师',
        '李院长',
        '发起申请',
        '材料齐全，同意上报教务处。',
        '实施方案.pdf',
        String(plan['sha256']),
        '工信部教育与考试中心',
        '审计链校验通过：共2条记录',
      ]) {
        expect(text).toContain(expected);
      }

      const page = await fetch(`${served.url}/api/instances/${id}/sheet.html`, {
        headers: await bearer('collegeLead'),
      });
      expect(page.status).toBe(200);
      expect(page.headers.get('content-security-policy')).toMatch(/style-src 'sha256-/u);
      const html = await page.text();
      expect(html).toContain('签核历程');
      expect(html).toContain('材料齐全，同意上报教务处。');
      expect(html).toContain(String(plan['sha256']));

      await tamper.alter(plan['id'] as string, pdfFile('篡改'));
      const after = await fetch(`${served.url}/api/instances/${id}/sheet.pdf`, {
        headers: await bearer('auditor'),
      });
      await writeFile(file, new Uint8Array(await after.arrayBuffer()));
      const broken = (await run('pdftotext', ['-enc', 'UTF-8', file, '-'])).stdout.replace(
        /\s+/gu,
        '',
      );
      expect(broken).toContain('审计链校验未通过：第1条记录的附件文件与登记的SHA-256不一致');

      const other = await fetch(`${served.url}/api/instances/${id}/sheet.pdf`, {
        headers: await bearer('otherLead'),
      });
      expect(other.status).toBe(404);
    });
  });
}

interface Tamper {
  alter(id: string, bytes: Uint8Array): Promise<void>;
  remove(id: string): Promise<void>;
}

suite('attachments in PostgreSQL', () => ({
  stored: async () => (await pg.db.select({ n: count() }).from(attachmentTable))[0]?.n ?? -1,
  tamper: {
    alter: async (id, bytes) => {
      await pg.db
        .update(attachmentTable)
        .set({ content: Buffer.from(bytes) })
        .where(eq(attachmentTable.id, id));
    },
    remove: async (id) => {
      await pg.db.delete(attachmentTable).where(eq(attachmentTable.id, id));
    },
  },
}));

suite('attachments in a directory (CERTFLOW_ATTACHMENT_DIR)', () => {
  const files = join(dir, 'files');
  return {
    store: createDirectoryAttachmentStore(files),
    // Every stored file is `<id>` beside `<id>.json`.
    stored: async () =>
      (await readdir(files).catch(() => [] as string[])).filter((f) => f.endsWith('.json')).length,
    tamper: {
      alter: (id, bytes) => writeFile(join(files, id), bytes),
      remove: (id) => unlink(join(files, id)),
    },
  };
});
