import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { THRESHOLD_FIGURES, THRESHOLDS } from '@shualian/face-engine';
import { DEFAULT_MERCHANT_SETTINGS } from './merchant-settings.ts';
import { assertError } from '../../../test/assertions.ts';
import {
  createMerchant,
  createProvider,
  createTestApp,
  login,
  type TestContext,
  type TestMerchant,
} from '../../../test/test-app.ts';

let ctx: TestContext;
let alpha: TestMerchant;
let beta: TestMerchant;
let foreign: TestMerchant;

before(async () => {
  ctx = await createTestApp();
  const provider = await createProvider(ctx.database.db, 'settings-provider-admin');
  alpha = await createMerchant(ctx.database.db, provider, 'alpha');
  beta = await createMerchant(ctx.database.db, provider, 'beta');
  foreign = await createMerchant(ctx.database.db, await createProvider(ctx.database.db), 'foreign');
});
after(() => ctx.close());

const settingsUrl = (merchant: TestMerchant) => `/v1/merchants/${merchant.merchantId}/settings`;

async function read(merchant: TestMerchant, username: string) {
  return ctx.app.inject({
    method: 'GET',
    url: settingsUrl(merchant),
    headers: { authorization: await login(ctx.app, username) },
  });
}

async function patch(merchant: TestMerchant, username: string, payload: unknown) {
  return ctx.app.inject({
    method: 'PATCH',
    url: settingsUrl(merchant),
    headers: { authorization: await login(ctx.app, username) },
    payload: payload as object,
  });
}

async function settingsAuditEvents(merchant: TestMerchant) {
  return ctx.database.db
    .selectFrom('audit_events')
    .selectAll()
    .where('merchant_id', '=', merchant.merchantId)
    .where('action', '=', 'merchant.settings_updated')
    .orderBy('id')
    .execute();
}

