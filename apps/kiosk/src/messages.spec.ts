import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { messages, unitName } from './messages.ts';

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

test('units are shown in the UI language: 罐/瓶/袋/盒 are can/bottle/bag/box in English, unchanged in Chinese', () => {
  assert.deepEqual(
    ['罐', '瓶', '袋', '盒'].map((u) => unitName(u, 'en')),
    ['can', 'bottle', 'bag', 'box'],
  );
  assert.equal(unitName('盒', 'zh-CN'), '盒');
  assert.equal(unitName('打', 'en'), '打', 'an unknown unit is shown as entered');
});
