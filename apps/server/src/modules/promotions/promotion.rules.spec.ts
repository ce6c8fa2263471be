import assert from 'node:assert/strict';
import { test } from 'node:test';
import { DomainError } from '../../platform/domain-errors.ts';
import { choosePromotions, chooseCoupons, applyChosen, type Candidate } from './offer.selection.ts';
import {
  allocate,
  contextMatches,
  discountsOf,
  validateOffer,
  type ApplicationMethod,
  type OfferContext,
  type OfferLine,
  type PromotionRules,
} from './promotion.rules.ts';

const line = (productId: string, netFen: number, quantity = 1, category: string | null = null): OfferLine => ({
  productId,
  netFen,
  quantity,
  category,
});
const asObject = (m: Map<string, number>) => Object.fromEntries(m);

test('an order-level discount is split in proportion, in whole fen, the remainder on the largest line', () => {
  const lines = [line('a', 3000), line('b', 1000), line('c', 1000)];
  // 1000 × 3000/5000 = 600, 200, 200: exact
  assert.deepEqual(asObject(allocate(1000, lines)), { a: 600, b: 200, c: 200 });
  // 1001: floors 600, 200, 200 = 1000, one fen left goes to the largest line
  assert.deepEqual(asObject(allocate(1001, lines)), { a: 601, b: 200, c: 200 });
  // 7 over three equal lines: 2, 2, 2 and the 1 left on the first largest
  assert.deepEqual(asObject(allocate(7, [line('x', 100), line('y', 100), line('z', 100)])), { x: 3, y: 2, z: 2 });
  // never more than the lines hold, never a line above its amount
  assert.deepEqual(asObject(allocate(50, [line('x', 1), line('y', 2)])), { x: 1, y: 2 });
});

test('满减 gives the highest tier reached, on the targeted lines only', () => {
  const method: ApplicationMethod = {
    type: 'threshold_off',
    tiers: [
      { thresholdFen: 5000, offFen: 500 },
      { thresholdFen: 10000, offFen: 1500 },
    ],
  };
  const rules: PromotionRules = { categories: ['snacks'] };
  const lines = [line('a', 6000, 2, 'snacks'), line('b', 4000, 1, 'snacks'), line('c', 9900, 1, 'drinks')];
  assert.deepEqual(asObject(discountsOf(rules, method, lines)), { a: 900, b: 600 });
  assert.deepEqual(asObject(discountsOf(rules, method, [line('a', 4999, 1, 'snacks')])), {});
  assert.deepEqual(asObject(discountsOf(rules, method, [line('a', 5000, 1, 'snacks')])), { a: 500 });
});

test('percent off items rounds each line down; on the order it caps and allocates', () => {
  const lines = [line('a', 999), line('b', 1001)];
  assert.deepEqual(asObject(discountsOf({}, { type: 'percent_off', target: 'items', percentOff: 15 }, lines)), {
    a: 149,
    b: 150,
  });
  assert.deepEqual(
    asObject(discountsOf({}, { type: 'percent_off', target: 'order', percentOff: 50, maxDiscountFen: 300 }, lines)),
    { a: 149, b: 151 },
  );
});

test('fixed off each unit, special price, buy x get y and a free gift in the cart', () => {
  const two = [line('a', 2000, 2), line('b', 500, 1)];
  assert.deepEqual(
    asObject(discountsOf({ productIds: ['a'] }, { type: 'fixed_off', target: 'items', amountFen: 300 }, two)),
    { a: 600 },
  );
  assert.deepEqual(asObject(discountsOf({ productIds: ['a'] }, { type: 'special_price', priceFen: 800 }, two)), {
    a: 400,
  });
  // buy 2 get 1 free over 3 units of a (1000 each) and 1 of b (500): the group of the 3 dearest gives its cheapest free
  const units = [line('a', 3000, 3), line('b', 500, 1)];
  assert.deepEqual(
    asObject(discountsOf({}, { type: 'buy_x_get_y', buyQuantity: 2, getQuantity: 1, percentOff: 100 }, units)),
    { a: 1000 },
  );
  // second unit half price: 4 units of 700 make two groups, two units at 50 %
  assert.deepEqual(
    asObject(
      discountsOf({}, { type: 'buy_x_get_y', buyQuantity: 1, getQuantity: 1, percentOff: 50 }, [line('a', 2800, 4)]),
    ),
    { a: 700 },
  );
  const gift: ApplicationMethod = { type: 'free_gift', productId: 'g', quantity: 1 };
  const rules: PromotionRules = { productIds: ['a'], minCartFen: 2000 };
  assert.deepEqual(asObject(discountsOf(rules, gift, [line('a', 2000, 2), line('g', 600, 2)])), { g: 300 });
  assert.deepEqual(asObject(discountsOf(rules, gift, [line('a', 1900, 2), line('g', 600, 2)])), {});
  assert.deepEqual(asObject(discountsOf(rules, gift, [line('a', 2000, 2)])), {}, 'no gift in the cart: nothing');
});

