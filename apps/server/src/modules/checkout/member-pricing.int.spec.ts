import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import {
  createPromotion,
  kioskQuote,
  payingMember,
  promotionShop,
  type PromotionShop,
} from '../../../test/promotion-fixtures.ts';
import { createTestApp, login, type TestContext } from '../../../test/test-app.ts';

let ctx: TestContext;
let s: PromotionShop;

before(async () => {
  ctx = await createTestApp();
  s = await promotionShop(ctx, 'tiered');
});
after(() => ctx.close());

interface QuotedAdjustment {
  step: string;
  amountFen: number;
  label?: string;
}

test("a promotion for 金卡 members prices a gold member's cart after the tier's own discount, and nobody else's", async () => {
  const admin = await login(ctx.app, 'tiered-admin');
  const tiers = await ctx.app.inject({
    method: 'PUT',
    url: `/v1/merchants/${s.shop.merchantId}/loyalty/tiers`,
    headers: { authorization: admin },
    payload: {
      tiers: [
        { name: '普通', threshold: 0, discountPercent: 0, pointsMultiplierPercent: 100, birthdayPoints: 0 },
        { name: '金卡', threshold: 100_000, discountPercent: 10, pointsMultiplierPercent: 200, birthdayPoints: 0 },
      ],
    },
  });
  assert.equal(tiers.statusCode, 200, tiers.body);
  await createPromotion(ctx, s, {
    name: '金卡会员日',
    rules: { memberTiers: ['金卡'], minCartFen: 500 },
    method: { type: 'fixed_off', target: 'order', amountFen: 500 },
  });
  const gold = await payingMember(ctx, s);
  const plain = await payingMember(ctx, s);
  await ctx.services.memberCards.ensure(s.shop.merchantId, plain);
  await ctx.services.memberCards.ensure(s.shop.merchantId, gold);
  // The card's rank as the tier evaluation leaves it for a member past the 金卡 threshold.
  await ctx.database.db
    .updateTable('member_cards')
    .set({ tier_rank: 2 })
    .where('merchant_id', '=', s.shop.merchantId)
    .where('member_id', '=', gold)
    .execute();

  const cart = { items: [{ productId: s.duck, quantity: 4 }] };
  const goldQuote = await kioskQuote(ctx, s, { ...cart, memberId: gold });
  assert.equal(goldQuote.statusCode, 200, goldQuote.body);
  const goldAdjustments = goldQuote.json().adjustments as QuotedAdjustment[];
  // 4 × member price 2500 = 10000; the tier's 10 % → 9000; the 金卡 promotion's 500 off → 8500.
  assert.deepEqual(
    goldAdjustments.map((a) => [a.step, a.amountFen]),
    [
      ['member_price', -1200],
      ['tier_discount', -1000],
      ['promotions', -500],
    ],
  );
  assert.equal(goldQuote.json().totalFen, 8500);

  const plainQuote = await kioskQuote(ctx, s, { ...cart, memberId: plain });
  assert.equal(plainQuote.statusCode, 200, plainQuote.body);
  assert.deepEqual(
    (plainQuote.json().adjustments as QuotedAdjustment[]).map((a) => a.step),
    ['member_price'],
    'no tier discount and no 金卡 promotion for a 普通 member',
  );
  assert.equal(plainQuote.json().totalFen, 10_000);
});
