import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Migration } from 'kysely';
import { collectMigrations } from './module-migrations.ts';

const step: Migration = { up: async () => {} };
const baseline = { '0001-tenancy': step, '0002-members': step };

test('module migrations follow the baseline in one numbered sequence, whatever order the modules are listed in', () => {
  const all = collectMigrations(baseline, {
    promotions: { '0011-coupons': step },
    loyalty: { '0003-cards': step, '0012-points-expiry': step },
  });
  assert.deepEqual(Object.keys(all), [
    '0001-tenancy',
    '0002-members',
    '0003-cards',
    '0011-coupons',
    '0012-points-expiry',
  ]);
});

test('a module migration numbered inside the baseline, a number taken twice and a bad name are refused', () => {
  assert.throws(
    () => collectMigrations(baseline, { loyalty: { '0002-cards': step } }),
    /0002-cards of module loyalty is not numbered after the baseline \(0002\)/,
  );
  assert.throws(
    () => collectMigrations(baseline, { loyalty: { '0003-cards': step }, promotions: { '0003-coupons': step } }),
    /0003-coupons of module promotions takes number 0003, already loyalty's/,
  );
  assert.throws(() => collectMigrations(baseline, { loyalty: { '3-cards': step } }), /not named NNNN-<what-it-does>/);
  assert.throws(() => collectMigrations(baseline, { loyalty: { '0003_Cards': step } }), /not named/);
});
