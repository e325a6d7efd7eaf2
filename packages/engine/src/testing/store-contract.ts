import { afterAll, beforeAll, beforeEach, describe } from 'vitest';
import { contractContext, type CommandStoreSubject } from './store-contract-context.js';
import { describeWriteChecks } from './store-contract-checks.js';
import { describeDispatchCases } from './store-contract-dispatch.js';
import { describeLoadCases } from './store-contract-load.js';
import { describeReaderCases } from './store-contract-reads.js';
import { describeWriteCases } from './store-contract-write.js';

export type { CommandStoreSubject } from './store-contract-context.js';

/**
 * The contract of the core loop's store port (`CommandStore` + `StoreReader`) and of the timer
 * side of `DispatchStore`: every implementation runs it — `MemoryStore` (memory-store.test.ts)
 * and PostgreSQL (`@certflow/db`, store.int.test.ts). Rows are compared whole
 * (`toStrictEqual`): dates come back as `Date`s, nulls as nulls, nested JSON as it went in, and
 * no column the record does not declare. Its parts: store-contract-{load,write,checks,reads,
 * dispatch}.ts.
 */
export function describeCommandStoreContract(
  name: string,
  setup: () => Promise<CommandStoreSubject>,
): void {
  describe(`CommandStore contract: ${name}`, () => {
    let current: CommandStoreSubject | undefined;
    const ctx = contractContext(() => current);
    beforeAll(async () => {
      current = await setup();
    });
    beforeEach(async () => {
      await ctx.subject().reset();
    });
    afterAll(async () => {
      await current?.close();
    });

    describeLoadCases(ctx);
    describeWriteCases(ctx);
    describeWriteChecks(ctx);
    describeReaderCases(ctx);
    describeDispatchCases(ctx);
  });
}
