import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { test } from 'node:test';
import { schemaMigrations } from '../../schema-migrations.ts';
import { migrateToLatest, openDatabase, type DatabaseHandle } from '@shualian/db';
import { createSchemaTestDatabase } from '../../../test/database.ts';
import type { ChargeInput } from '../../modules/payments/index.ts';
import {
  createMember,
  createMerchant,
  createProvider,
  duckWingsCharge,
  TEST_PASSWORD,
} from '../../../test/fixtures.ts';
import { servicesWithoutFaces } from '../../../test/services.ts';
import type { DeliveredEvent } from './domain-event.ts';
import { OutboxDispatcher } from './outbox.dispatcher.ts';

const child = fileURLToPath(new URL('./outbox-crash.child.ts', import.meta.url));

test('a payment committed by a process killed before dispatch is delivered by the next dispatcher, once', async () => {
  // The embedded database must live in a folder the child can open; a server database is shared by URL.
  const dataDir = process.env.TEST_DATABASE_URL ? undefined : mkdtempSync(join(tmpdir(), 'shualian-outbox-crash-'));
  const server = dataDir ? undefined : await createSchemaTestDatabase();
  try {
    let handle: DatabaseHandle = server ?? (await openDatabase({ dataDir }));
    if (dataDir) await migrateToLatest(handle.db, schemaMigrations);
    const shop = await createMerchant(handle.db, await createProvider(handle.db), 'outbox-crash');
    const services = servicesWithoutFaces(handle.db);
    const admin = (await services.auth.login('outbox-crash-admin', TEST_PASSWORD)).staff;
    const memberId = (await createMember(handle.db, shop.merchantId, '13700000002')).id;
    await services.wallets.topUp(admin, {
      merchantId: shop.merchantId,
      memberId,
      amountFen: 5000,
      idempotencyKey: 'outbox-crash-top-up',
      channel: 'till',
      reason: 'cash at the till',
    });
    const seen: DeliveredEvent[] = [];
    const subscribe = (h: DatabaseHandle) => {
      const dispatcher = new OutboxDispatcher(h);
      dispatcher.subscribe({
        name: 'loyalty.points',
        eventTypes: ['payment.completed'],
        handle: async (e) => void seen.push(e),
      });
      return dispatcher;
    };
    // The subscription exists before the payment, as it does on a running server.
    await subscribe(handle).register();
    const charge: ChargeInput = duckWingsCharge(shop, memberId);
    if (dataDir) await handle.close(); // PGlite is single-process: hand the folder to the child

    const run = spawnSync(
      process.execPath,
      ['--import', 'tsx', child, JSON.stringify({ url: server?.url, dataDir, charge })],
      {
        encoding: 'utf8',
        timeout: 120_000,
      },
    );
    assert.equal(run.signal, 'SIGKILL', `child should die after the commit: ${run.stdout} ${run.stderr}`);
    assert.match(run.stdout, /refused: insufficient_funds/);
    const paymentId = /committed ([0-9a-f-]{36})/.exec(run.stdout)?.[1];
    assert.ok(paymentId, run.stdout);

    if (dataDir) handle = await openDatabase({ dataDir });
    const dispatcher = subscribe(handle);
    assert.equal(await dispatcher.drain(), 1);
    assert.equal(await dispatcher.drain(), 0);
    assert.equal(seen.length, 1, 'only the committed payment; the refused one left no event');
    assert.deepEqual(
      {
        type: seen[0]!.type,
        aggregate: seen[0]!.aggregate,
        sequence: seen[0]!.sequence,
        payload: seen[0]!.payload.amountFen,
      },
      { type: 'payment.completed', aggregate: { type: 'payment', id: paymentId }, sequence: 1, payload: 1200 },
    );
    await handle.close();
  } finally {
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  }
});
