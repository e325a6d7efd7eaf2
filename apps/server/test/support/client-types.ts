import openapiTS, { astToString } from 'openapi-typescript';
import { format, resolveConfig } from 'prettier';
import { openApiDocument } from '../../src/openapi-document.js';

const HEADER = `/**
 * GENERATED from the certflow server's OpenAPI document by openapi-typescript — do not edit.
 * Regenerate: pnpm --filter @certflow/server client-types (apps/server/test/openapi.test.ts fails
 * while this file is stale).
 */

`;

/** The client's generated types, as `scripts/client-types.ts` writes them. */
export async function clientTypesSource(): Promise<string> {
  const doc = openApiDocument() as unknown as Parameters<typeof openapiTS>[0];
  // defaultNonNullable off: a request field with a default stays optional for the caller.
  const ast = await openapiTS(doc, {
    alphabetize: true,
    exportType: true,
    defaultNonNullable: false,
  });
  const target = new URL('../../../../packages/client/src/generated/openapi.ts', import.meta.url);
  const options = (await resolveConfig(target)) ?? {};
  return format(`${HEADER}${astToString(ast)}`, { ...options, parser: 'typescript' });
}
