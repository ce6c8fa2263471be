import assert from 'node:assert/strict';
import { createHash, randomUUID } from 'node:crypto';
import { after, before, describe, test } from 'node:test';
import { sql, type Kysely } from 'kysely';
import { migrations } from './migrations/index.ts';
import { migrateToLatest } from './migrator.ts';
import { lintSchema } from './schema-lint.ts';
import { createTestDatabase } from './testing.ts';
import type { DatabaseHandle } from './connect.ts';

// A database made by the versions before 0009, with data in every table 0009 changes, then brought to the latest.
const beforeDistribution = Object.fromEntries(Object.entries(migrations).filter(([name]) => name < '0009'));
const merchantId = randomUUID();
const storeId = randomUUID();
const memberId = randomUUID();
const accounts = { wallet: randomUUID(), clearing: randomUUID(), revenue: randomUUID() };
const oldToken = 'a-member-token-from-before';
const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

let handle: DatabaseHandle;
// eslint-disable-next-line @typescript-eslint/no-explicit-any
let db: Kysely<any>;
let threeLegs: string;

async function postOldWay(legs: Array<[string, number]>): Promise<string> {
  const transactionId = randomUUID();
  await db.transaction().execute(async (trx) => {
    await sql`insert into ledger_transactions (merchant_id, id, kind) values (${merchantId}, ${transactionId}, 'payment')`.execute(
      trx,
    );
    for (const [account, amount] of legs) {
      await sql`insert into ledger_entries (merchant_id, transaction_id, account_id, amount_fen)
                values (${merchantId}, ${transactionId}, ${account}, ${amount})`.execute(trx);
    }
  });
  return transactionId;
}

before(async () => {
  handle = await createTestDatabase({ migrate: false });
  db = handle.db;
  await migrateToLatest(db, beforeDistribution);
  const providerId = randomUUID();
  await sql`insert into service_providers (id, name) values (${providerId}, 'p')`.execute(db);
  await sql`insert into merchants (id, provider_id, code, name) values (${merchantId}, ${providerId}, 'before', 'Before')`.execute(
    db,
  );
  await sql`insert into stores (merchant_id, id, code, name) values (${merchantId}, ${storeId}, 'S1', 'store')`.execute(
    db,
  );
  await sql`insert into staff_users (id, provider_id, merchant_id, store_id, username, display_name, password_hash, role)
            values (${randomUUID()}, ${providerId}, ${merchantId}, ${storeId}, 'cashier', 'c', 'x', 'cashier')`.execute(
    db,
  );
  await sql`insert into devices (merchant_id, id, store_id, kind, name, status, activation_code_hash, activation_expires_at, created_by)
            values (${merchantId}, ${randomUUID()}, ${storeId}, 'kiosk', 'k', 'pending', ${sha256('K7QM2XRP9TCH4Z8')},
                    now() + interval '1 day', ${randomUUID()})`.execute(db);
  await sql`insert into members (merchant_id, id, phone, phone_suffix) values (${merchantId}, ${memberId}, '13900000009', '0009')`.execute(
    db,
  );
  await sql`insert into member_sessions (token_hash, merchant_id, member_id, expires_at)
            values (${sha256(oldToken)}, ${merchantId}, ${memberId}, now() + interval '1 day')`.execute(db);
  for (const [kind, id] of [
    ['member_wallet', accounts.wallet],
    ['topup_clearing', accounts.clearing],
    ['merchant_revenue', accounts.revenue],
  ]) {
    await sql`insert into ledger_accounts (merchant_id, id, kind, member_id)
              values (${merchantId}, ${id}, ${kind}, ${kind === 'member_wallet' ? memberId : null})`.execute(db);
  }
  await postOldWay([
    [accounts.clearing, 1000],
    [accounts.wallet, -1000],
  ]);
  threeLegs = await postOldWay([
    [accounts.wallet, 300],
    [accounts.revenue, -250],
    [accounts.clearing, -50],
  ]);
  const { applied } = await migrateToLatest(db);
  assert.deepEqual(
    applied,
    Object.keys(migrations).filter((name) => name >= '0009'),
  );
});
after(() => handle.close());

describe('a database with data, brought to 0009', () => {
  test('keeps its rows and passes the schema lint', async () => {
    assert.deepEqual(await lintSchema(db), []);
    const session = await sql<{
      merchant_id: string;
    }>`select merchant_id from member_sessions where token_hash = ${sha256(oldToken)}`.execute(db);
    assert.equal(session.rows[0]?.merchant_id, merchantId);
    const device =
      await sql`select 1 from devices where merchant_id = ${merchantId} and activation_code_hash = ${sha256('K7QM2XRP9TCH4Z8')}`.execute(
        db,
      );
    assert.equal(device.rows.length, 1);
  });

  test('numbers the legs of the entries written before, in the order they were written', async () => {
    const { rows } = await sql<{ leg: number; last_leg: boolean; opening_fen: number; closing_fen: number }>`
      select leg, last_leg, opening_fen, closing_fen from ledger_entries where transaction_id = ${threeLegs} order by leg`.execute(
      db,
    );
    assert.deepEqual(rows, [
      { leg: 1, last_leg: false, opening_fen: 0, closing_fen: 300 },
      { leg: 2, last_leg: false, opening_fen: 300, closing_fen: 50 },
      { leg: 3, last_leg: true, opening_fen: 50, closing_fen: 0 },
    ]);
  });
});

