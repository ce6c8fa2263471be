/**
 * The server as `npm start` runs it (embedded database in a fresh data folder, demo seeded, web apps built): what a
 * newcomer and a load balancer see in its first seconds.
 */
import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { loadConfig } from './config.ts';
import { banner, startServer, type RunningServer } from './server.ts';

let server: RunningServer;
/** Where the test reaches it (the banner's public URL says localhost, which may resolve to ::1). */
let base: string;
let dataDir: string;
let healthzRightAfterStart: Response;
let readyzRightAfterStart: Response;

before(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'shualian-start-'));
  server = await startServer({
    ...loadConfig({ SHUALIAN_DATA_DIR: dataDir, LOG_LEVEL: 'silent' }),
    port: 0,
    host: '127.0.0.1',
  });
  const address = server.app.server.address();
  base = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
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

  let ready: Response | undefined;
  for (let i = 0; i < 240 && ready?.status !== 200; i++) {
    ready = await fetch(`${base}/readyz`);
    if (ready.status !== 200) await new Promise((resolve) => setTimeout(resolve, 250));
  }
  assert.equal(ready?.status, 200, 'ready within a minute');
  assert.deepEqual(await ready!.json(), {
    status: 'ready',
    checks: { database: 'ok', migrations: 'ok', faceEngine: 'ok' },
  });
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
  for (const address of ['/kiosk/', '/member/?m=', '/console/', '/docs', '/openapi.json', '/healthz', '/readyz']) {
    assert.ok(text.includes(`${server.url}${address}`), `${address} in\n${text}`);
  }
  assert.match(text, /boss\s+merchant_admin/);
  assert.match(text, /shualian-demo/);
  assert.match(text, /sms outbox/i);
});
