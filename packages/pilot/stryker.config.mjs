import { strykerConfig } from '../../stryker/config.mjs';

// The pilot's flows (docs/mutation/flows.md): every flow's source under src/flows, not its tests
// nor its fixtures.ts (test data for tests and demos). The shared pilot code beside the flows is
// left out: src/testing and src/model are test infrastructure; the ledger, statistics, settings
// and effects have their own suites and are no flow; review-chain.ts, review-task.ts, errors.ts
// and common.ts serve several flows at once, so their mutants would be killed by whichever flow's
// tests reach them and blur the per-flow scores — measure them on their own
// (`--mutate src/review-chain.ts`). One flow:
// `--mutate 'src/flows/<id>/**/*.ts,!src/flows/**/*.test.ts,!src/flows/**/fixtures.ts'` with
// MUTATION_TESTS='src/flows/<id>/**/*.test.ts' (its own tests only; see the doc).
export default strykerConfig({
  mutate: ['src/flows/**/*.ts', '!src/flows/**/*.test.ts', '!src/flows/**/fixtures.ts'],
});
