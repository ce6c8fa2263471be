/**
 * The server as `npm start` runs it (embedded database in a fresh data folder, demo seeded, web apps built): what a
 * newcomer and a load balancer see in its first seconds.
 */
import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { isAbsolute, join, resolve } from 'node:path';
import { after, before, test } from 'node:test';
import { loadConfig } from './platform/config.ts';
import { DEMO_MEMBER } from './demo/demo-member.ts';
import { banner, startServer, type RunningServer } from './server.ts';

let server: RunningServer;
/** Where the test reaches it (the banner's public URL says localhost, which may resolve to ::1). */
let base: string;
let dataDir: string;
let healthzRightAfterStart: Response;
let readyzRightAfterStart: Response;

const start = async () => {
  server = await startServer({
    ...loadConfig({ SHUALIAN_DATA_DIR: dataDir, LOG_LEVEL: 'silent' }),
    port: 0,
    host: '127.0.0.1',
  });
  const address = server.app.server.address();
  base = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
};

async function untilReady(): Promise<Response | undefined> {
  let ready: Response | undefined;
  for (let i = 0; i < 480 && ready?.status !== 200; i++) {
    ready = await fetch(`${base}/readyz`);
    if (ready.status !== 200) await new Promise((resolve) => setTimeout(resolve, 250));
  }
  return ready;
}

before(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'shualian-start-'));
  await start();
  // Asked the moment the server listens: the face engine takes seconds to load after that.
  [healthzRightAfterStart, readyzRightAfterStart] = await Promise.all([
    fetch(`${base}/healthz`),
    fetch(`${base}/readyz`),
  ]);
});
after(async () => {
  await server?.stop();
  await rm(dataDir, { recursive: true, force: true });
});

test('liveness answers at once; readiness waits for the face engine and says what is pending', async () => {
  assert.equal(healthzRightAfterStart.status, 200);
  assert.equal(readyzRightAfterStart.status, 503);
  const notReady = (await readyzRightAfterStart.json()) as {
    error: { code: string; details: { checks: Record<string, string> } };
  };
  assert.equal(notReady.error.code, 'not_ready');
  assert.equal(notReady.error.details.checks.faceEngine, 'pending');
  assert.equal(notReady.error.details.checks.database, 'ok');
  assert.equal(notReady.error.details.checks.migrations, 'ok');
  assert.equal(notReady.error.details.checks.demoMember, 'pending');

  const ready = await untilReady();
  assert.equal(ready?.status, 200, 'ready within two minutes');
  assert.deepEqual(await ready!.json(), {
    status: 'ready',
    checks: { database: 'ok', migrations: 'ok', faceEngine: 'ok', demoMember: 'ok', backgroundWork: 'ok' },
  });
});

/** What the demo member has, read from the database. */
async function demoMemberState() {
  const db = server.database.db;
  const members = await db.selectFrom('members').selectAll().where('phone', '=', DEMO_MEMBER.phone).execute();
  assert.equal(members.length, 1, 'one demo member');
  const member = members[0]!;
  const count = async (table: 'face_templates' | 'consents') =>
    Number(
      (
        await db
          .selectFrom(table)
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .where('member_id', '=', member.id)
          .executeTakeFirstOrThrow()
      ).n,
    );
  const topUps = await db
    .selectFrom('ledger_transactions')
    .innerJoin('ledger_entries', 'ledger_entries.transaction_id', 'ledger_transactions.id')
    .innerJoin('ledger_accounts', 'ledger_accounts.id', 'ledger_entries.account_id')
    .select(['ledger_transactions.reason', 'ledger_transactions.staff_id', 'ledger_entries.amount_fen'])
    .where('ledger_transactions.kind', '=', 'top_up')
    .where('ledger_accounts.member_id', '=', member.id)
    .execute();
  const agreement = await db
    .selectFrom('payment_agreements')
    .selectAll()
    .where('member_id', '=', member.id)
    .executeTakeFirstOrThrow();
  return { member, templates: await count('face_templates'), consents: await count('consents'), topUps, agreement };
}

