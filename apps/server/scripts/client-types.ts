import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { clientTypesSource } from '../test/support/client-types.js';

/**
 * `pnpm --filter @certflow/server client-types`: regenerates `packages/client/src/generated/openapi.ts`
 * from the server's OpenAPI document (the client has no hand-copied shapes). A test fails while
 * the committed file is stale.
 */
const target = fileURLToPath(
  new URL('../../../packages/client/src/generated/openapi.ts', import.meta.url),
);
writeFileSync(target, await clientTypesSource());
process.stdout.write(`wrote ${target}\n`);
