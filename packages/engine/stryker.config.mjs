import { strykerConfig } from '../../stryker/config.mjs';

export default strykerConfig({
  mutate: ['src/**/*.ts', '!src/**/*.test.ts', '!src/testing/**'],
});
