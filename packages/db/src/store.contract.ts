import { afterAll, beforeAll, beforeEach, describe } from 'vitest';
import type { InstanceRecord, Store } from '@certflow/engine';
import type { Database } from './database.js';
import { describeStoreReads } from './store-contract-reads.js';
import { describeStoreWrites } from './store-contract-writes.js';

/** What a contract run needs from an adapter: the store, its database, and a way to empty it. */
export interface StoreSubject {
  readonly store: Store;
  readonly db: Database;
  reset(): Promise<void>;
  close(): Promise<void>;
}

/** What the contract's parts share: the subject under test, its store, and a way to seed rows. */
export interface StoreContractContext {
  readonly s: () => StoreSubject;
  readonly store: () => Store;
  readonly seed: (...rows: InstanceRecord[]) => Promise<void>;
}

/**
 * The `Store` port's contract; every adapter runs it (see store.int.test.ts). Its parts:
 * store-contract-reads.ts and store-contract-writes.ts.
 */
export function describeStoreContract(name: string, open: () => Promise<StoreSubject>): void {
  describe(`Store contract: ${name}`, () => {
    let subject: StoreSubject | undefined;
    const s = (): StoreSubject => {
      if (!subject) throw new Error('store subject not opened');
      return subject;
    };
    const store = (): Store => s().store;

    beforeAll(async () => {
      subject = await open();
    });
    beforeEach(async () => {
      await s().reset();
    });
    afterAll(async () => {
      await subject?.close();
    });

    const seed = (...rows: InstanceRecord[]): Promise<void> =>
      store().transaction(async (tx) => {
        for (const row of rows) await tx.insertInstance(row);
      });

    describeStoreReads({ s, store, seed });
    describeStoreWrites({ s, store, seed });
  });
}
