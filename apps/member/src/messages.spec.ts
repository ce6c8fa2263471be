import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { messages } from './messages.ts';
import { FRAME_REASONS } from './problems.ts';

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
    for (const match of readFileSync(file, 'utf8').matchAll(/\bt\('([\w.+]+)'/g)) {
      assert.ok(match[1]! in messages['zh-CN'] || common.has(match[1]!), `${file}: ${match[1]}`);
    }
  }
});

test('every frame reason the face engine gives has a hint', () => {
  // packages/face-engine/src/quality.ts (QualityReason) and the enroll service's no_face / multiple_faces.
  for (const reason of FRAME_REASONS) assert.ok(`hint.${reason}` in messages['zh-CN'], reason);
  const quality = readFileSync(
    fileURLToPath(new URL('../../../packages/face-engine/src/quality.ts', import.meta.url)),
    'utf8',
  );
  const union = /export type QualityReason =([^;]+);/.exec(quality)![1]!;
  for (const [, reason] of union.matchAll(/'(\w+)'/g))
    assert.ok((FRAME_REASONS as readonly string[]).includes(reason!), `no hint for ${reason}`);
});

test('every verification and receipt kind the server writes has words', () => {
  for (const v of ['face', 'face+phone_suffix', 'face+full_phone', 'face+pin'])
    assert.ok(`receipt.verification.${v}` in messages.en, v);
  for (const k of ['payment', 'refund', 'top_up', 'notice']) assert.ok(`receipts.kind.${k}` in messages.en, k);
});

test('every points movement and tier basis the loyalty module writes has words', () => {
  // apps/server/src/modules/loyalty/points.service.ts (ledger kinds) and loyalty.schemas.ts (TierBasis).
  for (const k of ['points_earn', 'points_redeem', 'points_reverse', 'points_expire', 'points_adjust', 'other'])
    assert.ok(`points.kind.${k}` in messages['zh-CN'], k);
  for (const basis of ['spend', 'points', 'visits']) assert.ok(`card.progress.${basis}` in messages['zh-CN'], basis);
});