test('on first start the demo merchant has 演示会员: consent, a face enrolled, money from a staff top-up, 免密 on', async () => {
  const state = await demoMemberState();
  assert.equal(state.member.display_name, '演示会员');
  assert.equal(state.consents, 1);
  assert.ok(state.templates >= 1, 'a face template from the demo photo');
  assert.equal(state.topUps.length, 1);
  assert.ok(state.topUps[0]!.staff_id, 'the top-up names the staff member');
  assert.match(state.topUps[0]!.reason ?? '', /demo/);
  assert.equal(Math.abs(state.topUps[0]!.amount_fen), DEMO_MEMBER.openingBalanceFen);
  assert.equal(state.agreement.password_free, true);
  assert.ok(state.agreement.pin_hash);
});

test('the API docs work over plain HTTP from another machine: no upgrade to HTTPS, inline styles allowed', async () => {
  for (const path of ['/docs/static/index.html', '/docs/static/swagger-initializer.js']) {
    const response = await fetch(`${base}${path}`);
    assert.equal(response.status, 200, path);
    const policy = response.headers.get('content-security-policy') ?? '';
    assert.doesNotMatch(policy, /upgrade-insecure-requests/, `${path}: ${policy}`);
    assert.match(policy, /style-src 'self' 'unsafe-inline'/, `${path}: ${policy}`);
    assert.match(policy, /script-src 'self'(;|$)/, `${path}: ${policy}`);
  }
  // The rest of the server keeps the strict policy, and plain HTTP is not upgraded there either.
  const app = await fetch(`${base}/console/`);
  assert.doesNotMatch(app.headers.get('content-security-policy') ?? '', /upgrade-insecure-requests/);
});

test('the start-up banner names every app, the docs, both health checks and the demo logins', () => {
  const text = banner(server);
  for (const address of [
    '/kiosk/',
    '/entrance/',
    '/member/?m=',
    '/console/',
    '/docs',
    '/openapi.json',
    '/healthz',
    '/readyz',
  ]) {
    assert.ok(text.includes(`${server.url}${address}`), `${address} in\n${text}`);
  }
  assert.match(text, /boss\s+merchant_admin/);
  assert.match(text, /shualian-demo/);
  assert.match(text, /sms outbox/i);
  assert.ok(text.includes(DEMO_MEMBER.phone) && text.includes(DEMO_MEMBER.pin), 'the demo member and their PIN');
});

test('in the demo an SMS code is printed on the server console as a plain line, not only in the JSON logs', async () => {
  const printed: string[] = [];
  const log = console.log;
  console.log = (...args: unknown[]) => printed.push(args.map(String).join(' '));
  try {
    const asked = await fetch(`${base}/v1/members/otp`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ merchantCode: 'yabo', phone: '13911112222' }),
    });
    assert.equal(asked.status, 202);
  } finally {
    console.log = log;
  }
  const line = printed.find((l) => l.includes('13911112222'));
  assert.ok(line, `a console line for the phone in ${JSON.stringify(printed)}`);
  assert.match(line, /^\[sms outbox\] to 13911112222: .*\b\d{6}\b/);
  assert.throws(() => JSON.parse(line), 'a plain line, not JSON');
});

test('a restart on the same data folder does nothing twice and still names the demo', async () => {
  const before = await demoMemberState();
  await server.stop();
  await start();
  assert.equal((await untilReady())?.status, 200);
  const again = await demoMemberState();
  assert.equal(again.member.id, before.member.id);
  assert.equal(again.templates, before.templates);
  assert.equal(again.consents, 1);
  assert.equal(again.topUps.length, 1, 'one opening top-up');
  const text = banner(server);
  assert.match(text, /boss\s+merchant_admin/);
  assert.ok(text.includes(DEMO_MEMBER.phone));
});

test('the data folder is made absolute, so the default ./data serves the web apps wherever the server runs from', () => {
  const config = loadConfig({});
  assert.ok(isAbsolute(config.dataDir), config.dataDir);
  assert.equal(config.dataDir, resolve('./data'));
  assert.equal(loadConfig({ SHUALIAN_DATA_DIR: 'elsewhere/data' }).dataDir, resolve('elsewhere/data'));
});
