import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Greeting } from '@shualian/sdk';
import { choicesWith } from './offer-choices.ts';

const greeting = (points: Greeting['points']): Greeting => ({
  memberTier: '金卡',
  coupons: [
    { couponId: 'a', label: '满20减5', discountFen: 500, applied: true },
    { couponId: 'b', label: '立减2元', discountFen: 200, applied: false },
  ],
  points,
  choosable: true,
});
const points = { balance: 1200, toEarn: 30, maxRedeemPoints: 900, pointsPerYuanOff: 100, redeemedPoints: 0 };

test('switching a coupon keeps the others and the points as they stand', () => {
  assert.deepEqual(choicesWith(greeting(points), { coupon: 'a' }), { couponIds: [], redeemPoints: 0 });
  assert.deepEqual(choicesWith(greeting(points), { coupon: 'b' }), { couponIds: ['a', 'b'], redeemPoints: 0 });
  assert.deepEqual(choicesWith(greeting({ ...points, redeemedPoints: 900 }), { coupon: 'b' }), {
    couponIds: ['a', 'b'],
    redeemPoints: 900,
  });
});

test('switching the points on redeems the most the cart takes; off redeems none; no points, nothing to redeem', () => {
  assert.deepEqual(choicesWith(greeting(points), { points: true }), { couponIds: ['a'], redeemPoints: 900 });
  assert.deepEqual(choicesWith(greeting({ ...points, redeemedPoints: 900 }), { points: false }), {
    couponIds: ['a'],
    redeemPoints: 0,
  });
  assert.deepEqual(choicesWith(greeting(null), { points: true }), { couponIds: ['a'], redeemPoints: 0 });
});
