import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { test } from 'node:test';
import { AUDIT_ACTIONS } from '../../server/src/modules/audit/audit-actions.ts';
import { CONSOLE_MESSAGES } from './messages.ts';

const sourceDir = fileURLToPath(new URL('.', import.meta.url));
const zh = CONSOLE_MESSAGES['zh-CN'] as Record<string, string>;
const en = CONSOLE_MESSAGES.en as Record<string, string>;

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory()
      ? sources(join(dir, entry.name))
      : entry.name.endsWith('.tsx') || entry.name.endsWith('.ts')
        ? [readFileSync(join(dir, entry.name), 'utf8')]
        : [],
  );
}

const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

test('every message exists in Chinese and English with the same placeholders', () => {
  assert.deepEqual(Object.keys(en).sort(), Object.keys(zh).sort());
  for (const key of Object.keys(zh)) {
    assert.ok(zh[key]!.trim() && en[key]!.trim(), `${key} is empty`);
    assert.deepEqual(placeholders(en[key]!), placeholders(zh[key]!), `${key} placeholders differ`);
  }
});

test('every key the console asks for is in the messages', () => {
  const code = sources(sourceDir).join('\n');
  const common = new Set(['lang.switch', 'lang.switchLabel', 'error.network', 'error.generic']);
  const literal = [...code.matchAll(/\bt\(\s*'([\w.]+)'/g)].map((m) => m[1]!);
  for (const key of literal) assert.ok(key in zh || common.has(key), `missing message ${key}`);
  const prefixes = [...code.matchAll(/\bt\(\s*`([\w.]+)\$\{/g)].map((m) => m[1]!);
  for (const prefix of prefixes)
    assert.ok(
      Object.keys(zh).some((k) => k.startsWith(prefix)),
      `no messages start with ${prefix}`,
    );
});

test('every action the audit log records is shown in words, never as its raw key', () => {
  for (const action of AUDIT_ACTIONS) {
    assert.ok(zh[`auditAction.${action}`], `no Chinese label for ${action}`);
    assert.ok(en[`auditAction.${action}`], `no English label for ${action}`);
  }
});

test('every points movement, tier basis and tier refusal of the loyalty module has words', () => {
  // apps/server/src/modules/loyalty: points.service.ts (ledger kinds), loyalty.schemas.ts, loyalty.rules.ts.
  for (const kind of ['points_earn', 'points_redeem', 'points_reverse', 'points_expire', 'points_adjust', 'other'])
    assert.ok(zh[`pointsKind.${kind}`] && en[`pointsKind.${kind}`], kind);
  for (const basis of ['spend', 'points', 'visits'])
    assert.ok(zh[`tiers.threshold.${basis}`] && zh[`tierBasis.${basis}`]);
  for (const code of ['tiers_invalid', 'tier_thresholds_not_increasing', 'tier_discount_invalid'])
    assert.ok(zh[`tierError.${code}`] && zh[`error.${code}`], code);
});
