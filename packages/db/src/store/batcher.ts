/**
 * Collects what concurrent callers submit and runs it in batches: one statement for many
 * commands' loads, one for many commands' writes (group commit). A batch starts as soon as the
 * event loop has gathered what arrived together (no timer), or as soon as a batch in flight
 * finishes; it holds at most `maxBatch` items, and `maxInFlight` batches run at once. Items that
 * share a key (`keysOf`) never share a batch: the later one waits for the next. Each caller is
 * answered only when its batch has finished — for writes, once the batch is durable.
 */
export interface BatcherOptions<Item> {
  readonly maxBatch: number;
  readonly maxInFlight: number;
  readonly keysOf?: (item: Item) => readonly string[];
}

interface Pending<Item, Result> {
  readonly item: Item;
  /** Its `keysOf`, computed once when it was submitted. */
  readonly keys: readonly string[];
  readonly resolve: (result: Result) => void;
  readonly reject: (error: unknown) => void;
}

export class Batcher<Item, Result> {
  private queue: Pending<Item, Result>[] = [];
  private inFlight = 0;
  private scheduled = false;
  /** Batches run so far and the items they held (for benchmarks and tests). */
  readonly stats = { batches: 0, items: 0 };

  constructor(
    private readonly run: (items: Item[]) => Promise<Result[]>,
    private readonly options: BatcherOptions<Item>,
  ) {}

  submit(item: Item): Promise<Result> {
    return new Promise<Result>((resolve, reject) => {
      this.queue.push({ item, keys: this.options.keysOf?.(item) ?? [], resolve, reject });
      this.schedule();
    });
  }

  private schedule(): void {
    if (this.scheduled || this.inFlight >= this.options.maxInFlight || this.queue.length === 0) {
      return;
    }
    this.scheduled = true;
    setImmediate(() => {
      this.scheduled = false;
      this.flush();
    });
  }

  /**
   * The next batch, in order of arrival, skipping what shares a key with an item taken before
   * it. It stops looking once the batch is full: with a backlog (thousands of timers due at
   * once) each batch looks at its own items and the few it skipped, not at the whole queue.
   */
  private take(): Pending<Item, Result>[] {
    const taken: Pending<Item, Result>[] = [];
    const left: Pending<Item, Result>[] = [];
    const used = new Set<string>();
    let i = 0;
    for (; i < this.queue.length && taken.length < this.options.maxBatch; i += 1) {
      const p = this.queue[i] as Pending<Item, Result>;
      if (p.keys.some((k) => used.has(k))) {
        left.push(p);
        continue;
      }
      for (const k of p.keys) used.add(k);
      taken.push(p);
    }
    this.queue = i < this.queue.length ? left.concat(this.queue.slice(i)) : left;
    return taken;
  }

  private flush(): void {
    while (this.inFlight < this.options.maxInFlight && this.queue.length > 0) {
      const batch = this.take();
      this.inFlight += 1;
      this.stats.batches += 1;
      this.stats.items += batch.length;
      this.run(batch.map((p) => p.item))
        .then(
          (results) => batch.forEach((p, i) => p.resolve(results[i] as Result)),
          (error: unknown) => batch.forEach((p) => p.reject(error)),
        )
        .finally(() => {
          this.inFlight -= 1;
          this.schedule();
        });
    }
  }
}
