import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { test } from 'node:test';
import { DOCUMENT_FILE, GENERATE_COMMAND, schemaTypes, serverDocument, TYPES_FILE } from './sdk-generator.ts';

/** The first line where two texts part, so a failure says where to look without printing a megabyte. */
function firstDifference(committed: string, generated: string): string {
  const a = committed.split('\n');
  const b = generated.split('\n');
  const line = a.findIndex((text, i) => text !== b[i]);
  const at = line === -1 ? a.length : line;
  return `line ${at + 1}: committed ${JSON.stringify(a[at] ?? '(end)')}, generated ${JSON.stringify(b[at] ?? '(end)')}`;
}

test('the committed openapi.json is the document the server serves', async () => {
  const generated = await serverDocument();
  const committed = await readFile(DOCUMENT_FILE, 'utf8');
  assert.ok(
    committed === generated,
    `packages/sdk/openapi.json is not what the server serves (${firstDifference(committed, generated)}); run \`${GENERATE_COMMAND}\` and commit the result`,
  );
});

test('the committed SDK types are the ones generated from the committed openapi.json', async () => {
  const generated = await schemaTypes(await readFile(DOCUMENT_FILE, 'utf8'));
  const committed = await readFile(TYPES_FILE, 'utf8');
  assert.ok(
    committed === generated,
    `packages/sdk/src/schema.gen.ts is not generated from packages/sdk/openapi.json (${firstDifference(committed, generated)}); run \`${GENERATE_COMMAND}\` and commit the result`,
  );
});
