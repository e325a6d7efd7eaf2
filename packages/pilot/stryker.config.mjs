import { strykerConfig } from '../../stryker/config.mjs';

// The pilot's flows (docs/mutation/flows.md): every flow's source, not its tests. The shared
// pilot code beside them (review-chain.ts, errors.ts, common.ts, settings.ts, statistics, the
// ledger, effects, the model suites and src/testing) is not mutated here: it is not a flow, and
// most of it is test infrastructure or has its own tests. Run one flow with
// `--mutate 'src/flows/<id>/**/*.ts,!src/flows/**/*.test.ts,!src/flows/**/fixtures.ts'` and, for
// speed, MUTATION_TESTS. A flow's fixtures.ts is test data (for tests and demos), not a rule.
export default strykerConfig({
  mutate: ['src/flows/**/*.ts', '!src/flows/**/*.test.ts', '!src/flows/**/fixtures.ts'],
});
