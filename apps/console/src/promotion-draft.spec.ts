import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  newPromotionDraft,
  newTemplateDraft,
  promotionDraftOf,
  readMemberIds,
  readPromotion,
  readTemplate,
} from './promotion-draft.ts';
import type { PromotionView } from './offer-words.ts';

const PRODUCT = '3f1c2a9e-6b7d-4e1a-9c3b-2d5e8f7a1b4c';

test('a 满减 with two tiers, weekend lunchtimes, a budget and limits reads into the body the server takes', () => {
  const draft = {
    ...newPromotionDraft(new Date('2026-12-05T02:00:00.000Z')),
    name: ' 周末满减 ',
    tiers: [
      { threshold: '50', off: '10' },
      { threshold: '100', off: '25.5' },
    ],
    weekdays: [7, 6],
    hoursFrom: '11:00',
    hoursTo: '14:00',
    categories: '卤味，凉菜',
    budgetKind: 'fen' as const,
    budgetLimit: '1000',
    perMemberDailyLimit: '1',
    stacking: 'exclusive' as const,
    priority: '-5',
  };
  const { body, errors } = readPromotion(draft);
  assert.deepEqual(errors, {});
  assert.deepEqual(body, {
    name: '周末满减',
    method: {
      type: 'threshold_off',
      tiers: [
        { thresholdFen: 5000, offFen: 1000 },
        { thresholdFen: 10000, offFen: 2550 },
      ],
    },
    rules: { categories: ['卤味', '凉菜'], weekdays: [6, 7], hours: { from: '11:00', to: '14:00' } },
    stacking: 'exclusive',
    priority: -5,
    startsAt: '2026-12-05T02:00:00.000Z',
    endsAt: null,
    budget: { kind: 'fen', limit: 100000 },
    perMemberLimit: null,
    perMemberDailyLimit: 1,
    dailyLimit: null,
  });
});

test('each mistake is named by its field, and nothing is read while any remains', () => {
  const draft = {
    ...newPromotionDraft(),
    name: '  ',
    tiers: [
      { threshold: '50', off: '60' },
      { threshold: '40', off: 'x' },
    ],
    hoursFrom: '25:00',
    hoursTo: '14:00',
    productIds: `${PRODUCT}\nnot-an-id`,
    budgetKind: 'uses' as const,
    budgetLimit: '0',
    dailyLimit: '1.5',
    endsAt: '2000-01-01T00:00',
  };
  const { body, errors } = readPromotion(draft);
  assert.equal(body, undefined);
  assert.deepEqual(errors, {
    name: 'promoForm.error.name',
    'tiers.0.off': 'promoForm.error.tierAboveThreshold',
    'tiers.1.off': 'promoForm.error.amount',
    'tiers.1.threshold': 'promoForm.error.tiersUp',
    hours: 'promoForm.error.hours',
    productIds: 'promoForm.error.productIds',
    budgetLimit: 'promoForm.error.count',
    dailyLimit: 'promoForm.error.count',
    endsAt: 'promoForm.error.endsBeforeStart',
  });
});

test('tiers must climb: a higher threshold takes more off', () => {
  const { errors } = readPromotion({
    ...newPromotionDraft(),
    name: '满减',
    tiers: [
      { threshold: '100', off: '20' },
      { threshold: '200', off: '20' },
    ],
  });
  assert.deepEqual(errors, { 'tiers.1.threshold': 'promoForm.error.tiersUp' });
});

test('a special price needs the products or categories it is for', () => {
  const draft = { ...newPromotionDraft(), name: '特价', type: 'special_price' as const, price: '9.9' };
  assert.deepEqual(readPromotion(draft).errors, { productIds: 'promoForm.error.specialNeedsTargets' });
  const { body } = readPromotion({ ...draft, productIds: PRODUCT });
  assert.deepEqual(body?.method, { type: 'special_price', priceFen: 990 });
  assert.deepEqual(body?.rules, { productIds: [PRODUCT] });
});

test('a promotion read back into the form and out again is the same promotion', () => {
  const view: PromotionView = {
    promotionId: '9a1c2a9e-6b7d-4e1a-9c3b-2d5e8f7a1b4c',
    name: '第二件半价',
    status: 'active',
    state: 'running',
    description: '第2件半价',
    rules: { productIds: [PRODUCT], minCartFen: 2000 },
    method: { type: 'buy_x_get_y', buyQuantity: 1, getQuantity: 1, percentOff: 50 },
    stacking: 'stackable',
    priority: 10,
    startsAt: '2026-12-01T00:00:00.000Z',
    endsAt: '2026-12-31T16:00:00.000Z',
    budget: { kind: 'uses', limit: 500, used: 12, left: 488 },
    perMemberLimit: 3,
    perMemberDailyLimit: null,
    dailyLimit: 100,
    uses: 12,
    discountFen: 10800,
    createdAt: '2026-11-30T00:00:00.000Z',
  };
  const { body, errors } = readPromotion(promotionDraftOf(view));
  assert.deepEqual(errors, {});
  assert.deepEqual(body, {
    name: view.name,
    method: view.method,
    rules: view.rules,
    stacking: view.stacking,
    priority: view.priority,
    startsAt: view.startsAt,
    endsAt: view.endsAt,
    budget: { kind: 'uses', limit: 500 },
    perMemberLimit: 3,
    perMemberDailyLimit: null,
    dailyLimit: 100,
  });
});

test('a method the form does not edit (a free gift) is kept as it was', () => {
  const method = { type: 'free_gift' as const, productId: PRODUCT, quantity: 1 };
  const draft = promotionDraftOf({
    ...({} as PromotionView),
    name: '赠品',
    rules: {},
    method,
    stacking: 'stackable',
    priority: 0,
    startsAt: '2026-12-01T00:00:00.000Z',
    endsAt: null,
    budget: null,
    perMemberLimit: null,
    perMemberDailyLimit: null,
    dailyLimit: null,
  });
  assert.equal(draft.type, 'kept');
  assert.deepEqual(readPromotion(draft).body?.method, method);
});

test('a coupon template: 9折 for 7 days from issue, offline only, two a member', () => {
  const { body, errors } = readTemplate({
    ...newTemplateDraft(),
    name: '到店9折券',
    type: 'percent_off',
    target: 'order',
    percentOff: '10',
    days: '7',
    offlineOnly: true,
    perMemberCap: '2',
  });
  assert.deepEqual(errors, {});
  assert.deepEqual(body, {
    name: '到店9折券',
    method: { type: 'percent_off', target: 'order', percentOff: 10 },
    rules: {},
    stacking: 'stackable',
    priority: 0,
    validity: { kind: 'days', days: 7 },
    offlineOnly: true,
    perMemberCap: 2,
  });
});

test('a fixed validity ends after it starts, and a percentage is 1 to 100', () => {
  const { errors } = readTemplate({
    ...newTemplateDraft(),
    name: '券',
    type: 'percent_off',
    percentOff: '120',
    validityKind: 'fixed',
    validFrom: '2026-12-10T00:00',
    validUntil: '2026-12-01T00:00',
  });
  assert.deepEqual(errors, { percentOff: 'promoForm.error.count', validUntil: 'promoForm.error.endsBeforeStart' });
});

test('pasted member ids: any separator, duplicates once, the ones that are not ids named', () => {
  const other = 'b2c3d4e5-f6a7-4b8c-9d0e-1f2a3b4c5d6e';
  assert.deepEqual(readMemberIds(`${PRODUCT}\n${other}，${PRODUCT}, 13800138000`), {
    memberIds: [PRODUCT, other],
    invalid: ['13800138000'],
  });
});