describe('the ledger refuses an unbalanced transaction without a trigger', () => {
  async function header(): Promise<string> {
    const id = randomUUID();
    await sql`insert into ledger_transactions (merchant_id, id, kind) values (${merchantId}, ${id}, 'payment')`.execute(
      db,
    );
    return id;
  }
  const legs = (transactionId: string, rows: Array<[string, number, number, boolean, number]>) =>
    sql`insert into ledger_entries (merchant_id, transaction_id, account_id, amount_fen, leg, last_leg, opening_fen)
        values ${sql.join(rows.map(([account, amount, leg, last, opening]) => sql`(${merchantId}, ${transactionId}, ${account}, ${amount}, ${leg}, ${last}, ${opening})`))}`.execute(
      db,
    );
  const sqlState = (code: string, constraint: string) => (error: unknown) => {
    const e = error as { code?: string; message?: string };
    assert.equal(e.code, code, e.message);
    assert.match(e.message ?? '', new RegExp(constraint));
    return true;
  };
  const entries = async (transactionId: string) =>
    Number(
      (
        await sql<{
          n: number;
        }>`select count(*)::int as n from ledger_entries where transaction_id = ${transactionId}`.execute(db)
      ).rows[0]!.n,
    );

  test('balanced legs in one statement are taken', async () => {
    const id = await header();
    await legs(id, [
      [accounts.wallet, 500, 1, false, 0],
      [accounts.revenue, -400, 2, false, 500],
      [accounts.clearing, -100, 3, true, 100],
    ]);
    assert.equal(await entries(id), 3);
  });

  test('a lone entry, as code that knows nothing of legs writes it, is refused with 23514', async () => {
    const id = await header();
    await assert.rejects(
      sql`insert into ledger_entries (merchant_id, transaction_id, account_id, amount_fen) values (${merchantId}, ${id}, ${accounts.revenue}, -999)`.execute(
        db,
      ),
      sqlState('23514', 'ledger_entries_refuse_unbalanced'),
    );
  });

  test('legs that do not close at zero are refused with 23514', async () => {
    const id = await header();
    await assert.rejects(
      legs(id, [
        [accounts.wallet, 500, 1, false, 0],
        [accounts.revenue, -300, 2, true, 500],
      ]),
      sqlState('23514', 'ledger_entries_refuse_unbalanced'),
    );
    assert.equal(await entries(id), 0);
  });

  test('a first leg waiting for a second statement, a leg that lies about its opening, or a gap are refused', async () => {
    const id = await header();
    await assert.rejects(
      legs(id, [[accounts.wallet, 500, 1, false, 0]]),
      sqlState('23503', 'ledger_entries_continues_fk'),
    );
    await assert.rejects(
      legs(id, [
        [accounts.wallet, 500, 1, false, 0],
        [accounts.revenue, -400, 2, true, 400],
      ]),
      sqlState('23503', 'ledger_entries_(follows|continues)_fk'),
    );
    await assert.rejects(
      legs(id, [
        [accounts.wallet, 500, 1, false, 0],
        [accounts.revenue, -500, 3, true, 500],
      ]),
      sqlState('23503', 'ledger_entries_continues_fk'),
    );
    await assert.rejects(
      legs(id, [[accounts.wallet, 500, 1, true, 500]]),
      sqlState('23514', 'ledger_entries_opens_at_zero'),
    );
    assert.equal(await entries(id), 0);
  });

  test('a written leg cannot be changed or taken away, and no unbalanced leg can be added', async () => {
    const id = await header();
    await legs(id, [
      [accounts.wallet, 500, 1, false, 0],
      [accounts.revenue, -500, 2, true, 500],
    ]);
    await assert.rejects(
      sql`update ledger_entries set amount_fen = 400 where transaction_id = ${id} and leg = 1`.execute(db),
      sqlState('23503', 'ledger_entries_'),
    );
    await assert.rejects(
      sql`update ledger_entries set amount_fen = -400 where transaction_id = ${id} and leg = 2`.execute(db),
      sqlState('23514', 'ledger_entries_refuse_unbalanced'),
    );
    await assert.rejects(
      sql`delete from ledger_entries where transaction_id = ${id} and leg = 2`.execute(db),
      sqlState('23503', 'ledger_entries_continues_fk'),
    );
    await assert.rejects(
      legs(id, [[accounts.clearing, 10, 3, true, 0]]),
      sqlState('23514', 'ledger_entries_refuse_unbalanced'),
    );
    await assert.rejects(legs(id, [[accounts.clearing, -500, 2, true, 500]]), sqlState('23505', 'ledger_entries_leg_'));
    const total = await sql<{
      total: number;
    }>`select sum(amount_fen)::int as total from ledger_entries where transaction_id = ${id}`.execute(db);
    assert.equal(total.rows[0]!.total, 0);
  });
});
