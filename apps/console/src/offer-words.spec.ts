import assert from 'node:assert/strict';
import { test } from 'node:test';
import { offerInWords, rulesInWords, stateTone } from './offer-words.ts';

test('an offer reads the way a shop writes it, in Chinese and in English', () => {
  const cases: [Parameters<typeof offerInWords>[0], string, string][] = [
    [{ type: 'threshold_off', tiers: [{ thresholdFen: 5000, offFen: 1000 }] }, '满¥50减¥10', '¥10 off ¥50'],
    [
      {
        type: 'threshold_off',
        tiers: [
          { thresholdFen: 10000, offFen: 1500 },
          { thresholdFen: 20000, offFen: 4050 },
        ],
      },
      '满¥100减¥15 满¥200减¥40.50',
      '¥15 off ¥100, ¥40.50 off ¥200',
    ],
    [{ type: 'percent_off', target: 'items', percentOff: 10 }, '9折', '10% off'],
    [{ type: 'percent_off', target: 'items', percentOff: 15 }, '8.5折', '15% off'],
    [
      { type: 'percent_off', target: 'order', percentOff: 20, maxDiscountFen: 3000 },
      '整单8折，最多减¥30',
      '20% off the order (up to ¥30)',
    ],
    [{ type: 'fixed_off', target: 'order', amountFen: 500 }, '整单立减¥5', '¥5 off the order'],
    [{ type: 'fixed_off', target: 'items', amountFen: 250 }, '每件减¥2.50', '¥2.50 off each'],
    [{ type: 'buy_x_get_y', buyQuantity: 1, getQuantity: 1, percentOff: 50 }, '第2件半价', 'buy 1, get 1 half price'],
    [{ type: 'buy_x_get_y', buyQuantity: 2, getQuantity: 1, percentOff: 100 }, '第3件免费', 'buy 2, get 1 free'],
    [
      { type: 'buy_x_get_y', buyQuantity: 3, getQuantity: 2, percentOff: 30 },
      '买3件，另2件7折',
      'buy 3, get 2 30% off',
    ],
    [{ type: 'special_price', priceFen: 990 }, '特价¥9.90', 'special price ¥9.90'],
    [{ type: 'points_multiplier', multiplier: 2 }, '2倍积分', '2× points'],
  ];
  for (const [method, zh, en] of cases) {
    assert.equal(offerInWords(method, 'zh-CN'), zh);
    assert.equal(offerInWords(method, 'en'), en);
  }
});

test('conditions read in one line, weekdays in week order; no conditions read as nothing', () => {
  const rules = { weekdays: [7, 6], hours: { from: '10:00', to: '14:00' }, minCartFen: 3000, categories: ['卤味'] };
  assert.equal(rulesInWords(rules, 'zh-CN'), '周六、日 · 10:00–14:00 · 满¥30可用 · 品类：卤味');
  assert.equal(rulesInWords(rules, 'en'), 'Sat, Sun · 10:00–14:00 · cart of ¥30 or more · categories: 卤味');
  assert.equal(rulesInWords({}, 'zh-CN'), '');
});

test('a running promotion is good news, an ended one is greyed out, the rest ask for a look', () => {
  assert.equal(stateTone('running'), 'ok');
  assert.equal(stateTone('ended'), 'off');
  for (const state of ['scheduled', 'paused', 'exhausted'] as const) assert.equal(stateTone(state), 'warn');
});