test('who, where and when: stores, tiers, tags, first purchase, weekdays and hours in China time', () => {
  const base: OfferContext = {
    storeId: 's1',
    memberId: 'm1',
    memberTier: '金卡',
    memberTags: ['student'],
    firstPurchase: false,
    // 2026-12-05 is a Saturday; 01:30 UTC is 09:30 in China
    at: new Date('2026-12-05T01:30:00Z'),
  };
  assert.equal(contextMatches({ storeIds: ['s1'] }, base), true);
  assert.equal(contextMatches({ storeIds: ['s2'] }, base), false);
  assert.equal(contextMatches({ memberTiers: ['金卡', '钻石卡'] }, base), true);
  assert.equal(contextMatches({ memberTiers: ['钻石卡'] }, base), false);
  assert.equal(contextMatches({ memberTags: ['office'] }, base), false);
  assert.equal(contextMatches({ firstPurchase: true }, base), false);
  assert.equal(contextMatches({ firstPurchase: true }, { ...base, firstPurchase: true }), true);
  assert.equal(contextMatches({ weekdays: [6, 7] }, base), true);
  assert.equal(contextMatches({ weekdays: [1, 2, 3, 4, 5] }, base), false);
  assert.equal(contextMatches({ hours: { from: '07:00', to: '10:00' } }, base), true);
  assert.equal(contextMatches({ hours: { from: '10:00', to: '07:00' } }, base), false);
  assert.equal(contextMatches({ hours: { from: '22:00', to: '10:00' } }, base), true, 'over midnight');
});

test('refused at save: anything that could take a line below zero, with its own code', () => {
  const code = (fn: () => void) => {
    try {
      fn();
    } catch (error) {
      assert.ok(error instanceof DomainError);
      return error.code;
    }
    return 'accepted';
  };
  const prices = { cheapestFen: 350, gift: false };
  assert.equal(
    code(() => validateOffer({}, { type: 'fixed_off', target: 'items', amountFen: 351 }, prices)),
    'promotion_below_zero',
  );
  assert.equal(
    code(() => validateOffer({}, { type: 'fixed_off', target: 'items', amountFen: 350 }, prices)),
    'accepted',
  );
  assert.equal(
    code(() => validateOffer({ minCartFen: 999 }, { type: 'fixed_off', target: 'order', amountFen: 1000 }, prices)),
    'promotion_below_zero',
  );
  assert.equal(
    code(() => validateOffer({}, { type: 'threshold_off', tiers: [{ thresholdFen: 500, offFen: 501 }] }, prices)),
    'promotion_below_zero',
  );
  assert.equal(
    code(() =>
      validateOffer(
        {},
        {
          type: 'threshold_off',
          tiers: [
            { thresholdFen: 10000, offFen: 1500 },
            { thresholdFen: 5000, offFen: 500 },
          ],
        },
        prices,
      ),
    ),
    'promotion_invalid',
  );
  assert.equal(
    code(() => validateOffer({}, { type: 'free_gift', productId: 'x', quantity: 1 }, prices)),
    'promotion_invalid',
  );
  assert.equal(
    code(() => validateOffer({}, { type: 'special_price', priceFen: 100 }, prices)),
    'promotion_invalid',
  );
  assert.equal(
    code(() => validateOffer({ weekdays: [0] }, { type: 'points_multiplier', multiplier: 2 }, prices)),
    'promotion_invalid',
  );
});

function candidate(
  id: string,
  method: ApplicationMethod,
  options: Partial<Pick<Candidate<string>, 'stacking' | 'priority' | 'tieBreak' | 'group' | 'capFen'>> = {},
): Candidate<string> {
  return {
    offer: id,
    id,
    stacking: options.stacking ?? 'stackable',
    priority: options.priority ?? 0,
    tieBreak: options.tieBreak ?? 0,
    group: options.group,
    capFen: options.capFen,
    discounts: (lines) => discountsOf({}, method, lines),
  };
}
const totalOf = (applied: Array<{ discounts: Map<string, number> }>) =>
  applied.reduce((s, a) => s + [...a.discounts.values()].reduce((x, y) => x + y, 0), 0);

