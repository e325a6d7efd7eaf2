import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { PersonKey } from '@certflow/pilot/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { calendarCliDeps, calendarCommand } from '../src/cli/calendar-command.js';
import { startCalendarWorld, type CalendarWorld } from './support/calendar-world.js';

const example = readFileSync(
  new URL('../../../packages/calendar/examples/2027.example.json', import.meta.url),
  'utf8',
);

/** `pnpm certflow calendar import` against a real server on PostgreSQL (the CLI speaks HTTP). */
describe('pnpm certflow calendar import', () => {
  let w: CalendarWorld;
  const dir = mkdtempSync(join(tmpdir(), 'certflow-calendar-cli-'));
  writeFileSync(join(dir, '2027.json'), example);
  writeFileSync(
    join(dir, 'bad.json'),
    example.replace('"date": "2027-09-26"', '"date": "2027-09-27"'),
  );

  const run = async (who: PersonKey, ...args: string[]) => {
    const out: string[] = [];
    const err: string[] = [];
    const env = { CERTFLOW_URL: w.url, CERTFLOW_TOKEN: w.token(who), INIT_CWD: dir };
    const deps = {
      ...calendarCliDeps(env),
      out: (l: string) => out.push(l),
      err: (l: string) => err.push(l),
    };
    const code = await calendarCommand(args, deps);
    return { code, out: out.join('\n'), err: err.join('\n') };
  };

  beforeAll(async () => {
    w = await startCalendarWorld('2026-12-28T10:00:00+08:00');
    await w
      .as('academic')
      .startInstance('report', { kind: 'dynamic', collegeId: 'ee', period: '2026-12' });
  });
  afterAll(async () => {
    await w.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('refuses a bad file before sending it, naming file, line and column', async () => {
    const before = await w.fingerprint();
    const r = await run('academic', 'import', 'bad.json');
    expect(r.code).toBe(1);
    expect(r.err).toContain('bad.json：节假日安排文件有 1 处错误，未导入任何内容');
    expect(r.err).toContain(
      'bad.json:21:15 WORKDAY_NOT_WEEKEND 2027-09-27 是周一，调休上班日只能是周六或周日',
    );
    expect(await w.fingerprint()).toBe(before);
  });

  it('answers usage errors and missing files with their exit codes', async () => {
    expect((await run('academic', 'import')).code).toBe(2);
    expect((await run('academic', 'export', '2027.json')).code).toBe(2);
    const missing = await run('academic', 'import', 'nope.json');
    expect([missing.code, missing.err]).toEqual([1, expect.stringContaining('无法读取 nope.json')]);
  });

  it("relays the server's refusal (a token without academic_affairs)", async () => {
    const r = await run('owner', 'import', '2027.json');
    expect(r.code).toBe(1);
    expect(r.err).toContain('403 NOT_AUTHORIZED');
  });

  it('previews with --dry-run, then imports', async () => {
    const before = await w.fingerprint();
    const preview = await run('academic', 'import', '2027.json', '--dry-run');
    expect(preview.code).toBe(0);
    expect(preview.out).toContain('预览 2027 年节假日安排（未写入）');
    expect(preview.out).toContain('将调整 4 个截止时间');
    expect(preview.out).toMatch(/task report {2}2027-01-04 17:30 → 2027-01-05 17:30/);
    expect(await w.fingerprint()).toBe(before);

    const done = await run('academic', 'import', '2027.json');
    expect(done.code).toBe(0);
    expect(done.out).toContain('已导入 2027 年节假日安排');
    expect(done.out).toContain('新增 35 天、移除 0 天、更名 0 天');
    expect(w.calendar.isCovered(2027)).toBe(true);
  });
});
