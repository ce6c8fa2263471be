import assert from 'node:assert/strict';
import { test } from 'node:test';
import { memberPriceStep } from './member-price.step.ts';
import { PricingPipeline, type CartLine, type PricingStep } from './pricing-pipeline.ts';

const lines: CartLine[] = [
  { productId: 'neck', name: '鸭脖', quantity: 2, unitPriceFen: 1800, memberPriceFen: 1500 },
  { productId: 'tea', name: '乌龙茶', quantity: 3, unitPriceFen: 500, memberPriceFen: null },
];
const context = { merchantId: 'm', memberId: null, lines };

test('without steps every line sells at its list price', async () => {
  const cart = await new PricingPipeline().price(context);
  assert.deepEqual(
    cart.lines.map((l) => l.lineTotalFen),
    [3600, 1500],
  );
  assert.equal(cart.totalFen, 5100);
  assert.deepEqual(cart.adjustments, []);
});

test('the member-price step answers with adjustments and leaves the cart as it was', async () => {
  const frozen = structuredClone(lines);
  const cart = await new PricingPipeline([memberPriceStep]).price(context);
  assert.deepEqual(cart.adjustments, [
    { step: 'member_price', productId: 'neck', amountFen: -600, code: 'member_price' },
  ]);
  assert.deepEqual(
    cart.lines.map((l) => [l.unitPriceFen, l.memberPriceFen, l.lineTotalFen]),
    [
      [1800, 1500, 3000],
      [500, null, 1500],
    ],
  );
  assert.equal(cart.totalFen, 4500);
  assert.deepEqual(lines, frozen);
});

test('a later step sees what the steps before it proposed, in the order they were registered', async () => {
  const seen: string[][] = [];
  const tenPercentOffTea: PricingStep = {
    name: 'tea_promotion',
    compute(ctx, before) {
      seen.push(before.map((a) => `${a.step}:${a.productId}`));
      const tea = ctx.lines.find((l) => l.productId === 'tea')!;
      return [
        { step: 'tea_promotion', productId: 'tea', amountFen: -(tea.unitPriceFen * tea.quantity) / 10, code: 'promo' },
      ];
    },
  };
  const pipeline = new PricingPipeline([memberPriceStep]).register(tenPercentOffTea);
  assert.deepEqual(pipeline.names(), ['member_price', 'tea_promotion']);
  const cart = await pipeline.price(context);
  assert.deepEqual(seen, [['member_price:neck']]);
  assert.equal(cart.totalFen, 3000 + 1350);

  const first = new PricingPipeline([memberPriceStep]).register(
    { ...tenPercentOffTea, name: 'early' },
    { before: 'member_price' },
  );
  assert.deepEqual(first.names(), ['early', 'member_price']);
});

test('a step may not adjust a line the cart does not hold, nor by a fraction of a fen', async () => {
  const stray: PricingStep = {
    name: 'stray',
    compute: () => [{ step: 'stray', productId: 'nope', amountFen: -1, code: 'x' }],
  };
  await assert.rejects(new PricingPipeline([stray]).price(context), /not in the cart/);
  const fraction: PricingStep = {
    name: 'fraction',
    compute: () => [{ step: 'fraction', productId: 'tea', amountFen: -0.5, code: 'x' }],
  };
  await assert.rejects(new PricingPipeline([fraction]).price(context), /whole number/);
  assert.throws(() => new PricingPipeline([memberPriceStep, memberPriceStep]), /twice/);
});

test('no line may end below zero, whatever the steps propose', async () => {
  const greedy: PricingStep = {
    name: 'greedy',
    compute: () => [{ step: 'greedy', productId: 'tea', amountFen: -1501, code: 'x' }],
  };
  await assert.rejects(new PricingPipeline([greedy]).price(context), /took line tea below zero \(-1 fen\)/);
});

test('settle hands each step its own adjustments, in order, and skips a step that made none', async () => {
  const settled: string[] = [];
  const spending = (name: string, productId: string | null): PricingStep => ({
    name,
    compute: () => (productId ? [{ step: name, productId, amountFen: -100, code: name }] : []),
    async settle(_trx, settlement) {
      settled.push(`${name}:${settlement.adjustments.map((a) => a.productId).join(',')}:${settlement.paymentId}`);
    },
  });
  const pipeline = new PricingPipeline([spending('coupon', 'neck'), spending('idle', null), spending('points', 'tea')]);
  const cart = await pipeline.price(context);
  await pipeline.settle({} as never, context, cart, 'pay-1');
  assert.deepEqual(settled, ['coupon:neck:pay-1', 'points:tea:pay-1']);
});

test("the steps see the shopper's tier when a module tells it, and the caller's word when the caller says it", async () => {
  const seen: (string | null | undefined)[] = [];
  const looking: PricingStep = {
    name: 'looking',
    compute: (ctx) => {
      seen.push(ctx.memberTier);
      return [];
    },
  };
  const asked: string[] = [];
  const pipeline = new PricingPipeline([looking], {
    shopper: async (merchantId, memberId) => {
      asked.push(`${merchantId}/${memberId}`);
      return { tier: '金卡' };
    },
  });
  await pipeline.price({ ...context, memberId: 'member-1' });
  await pipeline.quote({ ...context, memberId: 'member-1' });
  await pipeline.price({ ...context, memberId: 'member-1', memberTier: '银卡' });
  await pipeline.price(context);
  assert.deepEqual(seen, ['金卡', '金卡', '银卡', undefined]);
  assert.deepEqual(asked, ['m/member-1', 'm/member-1']);
});
