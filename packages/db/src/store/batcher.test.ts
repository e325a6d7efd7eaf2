import { describe, expect, it } from 'vitest';
import { Batcher } from './batcher.js';

// The batcher on its own (no database): what goes into which batch, in which order.

/** A batcher that records its batches and answers each item with itself, once released. */
function recording(maxBatch: number, keysOf?: (item: string) => readonly string[]) {
  const batches: string[][] = [];
  let release: () => void = () => {};
  const gate = new Promise<void>((r) => (release = r));
  const batcher = new Batcher<string, string>(
    async (items) => {
      batches.push(items);
      await gate;
      return items;
    },
    { maxBatch, maxInFlight: 1, ...(keysOf ? { keysOf } : {}) },
  );
  return { batcher, batches, release: () => release() };
}

describe('Batcher', () => {
  it('cuts what arrives together into batches of at most maxBatch, in order', async () => {
    const r = recording(3);
    const answers = Promise.all(['a', 'b', 'c', 'd', 'e'].map((x) => r.batcher.submit(x)));
    r.release();
    expect(await answers).toEqual(['a', 'b', 'c', 'd', 'e']);
    expect(r.batches).toEqual([
      ['a', 'b', 'c'],
      ['d', 'e'],
    ]);
    expect(r.batcher.stats).toEqual({ batches: 2, items: 5 });
  });

  it('keeps items that share a key in separate batches, each in its turn', async () => {
    const r = recording(4, (item) => [item[0] as string]);
    const items = ['x1', 'y1', 'x2', 'z1', 'x3', 'y2'];
    const answers = Promise.all(items.map((x) => r.batcher.submit(x)));
    r.release();
    expect(await answers).toEqual(items);
    expect(r.batches).toEqual([['x1', 'y1', 'z1'], ['x2', 'y2'], ['x3']]);
  });

  it('fills a batch to maxBatch past items it skipped, and keeps them first for the next', async () => {
    const r = recording(2, (item) => [item[0] as string]);
    const items = ['a1', 'a2', 'b1', 'c1', 'a3', 'd1'];
    const answers = Promise.all(items.map((x) => r.batcher.submit(x)));
    r.release();
    await answers;
    expect(r.batches).toEqual([
      ['a1', 'b1'],
      ['a2', 'c1'],
      ['a3', 'd1'],
    ]);
  });

  it('computes an item’s keys once, however long it waits', async () => {
    let calls = 0;
    const r = recording(1, (item) => {
      calls += 1;
      return [item];
    });
    const answers = Promise.all(Array.from({ length: 50 }, (_, n) => r.batcher.submit(`i${n}`)));
    r.release();
    await answers;
    expect(r.batches).toHaveLength(50);
    expect(calls).toBe(50);
  });

  it('rejects every caller of a batch that fails', async () => {
    const batcher = new Batcher<string, string>(() => Promise.reject(new Error('down')), {
      maxBatch: 8,
      maxInFlight: 1,
    });
    const results = await Promise.allSettled([batcher.submit('a'), batcher.submit('b')]);
    expect(results.map((r) => r.status)).toEqual(['rejected', 'rejected']);
  });
});
