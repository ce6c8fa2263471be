import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { FACE_REASONS } from './picker/face-quality.ts';
import { messages } from './messages.ts';

const src = fileURLToPath(new URL('.', import.meta.url));
const sources = (dir: string): string[] =>
  readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory()
      ? sources(join(dir, e.name))
      : /\.tsx?$/.test(e.name) && !e.name.endsWith('.spec.ts')
        ? [join(dir, e.name)]
        : [],
  );

test('Chinese and English carry the same keys, none empty', () => {
  assert.deepEqual(Object.keys(messages.en).sort(), Object.keys(messages['zh-CN']).sort());
  for (const lang of ['zh-CN', 'en'] as const)
    for (const [key, text] of Object.entries(messages[lang])) assert.ok(text.trim(), `${lang} ${key}`);
});

test('every literal key the screens ask for exists', () => {
  const common = new Set(['error.network', 'error.generic', 'lang.switch', 'lang.switchLabel']);
  for (const file of sources(src)) {
    for (const match of readFileSync(file, 'utf8').matchAll(/\bt\('([\w.]+)'/g)) {
      assert.ok(match[1]! in messages['zh-CN'] || common.has(match[1]!), `${file}: ${match[1]}`);
    }
  }
});

test('every reason a face is held back, every outcome and every role has its words', () => {
  const keys = [
    ...FACE_REASONS.map((r) => `reason.${r}`),
    ...['entered', 'seen', 'left', 'not_counted', 'no_face'].map((o) => `outcome.${o}`),
    ...['entry', 'exit', 'both'].map((r) => `role.${r}`),
  ];
  for (const key of keys) assert.ok(key in messages['zh-CN'], key);
});
