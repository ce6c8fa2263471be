import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, test } from 'node:test';
import type { MemberActor } from '../../platform/actors.ts';
import { createMember } from '../../../test/fixtures.ts';
import { FaceTemplateRepository } from '../../../test/repositories.ts';
import {
  createMerchant,
  createProvider,
  createTestApp,
  login,
  type TestContext,
  type TestMerchant,
} from '../../../test/test-app.ts';

/**
 * The staff's member list shows, beside each member, whether biometric consent is in force and whether face data is
 * enrolled: asked of the consent and biometrics modules for the whole page at once, the paging and filter unchanged.
 */
let ctx: TestContext;
let shop: TestMerchant;
let other: TestMerchant;
let cashier: string;

before(async () => {
  ctx = await createTestApp();
  const provider = await createProvider(ctx.database.db);
  shop = await createMerchant(ctx.database.db, provider, 'listing');
  other = await createMerchant(ctx.database.db, provider, 'elsewhere');
  cashier = await login(ctx.app, 'listing-cashier');
});
after(() => ctx.close());

async function member(merchant: TestMerchant, phone: string): Promise<MemberActor> {
  const row = await createMember(ctx.database.db, merchant.merchantId, phone);
  return { type: 'member', merchantId: merchant.merchantId, memberId: row.id };
}

async function consent(actor: MemberActor): Promise<void> {
  const document = await ctx.services.consents.document(actor.merchantId);
  await ctx.services.consents.grant(actor, { version: document.version, textSha256: document.sha256 });
}

/** A stored template, as enrollment leaves one (the list never reads what is sealed in it). */
async function template(actor: MemberActor): Promise<void> {
  await new FaceTemplateRepository(ctx.database.db).insertTemplates(actor.merchantId, actor.memberId, 'test', {}, [
    { templateId: randomUUID(), sealed: { keyVersion: 1, ciphertext: 'sealed' } },
  ]);
}

type Listed = { memberId: string; maskedPhone: string; consent: boolean; enrolled: boolean; createdAt: string };

async function list(query = ''): Promise<Listed[]> {
  const response = await ctx.app.inject({
    method: 'GET',
    url: `/v1/merchants/${shop.merchantId}/members${query}`,
    headers: { authorization: cashier },
  });
  assert.equal(response.statusCode, 200, response.body);
  return response.json().members;
}

test('each member shows consent in force and face data enrolled, each known on its own', async () => {
  const both = await member(shop, '13600001111');
  await consent(both);
  await template(both);
  const consentOnly = await member(shop, '13600002222');
  await consent(consentOnly);
  const enrolledOnly = await member(shop, '13600003333');
  await template(enrolledOnly);
  const withdrawn = await member(shop, '13600004444');
  await consent(withdrawn);
  await ctx.services.consents.withdraw(withdrawn);
  const neither = await member(shop, '13600005555');
  // Another merchant's consent and face data for the same person say nothing about this merchant's member.
  const elsewhere = await member(other, '13600005555');
  await consent(elsewhere);
  await template(elsewhere);

  const listed = await list();
  const flags = (actor: MemberActor) => {
    const found = listed.find((m) => m.memberId === actor.memberId);
    assert.ok(found, `member ${actor.memberId} listed`);
    return { consent: found.consent, enrolled: found.enrolled };
  };
  assert.deepEqual(flags(both), { consent: true, enrolled: true });
  assert.deepEqual(flags(consentOnly), { consent: true, enrolled: false });
  assert.deepEqual(flags(enrolledOnly), { consent: false, enrolled: true });
  assert.deepEqual(flags(withdrawn), { consent: false, enrolled: false });
  assert.deepEqual(flags(neither), { consent: false, enrolled: false });
  assert.equal(listed.length, 5, 'only the merchant’s own members');
});

test('newest first, a page of `limit`, and the phone-suffix filter', async () => {
  const all = await list();
  const times = all.map((m) => Date.parse(m.createdAt));
  assert.deepEqual(
    times,
    [...times].sort((a, b) => b - a),
  );
  assert.deepEqual(await list('?limit=2'), all.slice(0, 2));
  const bySuffix = await list('?phoneSuffix=2222');
  assert.deepEqual(
    bySuffix.map((m) => [m.maskedPhone.slice(-4), m.consent, m.enrolled]),
    [['2222', true, false]],
  );
  assert.deepEqual(await list('?phoneSuffix=9999'), []);
});
