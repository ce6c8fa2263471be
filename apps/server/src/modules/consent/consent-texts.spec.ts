import assert from 'node:assert/strict';
import { test } from 'node:test';
import { consentText } from './consent-texts.ts';

test('the consent text says what the merchant really does with enrollment photos', () => {
  const notKept = consentText('鸭脖小铺', { kept: false, retentionDays: 30 });
  assert.match(notKept.zh, /不保存原始照片/);
  assert.match(notKept.en, /Raw photos are not kept\./);
  assert.doesNotMatch(notKept.zh + notKept.en, /30/, 'no photo retention period when no photo is kept');

  const kept = consentText('鸭脖小铺', { kept: true, retentionDays: 14 });
  assert.match(kept.zh, /保存录入时的原始照片（加密存储），最长 14 天后自动删除/);
  assert.match(kept.en, /keeps the raw photos taken at enrollment, encrypted, and deletes them after at most 14 days/);
});
