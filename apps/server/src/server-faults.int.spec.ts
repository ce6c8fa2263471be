import assert from 'node:assert/strict';
import { randomBytes, randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import type { DatabaseHandle } from '@shualian/db';
import { createSchemaTestDatabase } from '../test/database.ts';
import { generateDeviceKeyPair, signedHeaders } from '@shualian/device-signing';
import { sql } from 'kysely';
import pg from 'pg';
import { naturalBalance } from './modules/ledger/index.ts';
import { createMerchant, createProvider, TEST_PASSWORD, type TestMerchant } from '../test/fixtures.ts';
import { ServerProcess } from '../test/server-process.ts';
import { LedgerRepository, MemberRepository } from '../test/repositories.ts';

/*
 * Faults on a running server, as a shop would meet them: the process killed with SIGKILL in the middle of a payment
 * load, and the database ending the server's connections mid-transaction. Kiosks retry whatever was not answered with
 * the same idempotency key; afterwards every payment a kiosk was told about exists exactly once, none exists twice,
 * and the ledger balances to the fen.
 *
 * The load is real: `shualian serve` in its own process, signed kiosk requests over HTTP to POST /v1/payments. Only
 * the face check is skipped: the sessions are opened through the API and then marked approved (face + PIN) in the
 * database, as the engine would after a match, so the load is all money and no image work.
 *
 * Server-only: the test reads the database while another process holds it, and PGlite allows one process per folder.
 */
const serverUrl = process.env.TEST_DATABASE_URL;
const skip = serverUrl
  ? false
  : 'needs a PostgreSQL server (TEST_DATABASE_URL; the pg suite sets it): the server process and the test share the database';

const MEMBERS = 16;
const PAYMENTS_PER_MEMBER = 6; // under the default 10 payments per member per hour
const ORDERS = MEMBERS * PAYMENTS_PER_MEMBER;
const TOP_UP_FEN = 50_000;
const CONCURRENCY = 8;
const SERVER_APP_NAME = 'shualian-fault-server';

let database: (DatabaseHandle & { url?: string }) | undefined;
let server: ServerProcess | undefined;
let dataDir: string | undefined;
let serverEnv: Record<string, string>;

before(async () => {
  if (skip) return;
  database = await createSchemaTestDatabase();
  dataDir = mkdtempSync(join(tmpdir(), 'shualian-faults-'));
  const url = new URL(database.url!);
  url.searchParams.set('application_name', SERVER_APP_NAME); // so the test can end the server's connections, and only those
  serverEnv = {
    DATABASE_URL: url.toString(),
    SHUALIAN_DATA_DIR: dataDir,
    SHUALIAN_MASTER_KEY: randomBytes(32).toString('base64'),
  };
  server = await ServerProcess.start(serverEnv);
});

after(async () => {
  await server?.stop();
  await database?.close();
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
});

interface Device {
  merchantId: string;
  deviceId: string;
  privateKey: CryptoKey;
}

interface Order {
  sessionId: string;
  memberId: string;
  amountFen: number;
  idempotencyKey: string;
}

interface Attempt {
  /** 0 when no HTTP answer came back (connection refused or reset). */
  status: number;
  body?: { paymentId?: string; balanceFen?: number; error?: { code?: string } };
  failure?: string;
}

interface Shop {
  merchant: TestMerchant;
  device: Device;
  memberIds: string[];
  orders: Order[];
}

async function call(
  base: string,
  method: string,
  path: string,
  options: { token?: string; device?: Device; body?: unknown } = {},
): Promise<Attempt> {
  const body = options.body === undefined ? undefined : JSON.stringify(options.body);
  const headers: Record<string, string> = body ? { 'content-type': 'application/json' } : {};
  if (options.token) headers.authorization = `Bearer ${options.token}`;
  if (options.device) Object.assign(headers, await signedHeaders(options.device, { method, path, body: body ?? '' }));
  try {
    const response = await fetch(`${base}${path}`, { method, headers, body, signal: AbortSignal.timeout(30_000) });
    const text = await response.text();
    let parsed: Attempt['body'];
    try {
      parsed = text ? JSON.parse(text) : undefined;
    } catch {
      return { status: response.status, failure: `not JSON: ${text.slice(0, 200)}` };
    }
    return { status: response.status, body: parsed };
  } catch (error) {
    const cause = (error as Error & { cause?: { code?: string; message?: string } }).cause;
    return { status: 0, failure: cause?.code ?? cause?.message ?? (error as Error).message };
  }
}

async function expectStatus(
  attempt: Promise<Attempt>,
  status: number,
  what: string,
): Promise<NonNullable<Attempt['body']>> {
  const result = await attempt;
  assert.equal(result.status, status, `${what}: ${JSON.stringify(result)}`);
  return result.body!;
}

/** A merchant with members holding wallet money, an activated kiosk, and approved face sessions waiting to be paid. */
async function openShop(base: string, code: string): Promise<Shop> {
  const db = database!.db;
  const merchant = await createMerchant(db, await createProvider(db), code);
  const members = new MemberRepository(db);
  const memberIds: string[] = [];
  for (let i = 0; i < MEMBERS; i++) {
    const suffix = String(1000 + i);
    memberIds.push((await members.findOrCreate(merchant.merchantId, `1380013${suffix}`, suffix, null)).member.id);
  }

  const login = await expectStatus(
    call(base, 'POST', '/v1/auth/login', { body: { username: `${code}-admin`, password: TEST_PASSWORD } }),
    200,
    'login',
  );
  const token = (login as { token: string }).token;
  for (const [i, memberId] of memberIds.entries()) {
    await expectStatus(
      call(base, 'POST', `/v1/merchants/${merchant.merchantId}/members/${memberId}/top-ups`, {
        token,
        body: { amountFen: TOP_UP_FEN, idempotencyKey: `${code}-top-up-${i}`, reason: 'cash at the till' },
      }),
      201,
      'top-up',
    );
  }
  const registered = await expectStatus(
    call(base, 'POST', `/v1/merchants/${merchant.merchantId}/stores/${merchant.storeIds[0]}/devices`, {
      token,
      body: { kind: 'kiosk', name: 'till 1' },
    }),
    201,
    'register kiosk',
  );
  const keys = await generateDeviceKeyPair();
  const activated = await expectStatus(
    call(base, 'POST', '/v1/devices/activate', {
      body: { activationCode: (registered as { activationCode: string }).activationCode, publicKey: keys.publicKey },
    }),
    200,
    'activate kiosk',
  );
  const device: Device = {
    merchantId: merchant.merchantId,
    deviceId: (activated as { deviceId: string }).deviceId,
    privateKey: keys.privateKey,
  };

  const products = await db
    .selectFrom('products')
    .select('id')
    .where('merchant_id', '=', merchant.merchantId)
    .orderBy('sku')
    .execute();
  const orders: Order[] = [];
  for (let i = 0; i < ORDERS; i++) {
    // 350 to 2800 fen of cola, with a box of duck neck on every third order
    const items = [
      { productId: products[1]!.id, quantity: 1 + (i % 8) },
      ...(i % 3 === 0 ? [{ productId: products[0]!.id, quantity: 1 }] : []),
    ];
    const session = (await expectStatus(
      call(base, 'POST', '/v1/face-sessions', { device, body: { items } }),
      201,
      'open face session',
    )) as { sessionId: string; amountFen: number };
    orders.push({
      sessionId: session.sessionId,
      memberId: memberIds[i % MEMBERS]!,
      amountFen: session.amountFen,
      idempotencyKey: `${code}-pay-${i}`,
    });
  }
  // What the face engine and a PIN would have decided; the sessions live long enough to outlast a restart. A payment
  // also needs the member's face data to be still there (a deletion voids approved sessions): a template row of a
  // model the engine does not load stands in for the enrollment.
  await db
    .insertInto('face_templates')
    .values(
      memberIds.map((memberId) => ({
        merchant_id: merchant.merchantId,
        id: randomUUID(),
        member_id: memberId,
        key_version: 1,
        ciphertext: 'fault-suite: stands in for an enrolled face',
        model: 'fault-suite-stand-in',
        quality: JSON.stringify({}),
      })),
    )
    .execute();
  for (const memberId of memberIds) {
    const sessions = orders.filter((o) => o.memberId === memberId).map((o) => o.sessionId);
    await db
      .updateTable('face_sessions')
      .set({
        status: 'approved',
        member_id: memberId,
        decision: JSON.stringify({ verification: 'face+pin' }),
        expires_at: new Date(Date.now() + 15 * 60_000),
      })
      .where('merchant_id', '=', merchant.merchantId)
      .where('id', 'in', sessions)
      .execute();
  }
  return { merchant, device, memberIds, orders };
}

function pay(base: string, device: Device, order: Order): Promise<Attempt> {
  return call(base, 'POST', '/v1/payments', {
    device,
    body: { faceSessionId: order.sessionId, idempotencyKey: order.idempotencyKey },
  });
}

/** A fixed list of requests, `CONCURRENCY` at a time; resolves when every one has had its answer or its failure. */
async function drive(orders: Order[], send: (order: Order) => Promise<Attempt>): Promise<Map<Order, Attempt>> {
  const results = new Map<Order, Attempt>();
  let next = 0;
  const worker = async () => {
    while (next < orders.length) {
      const order = orders[next++]!;
      results.set(order, await send(order));
    }
  };
  await Promise.all(Array.from({ length: CONCURRENCY }, worker));
  return results;
}

/** Retries what was not acknowledged, replays what was, and returns the payment id each order ended with. */
async function settle(
  shop: Shop,
  results: Map<Order, Attempt>,
): Promise<{ paymentIds: Map<string, string>; retried: number; committedUnacknowledged: number }> {
  const acknowledged = shop.orders.filter((o) => results.get(o)?.status === 201);
  const unacknowledged = shop.orders.filter((o) => results.get(o)?.status !== 201);
  // Payments the database kept although their kiosk never heard back (committed, then the answer was lost).
  const paid = await database!.db
    .selectFrom('payments')
    .select(['face_session_id', 'id'])
    .where('merchant_id', '=', shop.merchant.merchantId)
    .execute();
  const kept = new Map(paid.map((p) => [p.face_session_id, p.id]));
  for (const order of acknowledged) {
    assert.equal(
      kept.get(order.sessionId),
      results.get(order)!.body!.paymentId,
      `acknowledged ${order.idempotencyKey} outlived the fault`,
    );
  }
  const waiting = new Set(unacknowledged.map((o) => o.sessionId));
  const committedBefore = new Map(
    paid.filter((p) => waiting.has(p.face_session_id!)).map((p) => [p.face_session_id!, p.id]),
  );

  const retries = await drive(unacknowledged, (order) => pay(server!.base, shop.device, order));
  const replays = await drive(acknowledged, (order) => pay(server!.base, shop.device, order));
  const paymentIds = new Map<string, string>();
  for (const order of unacknowledged) {
    const retry = retries.get(order)!;
    assert.equal(retry.status, 201, `the retry of ${order.idempotencyKey} is answered: ${JSON.stringify(retry)}`);
    const earlier = committedBefore.get(order.sessionId);
    if (earlier)
      assert.equal(
        retry.body!.paymentId,
        earlier,
        `the retry of ${order.idempotencyKey} returns the payment made before the fault`,
      );
    paymentIds.set(order.sessionId, retry.body!.paymentId!);
  }
  for (const order of acknowledged) {
    const first = results.get(order)!.body!;
    const replay = replays.get(order)!;
    assert.equal(replay.status, 201, `the replay of ${order.idempotencyKey}: ${JSON.stringify(replay)}`);
    assert.deepEqual(
      replay.body,
      first,
      `the replay of ${order.idempotencyKey} answers what the first request was told`,
    );
    paymentIds.set(order.sessionId, first.paymentId!);
  }
  return { paymentIds, retried: unacknowledged.length, committedUnacknowledged: committedBefore.size };
}

/** Every order paid exactly once with the id its kiosk was given, nothing half-written, the ledger balanced. */
async function assertBooks(shop: Shop, paymentIds: Map<string, string>): Promise<void> {
  const db = database!.db;
  const merchantId = shop.merchant.merchantId;
  const payments = await db.selectFrom('payments').selectAll().where('merchant_id', '=', merchantId).execute();
  assert.equal(payments.length, ORDERS, 'one payment per order, no more');
  const bySession = new Map(payments.map((p) => [p.face_session_id, p]));
  assert.equal(bySession.size, ORDERS, 'no face session was paid twice');
  for (const order of shop.orders) {
    const payment = bySession.get(order.sessionId);
    assert.ok(payment, `order ${order.idempotencyKey} was paid`);
    assert.equal(
      payment.id,
      paymentIds.get(order.sessionId),
      `order ${order.idempotencyKey} has the payment its kiosk was told about`,
    );
    assert.equal(payment.amount_fen, order.amountFen);
    assert.equal(payment.member_id, order.memberId);
  }

  const sessions = await db
    .selectFrom('face_sessions')
    .select(['id', 'status', 'payment_id'])
    .where('merchant_id', '=', merchantId)
    .execute();
  for (const session of sessions) {
    assert.equal(session.status, 'paid', `session ${session.id} is marked paid`);
    assert.equal(session.payment_id, bySession.get(session.id)?.id);
  }
  const claims = await db
    .selectFrom('idempotency_records')
    .select(['key', 'result'])
    .where('merchant_id', '=', merchantId)
    .where('scope', '=', 'payment')
    .execute();
  assert.equal(claims.length, ORDERS, 'one completed idempotency record per order');
  for (const claim of claims) assert.ok(claim.result, `idempotency record ${claim.key} holds its answer`);

  // The ledger: each transaction has entries that sum to zero, each payment has exactly its transaction, and back.
  assert.deepEqual(await new LedgerRepository(db).inconsistencies(merchantId), { accounts: [], transactions: [] });
  const transactions = await sql<{
    id: string;
    kind: string;
    reference: string | null;
    entries: number;
    total: number;
  }>`
    select t.id, t.kind, t.reference, count(e.id)::int as entries, coalesce(sum(e.amount_fen), 0)::bigint as total
      from ledger_transactions t left join ledger_entries e on e.merchant_id = t.merchant_id and e.transaction_id = t.id
     where t.merchant_id = ${merchantId} group by t.id, t.kind, t.reference`.execute(db);
  for (const t of transactions.rows) {
    assert.ok(t.entries >= 2, `ledger transaction ${t.id} (${t.kind}) has its entries`);
    assert.equal(Number(t.total), 0, `ledger transaction ${t.id} balances`);
  }
  const paymentTransactions = transactions.rows.filter((t) => t.reference?.startsWith('payment:'));
  assert.equal(paymentTransactions.length, ORDERS, 'one ledger transaction per payment');
  const byTransaction = new Map(payments.map((p) => [p.transaction_id, p]));
  for (const t of paymentTransactions)
    assert.equal(
      t.reference,
      `payment:${byTransaction.get(t.id)?.id}`,
      `ledger transaction ${t.id} belongs to its payment`,
    );
  const receipts = await db
    .selectFrom('receipts')
    .select('payment_id')
    .where('merchant_id', '=', merchantId)
    .where('kind', '=', 'payment')
    .execute();
  assert.deepEqual(
    receipts.map((r) => r.payment_id).sort(),
    payments.map((p) => p.id).sort(),
    'one receipt per payment',
  );

  // Each wallet holds its top-up less exactly what its member's orders cost.
  const ledger = new LedgerRepository(db);
  for (const memberId of shop.memberIds) {
    const wallet = await ledger.account(merchantId, 'member_wallet', memberId);
    const spent = shop.orders.filter((o) => o.memberId === memberId).reduce((sum, o) => sum + o.amountFen, 0);
    assert.equal(naturalBalance('member_wallet', await ledger.entrySum(merchantId, wallet.id)), TOP_UP_FEN - spent);
    assert.equal(naturalBalance('member_wallet', await ledger.cachedSum(merchantId, wallet.id)), TOP_UP_FEN - spent);
  }
}

const tally = (results: Map<Order, Attempt>) => {
  const counts: Record<string, number> = {};
  for (const a of results.values()) {
    const label =
      a.status === 0 ? `no answer (${a.failure})` : `${a.status}${a.body?.error?.code ? ` ${a.body.error.code}` : ''}`;
    counts[label] = (counts[label] ?? 0) + 1;
  }
  return counts;
};

test(
  'kill -9 of the server during a payment load: after the restart every acknowledged payment exists once, retries charge at most once, the ledger balances',
  { skip },
  async (t) => {
    const began = Date.now();
    const shop = await openShop(server!.base, 'kill9');
    const killAfter = Math.round(ORDERS * 0.35);
    let acknowledged = 0;
    let killed: Promise<void> | undefined;
    const victim = server!;
    const results = await drive(shop.orders, async (order) => {
      const attempt = await pay(victim.base, shop.device, order);
      if (attempt.status === 201 && ++acknowledged === killAfter) killed = victim.kill();
      return attempt;
    });
    await killed;
    assert.ok(killed, 'the server was killed during the load');
    for (const [order, attempt] of results) {
      assert.ok(
        attempt.status === 201 || attempt.status === 0,
        `before the kill a payment is paid, after it there is no answer: ${order.idempotencyKey} ${JSON.stringify(attempt)}`,
      );
    }

    const restartedAt = Date.now();
    server = await ServerProcess.start(serverEnv);
    const restartMs = Date.now() - restartedAt;
    const { paymentIds, retried, committedUnacknowledged } = await settle(shop, results);
    await assertBooks(shop, paymentIds);
    t.diagnostic(
      `kill -9: ${ORDERS} payments, ${CONCURRENCY} at a time; ${acknowledged} acknowledged before the kill; answers ${JSON.stringify(tally(results))}; ` +
        `${committedUnacknowledged} committed but unacknowledged; ${retried} retried with their keys, all paid once; restart ${restartMs} ms; ${Date.now() - began} ms in all`,
    );
  },
);

test(
  'database connections ended mid-transaction during a payment load: the server stays up, answers 503, and retries charge once',
  { skip },
  async (t) => {
    const began = Date.now();
    if (!server?.alive) server = await ServerProcess.start(serverEnv);
    const live = server;
    const shop = await openShop(live.base, 'cut');
    const admin = new pg.Client({ connectionString: serverUrl });
    await admin.connect();
    const databaseName = new URL(database!.url!).pathname.slice(1);
    const cuts = { rounds: 0, ended: 0, midTransaction: 0 };
    let loadDone = false;
    let acknowledged = 0;
    const startCutting = Math.round(ORDERS * 0.15);
    let cutting: Promise<void> | undefined;
    // Every 40 ms, end every connection the server holds, until a handful were inside a transaction (or the load ends).
    const cutter = async () => {
      while (!loadDone && cuts.midTransaction < 8 && cuts.rounds < 100) {
        const { rows } = await admin.query<{ ended: boolean; in_transaction: boolean }>(
          // inside a transaction: past its first statement (idle in it, or running a later one)
          `select pg_terminate_backend(pid) as ended, coalesce(state = 'idle in transaction' or xact_start < query_start, false) as in_transaction
           from pg_stat_activity where datname = $1 and application_name = $2`,
          [databaseName, SERVER_APP_NAME],
        );
        cuts.rounds++;
        cuts.ended += rows.filter((r) => r.ended).length;
        cuts.midTransaction += rows.filter((r) => r.ended && r.in_transaction).length;
        await new Promise((resolve) => setTimeout(resolve, 40));
      }
    };
    let results: Map<Order, Attempt>;
    try {
      results = await drive(shop.orders, async (order) => {
        const attempt = await pay(live.base, shop.device, order);
        if (attempt.status === 201 && ++acknowledged === startCutting) cutting = cutter();
        return attempt;
      });
    } finally {
      loadDone = true;
      await cutting;
      await admin.end();
    }

    assert.ok(live.alive, `the server survived its connections being ended:\n${live.log}`);
    assert.ok(
      cuts.midTransaction > 0,
      `at least one connection was ended inside a transaction (${JSON.stringify(cuts)})`,
    );
    for (const [order, attempt] of results) {
      if (attempt.status === 201) continue;
      assert.equal(
        attempt.status,
        503,
        `a payment whose connection was cut is answered 503: ${order.idempotencyKey} ${JSON.stringify(attempt)}`,
      );
      assert.equal(attempt.body?.error?.code, 'database_unavailable');
    }
    assert.equal((await call(live.base, 'GET', '/healthz')).status, 200, 'the server answers from fresh connections');

    const { paymentIds, retried, committedUnacknowledged } = await settle(shop, results);
    await assertBooks(shop, paymentIds);
    assert.ok(live.alive);
    t.diagnostic(
      `connection cuts: ${ORDERS} payments, ${CONCURRENCY} at a time; ${cuts.ended} connections ended in ${cuts.rounds} rounds, ${cuts.midTransaction} inside a transaction; ` +
        `answers ${JSON.stringify(tally(results))}; ${committedUnacknowledged} committed but unacknowledged; ${retried} retried, all paid once; ${Date.now() - began} ms in all`,
    );
  },
);
