import { readFile, writeFile } from 'node:fs/promises';
import { DOCUMENT_FILE, schemaTypes, serverDocument, TYPES_FILE } from './sdk-generator.ts';

/** Writes packages/sdk/openapi.json from the server and packages/sdk/src/schema.gen.ts from that document. */
const document = await serverDocument();
const types = await schemaTypes(document);
for (const [file, text] of [
  [DOCUMENT_FILE, document],
  [TYPES_FILE, types],
] as const) {
  const before = await readFile(file, 'utf8').catch(() => undefined);
  if (before === text) console.log(`unchanged ${file}`);
  else {
    await writeFile(file, text);
    console.log(`wrote ${file}`);
  }
}
