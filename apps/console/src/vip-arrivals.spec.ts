import assert from 'node:assert/strict';
import { test } from 'node:test';
import { readVipTiers, vipArrivals } from './vip-arrivals.ts';

const gold = { visitId: 'v1', tier: '金卡' };
const silver = { visitId: 'v2', tier: '银卡' };
const noTier = { visitId: 'v3', tier: null };

test('the first list chimes for nobody: those members were inside before the page opened', () => {
  assert.deepEqual(vipArrivals(null, [gold, silver], ['金卡']), []);
});

test('a new visit of a chosen tier chimes; other tiers, no tier and visits already listed do not', () => {
  assert.deepEqual(vipArrivals(new Set(), [gold, silver, noTier], ['金卡']), [gold]);
  assert.deepEqual(vipArrivals(new Set(['v1']), [gold, silver], ['金卡']), []);
  assert.deepEqual(vipArrivals(new Set(['v1']), [gold, silver], ['金卡', '银卡']), [silver]);
  assert.deepEqual(vipArrivals(new Set(), [gold, silver, noTier], []), [], 'no tier chosen: no chime');
});

test('a member who leaves and walks in again is a new visit, and chimes again', () => {
  const again = { visitId: 'v9', tier: '金卡' };
  assert.deepEqual(vipArrivals(new Set(['v2']), [again, silver], ['金卡']), [again]);
});

test('the stored choice is read leniently', () => {
  assert.deepEqual(readVipTiers(null), []);
  assert.deepEqual(readVipTiers('["金卡","银卡"]'), ['金卡', '银卡']);
  assert.deepEqual(readVipTiers('["金卡",3,null]'), ['金卡']);
  assert.deepEqual(readVipTiers('{"a":1}'), []);
  assert.deepEqual(readVipTiers('not json'), []);
});
