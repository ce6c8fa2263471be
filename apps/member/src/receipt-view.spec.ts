import assert from 'node:assert/strict';
import { test } from 'node:test';
import { refundsOf, viewReceipt } from './receipt-view.ts';

const purchase = viewReceipt({
  id: 'r1',
  kind: 'payment',
  paymentId: 'p1',
  createdAt: '2026-11-23T10:00:00.000Z',
  body: {
    paymentId: 'p1',
    storeId: 'd3b07384-d9a0-4c4f-8f0e-2f4b6f1e9c11',
    items: [
      { productId: 'x', name: '卤鸭脖', quantity: 2, unitPriceFen: 1800, memberPriceFen: 1500, lineTotalFen: 3000 },
      { name: 'broken line without numbers' },
    ],
    amountFen: 3000,
    discountFen: 600,
    balanceFen: 7000,
    verification: 'face',
  },
});

test('a purchase reads as money out, with its lines, discount and verification', () => {
  assert.equal(purchase.kind, 'payment');
  assert.equal(purchase.amountFen, -3000);
  assert.equal(purchase.discountFen, 600);
  assert.deepEqual(purchase.items, [
    { name: '卤鸭脖', quantity: 2, unitPriceFen: 1800, memberPriceFen: 1500, lineTotalFen: 3000 },
  ]);
  assert.equal(purchase.verification, 'face');
  assert.equal(purchase.storeName, null);
});

test('refunds are found by the payment they point at, oldest first', () => {
  const refund = (id: string, at: string) =>
    viewReceipt({
      id,
      kind: 'refund',
      paymentId: 'p1',
      createdAt: at,
      body: { refundId: id, paymentId: 'p1', amountFen: 500, reason: null, balanceFen: 7500 },
    });
  const other = viewReceipt({
    id: 'r9',
    kind: 'refund',
    paymentId: 'p2',
    createdAt: '2026-11-23T12:00:00.000Z',
    body: { amountFen: 100 },
  });
  const later = refund('r3', '2026-11-23T12:00:00.000Z');
  const earlier = refund('r2', '2026-11-23T11:00:00.000Z');
  assert.deepEqual(
    refundsOf(purchase, [later, other, earlier, purchase]).map((r) => r.id),
    ['r2', 'r3'],
  );
  assert.equal(later.amountFen, 500);
});

test('an unknown kind is shown as a notice rather than dropped', () => {
  const notice = viewReceipt({
    id: 'n1',
    kind: 'something_new',
    paymentId: null,
    createdAt: '2026-11-23T10:00:00.000Z',
    body: { message: 'hello' },
  });
  assert.equal(notice.kind, 'notice');
  assert.equal(notice.text, 'hello');
  assert.equal(notice.amountFen, null);
});

test('a purchase lists each discount of its price with its label; broken or non-discount entries are left out', () => {
  const receipt = viewReceipt({
    id: 'r2',
    kind: 'payment',
    paymentId: 'p2',
    createdAt: '2026-12-03T10:00:00.000Z',
    body: {
      paymentId: 'p2',
      items: [],
      amountFen: 3700,
      discountFen: 1900,
      discounts: [
        { label: '会员价', amountFen: -600, step: 'member_price', sourceKind: null },
        { label: '金卡 9折', amountFen: -500, step: 'tier_discount', sourceKind: 'tier' },
        { label: '满20减8', amountFen: -800, step: 'coupons', sourceKind: 'coupon' },
        { label: 'no amount' },
        { label: 'a surcharge is not a discount', amountFen: 100 },
      ],
    },
  });
  assert.deepEqual(receipt.discounts, [
    { label: '会员价', offFen: 600 },
    { label: '金卡 9折', offFen: 500 },
    { label: '满20减8', offFen: 800 },
  ]);
  assert.deepEqual(purchase.discounts, []);
});
