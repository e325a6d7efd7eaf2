import { describe, expect, it } from 'vitest';
import { Lanes } from './lanes.js';

const tick = () => new Promise<void>((resolve) => setImmediate(resolve));

describe('Lanes', () => {
  it('runs work on one key one at a time, in the order it came', async () => {
    const lanes = new Lanes();
    const log: string[] = [];
    let running = 0;
    const job = (name: string) =>
      lanes.run(['a'], async () => {
        running += 1;
        expect(running).toBe(1);
        log.push(`start ${name}`);
        await tick();
        log.push(`end ${name}`);
        running -= 1;
      });
    await Promise.all([job('1'), job('2'), job('3')]);
    expect(log).toEqual(['start 1', 'end 1', 'start 2', 'end 2', 'start 3', 'end 3']);
    expect(lanes.size).toBe(0);
  });

  it('runs work on different keys side by side', async () => {
    const lanes = new Lanes();
    const log: string[] = [];
    const job = (key: string) =>
      lanes.run([key], async () => {
        log.push(`start ${key}`);
        await tick();
        log.push(`end ${key}`);
      });
    await Promise.all([job('a'), job('b')]);
    expect(log).toEqual(['start a', 'start b', 'end a', 'end b']);
  });

  it('takes several keys without two callers waiting on each other', async () => {
    const lanes = new Lanes();
    const done = await Promise.all([
      lanes.run(['x', 'y'], async () => {
        await tick();
        return 1;
      }),
      lanes.run(['y', 'x'], async () => {
        await tick();
        return 2;
      }),
    ]);
    expect(done).toEqual([1, 2]);
    expect(lanes.size).toBe(0);
  });

  it('frees the key when work fails', async () => {
    const lanes = new Lanes();
    await expect(lanes.run(['a'], () => Promise.reject(new Error('boom')))).rejects.toThrow('boom');
    expect(await lanes.run(['a'], async () => 'next')).toBe('next');
    expect(lanes.size).toBe(0);
  });

  it('keeps the key while work waits behind the work that ends: the next caller still queues', async () => {
    const lanes = new Lanes();
    const log: string[] = [];
    const job = (name: string) =>
      lanes.run(['a'], async () => {
        log.push(`start ${name}`);
        await tick();
        await tick();
        log.push(`end ${name}`);
      });
    const first = job('1');
    const second = job('2');
    await first;
    expect(lanes.size).toBe(1);
    await Promise.all([second, job('3')]);
    expect(log).toEqual(['start 1', 'end 1', 'start 2', 'end 2', 'start 3', 'end 3']);
    expect(lanes.size).toBe(0);
  });
});
