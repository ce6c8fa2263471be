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
import {
  createMember,
  createMerchant,
  createProvider,
  duckWingsCharge,
  TEST_PASSWORD,
} from '../../../test/fixtures.ts';
import { LedgerRepository } from '../../../test/repositories.ts';
import { servicesWithoutFaces as services } from '../../../test/services.ts';
import type { ChargeInput } from './payment.service.ts';

const child = fileURLToPath(new URL('./payment-crash.child.ts', import.meta.url));

test('a payment killed mid-transaction leaves no charge; the retry charges exactly once', async () => {
  // The embedded database must live in a folder the child can open; a server database is shared by URL.
  const dataDir = process.env.TEST_DATABASE_URL ? undefined : mkdtempSync(join(tmpdir(), 'shualian-crash-'));
  const server = dataDir ? undefined : await createSchemaTestDatabase();
  try {
    let handle: DatabaseHandle = server ?? (await openDatabase({ dataDir }));
    if (dataDir) await migrateToLatest(handle.db, schemaMigrations);
    const shop = await createMerchant(handle.db, await createProvider(handle.db), 'crash');
    const admin = (await services(handle.db).auth.login('crash-admin', TEST_PASSWORD)).staff;
    const member = await createMember(handle.db, shop.merchantId, '13700000001');
    await services(handle.db).wallets.topUp(admin, {
      merchantId: shop.merchantId,
      memberId: member.id,
      amountFen: 5000,
      idempotencyKey: 'crash-top-up',
      channel: 'till',
      reason: 'cash at the till',
    });
    const charge: ChargeInput = duckWingsCharge(shop, member.id);
    if (dataDir) await handle.close(); // PGlite is single-process: hand the folder to the child

    const run = spawnSync(
      process.execPath,
      ['--import', 'tsx', child, JSON.stringify({ url: server?.url, dataDir, charge, idempotencyKey: 'crash-pay-1' })],
      { encoding: 'utf8', timeout: 120_000 },
    );
    assert.equal(run.signal, 'SIGKILL', `child should die mid-payment: ${run.stdout} ${run.stderr}`);
    assert.match(run.stdout, /killing myself mid-payment/);

    if (dataDir) handle = await openDatabase({ dataDir });
    const db = handle.db;
    const ledger = new LedgerRepository(db);
    const wallet = await ledger.account(shop.merchantId, 'member_wallet', member.id);
    assert.equal(await ledger.entrySum(shop.merchantId, wallet.id), -5000, 'the wallet still holds the whole top-up');
    assert.equal(
      (await db.selectFrom('payments').selectAll().where('merchant_id', '=', shop.merchantId).execute()).length,
      0,
    );
    assert.equal(
      (await db.selectFrom('idempotency_records').selectAll().where('key', '=', 'crash-pay-1').execute()).length,
      0,
    );
    assert.deepEqual(await ledger.inconsistencies(shop.merchantId), { accounts: [], transactions: [] });

    const { payments } = services(db);
    const retried = await payments.pay({ ...charge, idempotencyKey: 'crash-pay-1' });
    const again = await payments.pay({ ...charge, idempotencyKey: 'crash-pay-1' });
    assert.equal(again.paymentId, retried.paymentId);
    assert.equal(retried.balanceFen, 3800);
    assert.equal(await ledger.entrySum(shop.merchantId, wallet.id), -3800);
    assert.deepEqual(await ledger.inconsistencies(shop.merchantId), { accounts: [], transactions: [] });
    await handle.close();
  } finally {
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  }
});
