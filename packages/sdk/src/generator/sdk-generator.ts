import { fileURLToPath } from 'node:url';
import openapiTS, { astToString } from 'openapi-typescript';
import { createTestApp } from '../../../../apps/server/test/test-app.ts';

/**
 * The SDK is made from the server itself: the OpenAPI document the Fastify app serves (built without listening) and
 * the TypeScript types openapi-typescript reads from it. Both are committed, so a change of the API shows in review as
 * a change of these two files, and the browser apps are built against what the server really answers.
 */
export const DOCUMENT_FILE = fileURLToPath(new URL('../../openapi.json', import.meta.url));
export const TYPES_FILE = fileURLToPath(new URL('../schema.gen.ts', import.meta.url));
export const GENERATE_COMMAND = 'npm run sdk:generate';

/** The server's OpenAPI document as committed: keys sorted at every level, two-space indent, a final newline. */
export async function serverDocument(): Promise<string> {
  const ctx = await createTestApp();
  try {
    return `${JSON.stringify(sortKeys(ctx.app.swagger()), null, 2)}\n`;
  } finally {
    await ctx.close();
  }
}

function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (value === null || typeof value !== 'object') return value;
  return Object.fromEntries(
    Object.keys(value)
      .sort()
      .map((key) => [key, sortKeys((value as Record<string, unknown>)[key])]),
  );
}

const HEADER = `/**
 * Generated from packages/sdk/openapi.json by openapi-typescript (${GENERATE_COMMAND}); do not edit.
 */

`;

/** The types of every path, operation and schema of the document. */
export async function schemaTypes(document: string): Promise<string> {
  const nodes = await openapiTS(JSON.parse(document) as Parameters<typeof openapiTS>[0]);
  return HEADER + astToString(nodes);
}
