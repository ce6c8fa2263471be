import assert from 'node:assert/strict';
import { test } from 'node:test';
import { DistributionError, distributionPlan, placementOf, type TableShape } from './distribution.ts';

const table = (name: string, hasMerchantId: boolean, references: string[] = []): TableShape => ({
  name,
  hasMerchantId,
  references,
});

test('the reference list comes first, then merchant_id decides; a table with neither is refused', () => {
  assert.equal(placementOf(table('merchants', false)), 'reference');
  assert.equal(placementOf(table('staff_users', true)), 'reference');
  assert.equal(placementOf(table('stores', true)), 'distributed');
  assert.equal(placementOf(table('kysely_migration', false)), 'coordinator');
  assert.throws(() => placementOf(table('coupon_templates', false)), DistributionError);
  assert.throws(() => placementOf(table('coupon_templates', false)), /coupon_templates has no merchant_id/);
});

test('reference tables before distributed ones, each after what its foreign keys point at, all colocated', () => {
  const plan = distributionPlan(
    [
      table('devices', true, ['merchants', 'stores']),
      table('device_nonces', true, ['devices']),
      table('stores', true, ['merchants']),
      table('staff_users', true, ['merchants', 'service_providers']),
      table('merchants', false, ['service_providers']),
      table('service_providers', false),
      table('kysely_migration', false),
    ],
    null,
  );
  assert.deepEqual(plan, [
    `select create_reference_table('service_providers')`,
    `select create_reference_table('merchants')`,
    `select create_reference_table('staff_users')`,
    `select create_distributed_table('stores', 'merchant_id', colocate_with => 'none')`,
    `select create_distributed_table('devices', 'merchant_id', colocate_with => 'stores')`,
    `select create_distributed_table('device_nonces', 'merchant_id', colocate_with => 'stores')`,
  ]);
});

test('a later migration colocates its new tables with those already distributed; a self reference is no cycle', () => {
  assert.deepEqual(
    distributionPlan([table('coupons', true, ['merchants']), table('ledger_entries', true, [])], 'audit_events'),
    [
      `select create_distributed_table('coupons', 'merchant_id', colocate_with => 'audit_events')`,
      `select create_distributed_table('ledger_entries', 'merchant_id', colocate_with => 'audit_events')`,
    ],
  );
  assert.throws(() => distributionPlan([table('a', true, ['b']), table('b', true, ['a'])], null), /cycle: a → b → a/);
});
