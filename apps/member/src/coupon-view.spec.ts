import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  couponSourceKey,
  couponValidity,
  couponValue,
  walletGroups,
  walletIsEmpty,
  type WalletCoupon,
} from './coupon-view.ts';

const coupon = (over: Partial<WalletCoupon>): WalletCoupon => ({
  couponId: 'c1',
  templateId: 't1',
  name: '满减券',
  description: '满50减10',
  valueFen: null,
  validFrom: '2026-12-01T00:00:00.000Z',
  validUntil: '2026-12-31T16:00:00.000Z',
  expiresSoon: false,
  offlineOnly: false,
  source: 'grant',
  redeemedAt: null,
  ...over,
});

test('a coupon shows what it gives: its own amount when it has one, the offer in words otherwise', () => {
  assert.equal(couponValue(coupon({})), '满50减10');
  assert.equal(couponValue(coupon({ description: '9折' })), '9折');
  assert.equal(couponValue(coupon({ valueFen: 350, description: '立减3.5元' })), '¥3.50');
  assert.equal(couponValue(coupon({ valueFen: 500, description: '立减5元' })), '¥5');
});

test('each group says the moment that matters: until when, from when, when used, when it ran out', () => {
  const c = coupon({ redeemedAt: '2026-12-10T04:00:00.000Z' });
  assert.deepEqual(couponValidity(c, 'usable'), { key: 'coupons.validUntil', at: c.validUntil });
  assert.deepEqual(couponValidity(c, 'upcoming'), { key: 'coupons.validFrom', at: c.validFrom });
  assert.deepEqual(couponValidity(c, 'used'), { key: 'coupons.usedAt', at: '2026-12-10T04:00:00.000Z' });
  assert.deepEqual(couponValidity(coupon({}), 'used'), { key: 'coupons.validUntil', at: c.validUntil });
  assert.deepEqual(couponValidity(c, 'expired'), { key: 'coupons.expiredAt', at: c.validUntil });
});

test('the wallet reads in four groups in a fixed order, and is empty only when all four are', () => {
  const wallet = { usable: [], upcoming: [coupon({})], used: [], expired: [] };
  assert.deepEqual(
    walletGroups(wallet).map((g) => [g.group, g.coupons.length]),
    [
      ['usable', 0],
      ['upcoming', 1],
      ['used', 0],
      ['expired', 0],
    ],
  );
  assert.equal(walletIsEmpty(wallet), false);
  assert.equal(walletIsEmpty({ usable: [], upcoming: [], used: [], expired: [] }), true);
});

test('where a coupon came from reads in words, an unknown source as other', () => {
  assert.equal(couponSourceKey('red_packet'), 'coupons.source.red_packet');
  assert.equal(couponSourceKey('registration'), 'coupons.source.registration');
  assert.equal(couponSourceKey('birthday'), 'coupons.source.birthday');
  assert.equal(couponSourceKey('tier_upgrade'), 'coupons.source.tier_upgrade');
  assert.equal(couponSourceKey('lottery'), 'coupons.source.other');
});
