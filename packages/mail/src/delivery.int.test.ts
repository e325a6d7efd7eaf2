import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestPostgres, type TestPostgres } from '@certflow/db/testing';
import { pilotProjectFlow } from '@certflow/pilot';
import { people, projectApplication } from '@certflow/pilot/testing';
import { simpleParser } from 'mailparser';
import { createEmlTransport } from './eml-transport.js';
import type { MailTransport } from './ports.js';
import { startSmtpSink, type SmtpSink } from './testing/smtp-sink.js';
import { linksOf, mailWorld } from './testing/mail-world.js';

let pg: TestPostgres;
let sink: SmtpSink;

beforeAll(async () => {
  pg = await createTestPostgres();
  sink = await startSmtpSink();
});
afterAll(async () => {
  await sink.close();
  await pg.drop();
});

describe('delivery is idempotent per outbox row', () => {
  it('a normal run sends each mail exactly once; handling a row again sends nothing', async () => {
    const w = await mailWorld(pg, sink, { flows: [pilotProjectFlow] });
    sink.clear();
    await w.engine.start('pilot-project', projectApplication(), people.owner);
    const rows = await w.drain();
    expect(rows).toHaveLength(2);
    expect(sink.mails).toHaveLength(2);
    expect(await w.drain()).toHaveLength(0); // delivered rows are not handed out again
    // a relay that crashed after the handler resolved, before marking: the handler is re-run
    for (const row of rows) await w.notify(row);
    expect(sink.mails).toHaveLength(2);
    const record = await w.mailStore.getMessage(rows[0]!.id);
    expect(record).toMatchObject({ status: 'sent', attempts: 1 });
  });

  it('a crash after the SMTP server accepted the mail, before it was recorded: sent again, same Message-ID and links', async () => {
    const smtp = (await mailWorld(pg, sink, { flows: [pilotProjectFlow] })).transport;
    let crashes = 1;
    const crashing: MailTransport = {
      async send(mail) {
        const sent = await smtp.send(mail); // the real SMTP server accepts it …
        if (crashes-- > 0) throw new Error('process killed'); // … and the process dies
        return sent;
      },
    };
    const w = await mailWorld(pg, sink, { flows: [pilotProjectFlow], transport: crashing });
    sink.clear();
    await w.engine.start('pilot-project', projectApplication(), people.owner);
    const [row] = (await pg.dispatch.pendingOutbox(w.clock.now(), 10)).filter(
      (r) => r.kind === 'notify',
    );
    await expect(w.notify(row!)).rejects.toThrow('process killed');
    expect((await pg.dispatch.getOutbox(row!.id))?.status).toBe('pending');
    // the relay redelivers the row
    await w.drain();
    const copies = sink.mails.filter(
      (m) => m.messageId === `<${row!.id}@certflow.certflow.example.edu.cn>`,
    );
    expect(copies).toHaveLength(2);
    expect(copies[1]!.text).toBe(copies[0]!.text);
    expect(linksOf(copies[1]!.text!)).toEqual(linksOf(copies[0]!.text!));
    expect(await w.mailStore.getMessage(row!.id)).toMatchObject({ status: 'sent', attempts: 2 });
    expect(sink.mails).toHaveLength(3); // the two copies + the other college lead's mail, once
  });

  it('embedded mode: .eml files a mail client opens, one per outbox row', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'certflow-mail-'));
    try {
      const w = await mailWorld(pg, sink, {
        flows: [pilotProjectFlow],
        transport: createEmlTransport(dir),
      });
      await w.engine.start('pilot-project', projectApplication(), people.owner);
      const rows = await w.drain();
      for (const row of rows) await w.notify(row);
      const files = (await readdir(dir)).sort();
      expect(files).toEqual(rows.map((r) => `${r.id}@certflow.certflow.example.edu.cn.eml`).sort());
      const parsed = await simpleParser(await readFile(join(dir, files[0]!)));
      expect(parsed.subject).toBe('【待审批】年度试点项目申报：电子工程学院 Web前端开发（中级）');
      expect(parsed.text).toContain('同意：https://certflow.example.edu.cn/mail/actions/');
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
