import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { distributeNewTables, distributionPlan, hasCitus, readTableShapes } from './distribution.ts';
import { createTestDatabase } from './testing.ts';
import type { DatabaseHandle } from './connect.ts';

let handle: DatabaseHandle;
before(async () => {
  handle = await createTestDatabase();
});
after(() => handle.close());

test('without the citus extension, placing tables does nothing', async () => {
  assert.equal(await hasCitus(handle.db), false);
  assert.deepEqual(await distributeNewTables(handle.db), []);
});

test('the shipped schema would be placed whole, in an order Citus accepts', async () => {
  const shapes = await readTableShapes(handle.db);
  const plan = distributionPlan(shapes, null);
  const placed = plan.map((statement) => /\('([a-z_]+)'/.exec(statement)![1]!);
  const reference = plan.filter((s) => s.includes('create_reference_table')).map((s) => /'([a-z_]+)'/.exec(s)![1]);
  assert.deepEqual(reference, [
    'service_providers',
    'merchants',
    'outbox_subscriptions',
    'staff_users',
    'staff_sessions',
  ]);
  assert.deepEqual(new Set(placed), new Set(shapes.map((s) => s.name).filter((n) => !n.startsWith('kysely_'))));
  for (const shape of shapes) {
    for (const target of shape.references) {
      if (placed.includes(shape.name))
        assert.ok(placed.indexOf(target) < placed.indexOf(shape.name), `${target} before ${shape.name}`);
    }
  }
  const first = plan.find((s) => s.includes('create_distributed_table'))!;
  const anchor = /'([a-z_]+)'/.exec(first)![1];
  for (const statement of plan.filter((s) => s.includes('create_distributed_table') && s !== first)) {
    assert.ok(statement.endsWith(`colocate_with => '${anchor}')`), statement);
  }
});