test('exclusive promotions: higher priority wins, then the larger discount, then the older', () => {
  const lines = [line('a', 10000)];
  const tenOff = candidate(
    'ten',
    { type: 'percent_off', target: 'order', percentOff: 10 },
    { stacking: 'exclusive', tieBreak: 2 },
  );
  const twentyOff = candidate(
    'twenty',
    { type: 'percent_off', target: 'order', percentOff: 20 },
    { stacking: 'exclusive', tieBreak: 3 },
  );
  const olderTwenty = candidate(
    'older',
    { type: 'percent_off', target: 'order', percentOff: 20 },
    { stacking: 'exclusive', tieBreak: 1 },
  );
  const priority = candidate(
    'vip',
    { type: 'percent_off', target: 'order', percentOff: 5 },
    { stacking: 'exclusive', priority: 9 },
  );
  const stackable = candidate('extra', { type: 'fixed_off', target: 'order', amountFen: 100 });
  assert.deepEqual(
    choosePromotions([tenOff, twentyOff, stackable], lines).map((a) => a.candidate.id),
    ['twenty'],
  );
  assert.deepEqual(
    choosePromotions([twentyOff, olderTwenty], lines).map((a) => a.candidate.id),
    ['older'],
  );
  assert.deepEqual(
    choosePromotions([tenOff, twentyOff, priority], lines).map((a) => a.candidate.id),
    ['vip'],
  );
  // a stackable one first in priority: the stackable ones apply in turn, exclusive ones are passed over
  const first = candidate('first', { type: 'percent_off', target: 'order', percentOff: 10 }, { priority: 5 });
  const applied = choosePromotions([twentyOff, first, stackable], lines);
  assert.deepEqual(
    applied.map((a) => a.candidate.id),
    ['first', 'extra'],
  );
  assert.equal(totalOf(applied), 1000 + 100);
});

test('a budget in fen caps what a promotion gives', () => {
  const capped = candidate('c', { type: 'percent_off', target: 'order', percentOff: 50 }, { capFen: 333 });
  const applied = choosePromotions([capped], [line('a', 3000), line('b', 1000)]);
  assert.equal(totalOf(applied), 333);
});

test('coupons: one per template, the best exclusive weighed against the stackable ones together', () => {
  const lines = [line('a', 10000)];
  const fiveA = candidate('c1', { type: 'fixed_off', target: 'order', amountFen: 500 }, { group: 't5', tieBreak: 20 });
  const fiveB = candidate('c2', { type: 'fixed_off', target: 'order', amountFen: 500 }, { group: 't5', tieBreak: 10 });
  const three = candidate('c3', { type: 'fixed_off', target: 'order', amountFen: 300 }, { group: 't3' });
  // two of one template never apply together; the one expiring first is used
  assert.deepEqual(
    chooseCoupons([fiveA, fiveB, three], lines).map((a) => a.candidate.id),
    ['c2', 'c3'],
  );
  const exclusiveSeven = candidate(
    'x7',
    { type: 'fixed_off', target: 'order', amountFen: 700 },
    { stacking: 'exclusive', group: 'x' },
  );
  assert.deepEqual(
    chooseCoupons([fiveA, three, exclusiveSeven], lines).map((a) => a.candidate.id),
    ['c1', 'c3'],
  );
  const exclusiveNine = candidate(
    'x9',
    { type: 'fixed_off', target: 'order', amountFen: 900 },
    { stacking: 'exclusive', group: 'y' },
  );
  assert.deepEqual(
    chooseCoupons([fiveA, three, exclusiveNine], lines).map((a) => a.candidate.id),
    ['x9'],
  );
  // chosen by the shopper: two of a template, or an exclusive with another, are refused
  assert.ok(applyChosen([fiveA, fiveB], lines).conflict);
  assert.ok(applyChosen([exclusiveNine, three], lines).conflict);
  const giveNothing = candidate('n', { type: 'fixed_off', target: 'order', amountFen: 100 }, { group: 'n' });
  assert.deepEqual(
    applyChosen([giveNothing], [line('a', 0)]).inapplicable.map((c) => c.id),
    ['n'],
  );
});

test('the choice does not depend on the order the offers were read in', () => {
  const lines = Array.from({ length: 20 }, (_, i) => line(`p${i}`, 500 + i * 37, 1 + (i % 3)));
  const offers = Array.from({ length: 40 }, (_, i) =>
    candidate(
      `o${i}`,
      i % 2
        ? { type: 'percent_off', target: 'order', percentOff: 1 + (i % 9) }
        : { type: 'fixed_off', target: 'order', amountFen: 100 + (i % 5) * 50 },
      { stacking: i % 7 === 0 ? 'exclusive' : 'stackable', priority: i % 4, tieBreak: i },
    ),
  );
  const reference = choosePromotions(offers, lines).map((a) => a.candidate.id);
  for (let round = 0; round < 5; round++) {
    const shuffled = [...offers].sort(() => Math.random() - 0.5);
    assert.deepEqual(
      choosePromotions(shuffled, lines).map((a) => a.candidate.id),
      reference,
    );
  }
});
