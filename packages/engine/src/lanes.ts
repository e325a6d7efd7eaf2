/**
 * One queue per key, within this process: work on a key waits for the work before it on that
 * key. The engine runs each instance's commands in their lane, so concurrent commands on one hot
 * row (fifty 会签 approvers at once) are decided one after another on fresh loads instead of
 * racing and retrying — N commands take N loads and writes, not N². Several keys are taken in
 * sorted order, so two callers never wait on each other. Across processes the version checks
 * still decide; a lane only removes the races a process would lose against itself.
 */
export class Lanes {
  private readonly tails = new Map<string, Promise<void>>();

  async run<T>(keys: readonly string[], work: () => Promise<T>): Promise<T> {
    const sorted = [...new Set(keys)].sort();
    const releases: Array<() => void> = [];
    try {
      for (const key of sorted) releases.push(await this.take(key));
      return await work();
    } finally {
      for (const release of releases.reverse()) release();
    }
  }

  /** Keys with work queued or running (for tests: an idle engine holds none). */
  get size(): number {
    return this.tails.size;
  }

  private async take(key: string): Promise<() => void> {
    const before = this.tails.get(key) ?? Promise.resolve();
    let release!: () => void;
    const done = new Promise<void>((resolve) => {
      release = resolve;
    });
    const tail = before.then(() => done);
    this.tails.set(key, tail);
    await before;
    return () => {
      release();
      if (this.tails.get(key) === tail) this.tails.delete(key);
    };
  }
}