describe('merchant settings', () => {
  test('both operations are in the OpenAPI document', async () => {
    const document = (await ctx.app.inject({ method: 'GET', url: '/openapi.json' })).json();
    const operations = document.paths['/v1/merchants/{merchantId}/settings'];
    assert.equal(operations.get.operationId, 'getMerchantSettings');
    assert.equal(operations.patch.operationId, 'updateMerchantSettings');
  });

  test('every store role reads the settings with the engine thresholds and their measured trade-off', async () => {
    for (const username of ['alpha-admin', 'alpha-manager', 'alpha-cashier', 'settings-provider-admin']) {
      const response = await read(alpha, username);
      assert.equal(response.statusCode, 200, response.body);
      const body = response.json();
      assert.equal(body.merchantId, alpha.merchantId);
      assert.deepEqual(body.settings, DEFAULT_MERCHANT_SETTINGS);
      assert.deepEqual(body.engine.thresholds, THRESHOLDS);
      assert.deepEqual(body.engine.measured, THRESHOLD_FIGURES);
      assert.deepEqual(body.devices, {
        activationCodeTtlHours: ctx.config.activationCodeTtlHours,
        deviceOfflineAfterSeconds: ctx.config.deviceOfflineAfterSeconds,
      });
    }
    const { measured } = (await read(alpha, 'alpha-admin')).json().engine;
    // lfw-dev, every pair (docs/benchmarks.md, "## Face template and open-set calibration (lfw-dev)")
    assert.equal(measured.dataset, 'lfw-dev');
    assert.deepEqual(measured.atMatch, { threshold: 0.946, trueAcceptRate: 0.856, falseAccepts: 250 });
    assert.deepEqual(measured.atHigh, { threshold: 0.957, trueAcceptRate: 0.645, falseAccepts: 28 });
    assert.deepEqual(measured.highestImpostor, { facesBbt: 0.9174, demoPhotos: 0.936 });
  });

  test('the view says what the pay-alone target costs at this gallery: the score needed, the members who reach it', async () => {
    const { settings, openSet } = (await read(foreign, 'foreign-admin')).json();
    assert.equal(settings.faceStrangerOneIn, 100_000);
    assert.deepEqual(openSet.gallery, { templates: 0, members: 0 });
    const current = openSet.targets.filter((t: { current: boolean }) => t.current);
    assert.equal(current.length, 1);
    assert.equal(current[0].oneIn, 100_000);
    // Stricter targets need higher scores and leave fewer members paying by face alone.
    const scores = openSet.targets.map((t: { payScore: number }) => t.payScore);
    assert.deepEqual(
      scores,
      [...scores].sort((a, b) => a - b),
    );
    for (const target of openSet.targets) {
      assert.ok(target.membersPayAloneAtMost >= 0 && target.membersPayAloneAtMost <= 1);
      if (target.payScore > 1) assert.equal(target.membersPayAloneAtMost, 0);
    }
    const changed = await patch(foreign, 'foreign-admin', { faceStrangerOneIn: 20_000 });
    assert.equal(changed.statusCode, 200, changed.body);
    assert.equal(changed.json().openSet.targets.find((t: { current: boolean }) => t.current).oneIn, 20_000);
    await patch(foreign, 'foreign-admin', { faceStrangerOneIn: 100_000 });
  });

  test('a merchant admin changes some settings; the rest stay, the change is audited with before and after', async () => {
    const response = await patch(alpha, 'alpha-admin', { maxPaymentFen: 80_000, facePayKillSwitch: true });
    assert.equal(response.statusCode, 200, response.body);
    assert.deepEqual(response.json().settings, {
      ...DEFAULT_MERCHANT_SETTINGS,
      maxPaymentFen: 80_000,
      facePayKillSwitch: true,
    });
    assert.deepEqual((await read(alpha, 'alpha-cashier')).json().settings, {
      ...DEFAULT_MERCHANT_SETTINGS,
      maxPaymentFen: 80_000,
      facePayKillSwitch: true,
    });

    const events = await settingsAuditEvents(alpha);
    assert.equal(events.length, 1);
    assert.equal(events[0]!.actor_type, 'staff');
    assert.equal(events[0]!.target_id, alpha.merchantId);
    assert.deepEqual(events[0]!.details, {
      changes: {
        maxPaymentFen: { from: DEFAULT_MERCHANT_SETTINGS.maxPaymentFen, to: 80_000 },
        facePayKillSwitch: { from: false, to: true },
      },
    });
    const listed = await ctx.app.inject({
      method: 'GET',
      url: `/v1/merchants/${alpha.merchantId}/audit-events`,
      headers: { authorization: await login(ctx.app, 'alpha-admin') },
    });
    assert.equal(listed.json().events[0].action, 'merchant.settings_updated');

    const again = await patch(alpha, 'alpha-admin', { maxPaymentFen: 80_000 });
    assert.equal(again.statusCode, 200);
    assert.equal(
      (await settingsAuditEvents(alpha)).length,
      1,
      'saving the same value again changes and audits nothing',
    );

    const restored = await patch(alpha, 'settings-provider-admin', { facePayKillSwitch: false });
    assert.equal(restored.statusCode, 200, 'the provider admin may change them too');
    assert.equal(restored.json().settings.facePayKillSwitch, false);
  });

  test('bad values are refused with the error shape and change nothing', async () => {
    const before = (await read(alpha, 'alpha-admin')).json().settings;
    const auditBefore = (await settingsAuditEvents(alpha)).length;
    const cases: Array<[unknown, string]> = [
      [{ maxPaymentFen: 1000, noSuchSetting: 1 }, 'setting_unknown'],
      [{ maxPaymentFen: '1000' }, 'setting_invalid'],
      [{ maxPaymentFen: true }, 'setting_invalid'],
      [{ facePayKillSwitch: 1 }, 'setting_invalid'],
      [{ facePayKillSwitch: 'true' }, 'setting_invalid'],
      [{ maxPaymentsPerMemberPerHour: -1 }, 'setting_invalid'],
      [{ rawImageRetentionDays: 1.5 }, 'setting_invalid'],
      // Below 1 in 10,000 strangers would be paid more often than the engine was shown to allow.
      [{ faceStrangerOneIn: 9_999 }, 'setting_invalid'],
      [{ defaultDailyLimitFen: null }, 'setting_invalid'],
      [{}, 'settings_empty'],
    ];
    for (const [payload, code] of cases) {
      assertError(await patch(alpha, 'alpha-admin', payload), 400, code);
    }
    assertError(await patch(alpha, 'alpha-admin', [1, 2]), 400, 'invalid_request');
    assert.deepEqual((await read(alpha, 'alpha-admin')).json().settings, before);
    assert.equal((await settingsAuditEvents(alpha)).length, auditBefore);
  });

  test('store managers and cashiers may read but not change the settings', async () => {
    for (const username of ['alpha-manager', 'alpha-cashier']) {
      assertError(await patch(alpha, username, { maxPaymentFen: 1 }), 403, 'forbidden');
    }
    assert.notEqual((await read(alpha, 'alpha-admin')).json().settings.maxPaymentFen, 1);
  });

  test("another merchant's staff cannot read or change them; another provider's merchant is not found", async () => {
    for (const username of ['beta-admin', 'beta-cashier']) {
      assertError(await read(alpha, username), 403, 'forbidden');
    }
    assertError(await patch(alpha, 'beta-admin', { maxPaymentFen: 1 }), 403, 'forbidden');
    assertError(await read(foreign, 'alpha-admin'), 404, 'merchant_not_found');
    assertError(await patch(foreign, 'settings-provider-admin', { maxPaymentFen: 1 }), 404, 'merchant_not_found');
    assertError(await ctx.app.inject({ method: 'GET', url: settingsUrl(alpha) }), 401, 'session_missing');
    assert.deepEqual((await read(beta, 'beta-admin')).json().settings, DEFAULT_MERCHANT_SETTINGS);
  });

  test('only the settings a merchant set are stored; the rest follow the defaults', async () => {
    await patch(beta, 'beta-admin', { maxPaymentFen: 1234, keepRawImages: true, rawImageRetentionDays: 7 });
    const merchant = await ctx.database.db
      .selectFrom('merchants')
      .select('settings')
      .where('id', '=', beta.merchantId)
      .executeTakeFirstOrThrow();
    assert.deepEqual(
      merchant.settings,
      { maxPaymentFen: 1234, keepRawImages: true, rawImageRetentionDays: 7 },
      'only what was set is stored',
    );
  });
});
