import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { MemberActor, StaffActor } from '../../platform/actors.ts';
import { assertError } from '../../../test/assertions.ts';
import {
  createMember,
  createMerchant,
  createProvider,
  createTestApp,
  login,
  type TestContext,
  type TestMerchant,
} from '../../../test/test-app.ts';

/**
 * Birthday gifts: the hourly job gives the member's tier's birthday coupon (source 'birthday', the tier as its reason) and
 * birthday points on their birthday, China time, once per member per year whatever the retries or a double run; a
 * tier without a gift, a member without a birthday or born another day get nothing; 29 February birthdays are kept
 * on 28 February in other years. The tier editor takes a coupon template of the merchant or none.
 */
// 2026-05-20 in China from 16:00 UTC the day before: 09:00 China time.
let clock = new Date('2026-05-20T01:00:00Z');
let ctx: TestContext;
let shop: TestMerchant;
let admin: StaffActor;
let adminToken: string;
let gift: string;
let silverOnly: string;

before(async () => {
  ctx = await createTestApp({}, { now: () => clock });
  shop = await createMerchant(ctx.database.db, await createProvider(ctx.database.db), 'gifts');
  admin = (await ctx.services.auth.login('gifts-admin', 'correct horse battery staple')).staff;
  adminToken = await login(ctx.app, 'gifts-admin');
  const template = (name: string) =>
    ctx.services.coupons.createTemplate(admin, shop.merchantId, {
      name,
      rules: { minCartFen: 5000 },
      method: { type: 'fixed_off', target: 'order', amountFen: 1000 },
      stacking: 'stackable',
      priority: 0,
      validity: { kind: 'days', days: 30 },
      offlineOnly: false,
      perMemberCap: null,
    });
  gift = (await template('生日券 满50减10')).id;
  silverOnly = (await template('银卡生日券')).id;
  // 普通 gives nothing on a birthday; 金卡 a coupon and 88 points.
  const tiers = await ctx.app.inject({
    method: 'PUT',
    url: `/v1/merchants/${shop.merchantId}/loyalty/tiers`,
    headers: { authorization: adminToken },
    payload: {
      tiers: [
        { name: '普通', threshold: 0, discountPercent: 0, pointsMultiplierPercent: 100, birthdayPoints: 0 },
        {
          name: '金卡',
          threshold: 100_000,
          discountPercent: 0,
          pointsMultiplierPercent: 100,
          birthdayPoints: 88,
          birthdayCouponTemplateId: gift,
        },
      ],
    },
  });
  assert.equal(tiers.statusCode, 200, tiers.body);
  assert.deepEqual(
    tiers.json().tiers.map((t: { birthdayCouponTemplateId: string | null }) => t.birthdayCouponTemplateId),
    [null, gift],
  );
});
after(() => ctx.close());

let phones = 0;
/** A member with a card at the tier of this rank, born on this day (null: no birthday given). */
async function member(rank: number, birthday: { month: number; day: number } | null): Promise<string> {
  const { id } = await createMember(ctx.database.db, shop.merchantId, `1381300${String(++phones).padStart(4, '0')}`);
  await ctx.services.memberCards.ensure(shop.merchantId, id);
  await ctx.database.db
    .updateTable('member_cards')
    .set({ tier_rank: rank })
    .where('merchant_id', '=', shop.merchantId)
    .where('member_id', '=', id)
    .execute();
  if (birthday) {
    const actor: MemberActor = { type: 'member', merchantId: shop.merchantId, memberId: id };
    await ctx.services.members.setMyBirthday(actor, birthday);
  }
  return id;
}

const couponsOf = (memberId: string) =>
  ctx.database.db
    .selectFrom('coupons')
    .select(['template_id', 'source', 'reason', 'issued_by', 'issue_key'])
    .where('merchant_id', '=', shop.merchantId)
    .where('member_id', '=', memberId)
    .execute();
const giftsOf = (memberId: string) =>
  ctx.database.db
    .selectFrom('birthday_gifts')
    .select(['year', 'business_day', 'coupon_template_id', 'points'])
    .where('merchant_id', '=', shop.merchantId)
    .where('member_id', '=', memberId)
    .orderBy('year')
    .execute();
const pointsOf = (memberId: string) => ctx.services.points.history(admin, shop.merchantId, memberId);

test('on the birthday: the tier’s coupon and points, once, however often the job runs, even two runs at once', async () => {
  clock = new Date('2026-05-20T01:00:00Z');
  const gold = await member(2, { month: 5, day: 20 });
  assert.equal(await ctx.services.birthdayGifts.giveDue(), 1);
  assert.deepEqual(await couponsOf(gold), [
    { template_id: gift, source: 'birthday', reason: '金卡', issued_by: null, issue_key: `birthday:${gold}:2026` },
  ]);
  assert.deepEqual(await giftsOf(gold), [
    { year: 2026, business_day: '2026-05-20', coupon_template_id: gift, points: 88 },
  ]);
  const points = await pointsOf(gold);
  assert.equal(points.balance, 88);
  assert.equal(points.history[0]!.occasion, 'birthday');
  // The member's wallet has it as a usable coupon.
  const wallet = await ctx.services.coupons.wallet({ type: 'member', merchantId: shop.merchantId, memberId: gold });
  assert.deepEqual(
    wallet.usable.map((c) => c.templateId),
    [gift],
  );

  // Again, later the same day, and two runs at once: nothing more.
  clock = new Date('2026-05-20T09:00:00Z');
  assert.equal(await ctx.services.birthdayGifts.giveDue(), 0);
  const both = await Promise.all([ctx.services.birthdayGifts.giveDue(), ctx.services.birthdayGifts.giveDue()]);
  assert.equal(both[0] + both[1], 0);
  assert.equal((await couponsOf(gold)).length, 1);
  assert.equal((await pointsOf(gold)).balance, 88);

  // A new member of that tier born today, asked of by two runs at once: exactly one gift.
  const twin = await member(2, { month: 5, day: 20 });
  const race = await Promise.all([ctx.services.birthdayGifts.giveDue(), ctx.services.birthdayGifts.giveDue()]);
  assert.equal(race[0] + race[1], 1);
  assert.equal((await couponsOf(twin)).length, 1);
  assert.equal((await pointsOf(twin)).balance, 88);
  assert.equal((await giftsOf(twin)).length, 1);

  // The next year, on the day: the year's gift again.
  clock = new Date('2027-05-20T01:00:00Z');
  adminToken = await login(ctx.app, 'gifts-admin');
  assert.equal(await ctx.services.birthdayGifts.giveDue(), 2);
  assert.deepEqual(
    (await giftsOf(gold)).map((g) => g.year),
    [2026, 2027],
  );
  assert.equal((await pointsOf(gold)).balance, 176);
});

test('the day is China’s: 23:30 UTC on 19 May is already 20 May in the shop', async () => {
  clock = new Date('2028-05-19T23:30:00Z');
  const early = await member(2, { month: 5, day: 20 });
  await ctx.services.birthdayGifts.giveDue();
  assert.deepEqual(
    (await giftsOf(early)).map((g) => g.business_day),
    ['2028-05-20'],
  );
});

test('nothing for a tier without a gift, a member without a birthday, or one born on another day', async () => {
  clock = new Date('2029-05-20T01:00:00Z');
  const plain = await member(1, { month: 5, day: 20 });
  const unknown = await member(2, null);
  const tomorrow = await member(2, { month: 5, day: 21 });
  await ctx.services.birthdayGifts.giveDue();
  for (const id of [plain, unknown, tomorrow]) {
    assert.deepEqual(await couponsOf(id), []);
    assert.deepEqual(await giftsOf(id), []);
    assert.equal((await pointsOf(id)).balance, 0);
  }

  // 普通 is given a birthday coupon later that day: the next run gives it (nothing was recorded before).
  const tiers = await ctx.app.inject({
    method: 'PUT',
    url: `/v1/merchants/${shop.merchantId}/loyalty/tiers`,
    headers: { authorization: (adminToken = await login(ctx.app, 'gifts-admin')) },
    payload: {
      tiers: [
        {
          name: '普通',
          threshold: 0,
          discountPercent: 0,
          pointsMultiplierPercent: 100,
          birthdayPoints: 0,
          birthdayCouponTemplateId: silverOnly,
        },
        {
          name: '金卡',
          threshold: 100_000,
          discountPercent: 0,
          pointsMultiplierPercent: 100,
          birthdayPoints: 88,
          birthdayCouponTemplateId: gift,
        },
      ],
    },
  });
  assert.equal(tiers.statusCode, 200, tiers.body);
  clock = new Date('2029-05-20T05:00:00Z');
  await ctx.services.birthdayGifts.giveDue();
  assert.deepEqual(
    (await couponsOf(plain)).map((c) => c.template_id),
    [silverOnly],
  );
  assert.deepEqual(await giftsOf(tomorrow), []);
});

test('a paused birthday coupon (and no points) gives nothing until it is resumed the same day', async () => {
  clock = new Date('2030-05-20T01:00:00Z');
  const plain = await member(1, { month: 5, day: 20 });
  await ctx.services.coupons.setTemplatePaused(admin, shop.merchantId, silverOnly, true);
  await ctx.services.birthdayGifts.giveDue();
  assert.deepEqual(await giftsOf(plain), []);
  await ctx.services.coupons.setTemplatePaused(admin, shop.merchantId, silverOnly, false);
  await ctx.services.birthdayGifts.giveDue();
  assert.deepEqual(
    (await giftsOf(plain)).map((g) => g.coupon_template_id),
    [silverOnly],
  );
});

test('born on 29 February: on 28 February in a year without a 29th, on the 29th in a leap year, once a year', async () => {
  const leapling = await member(2, { month: 2, day: 29 });
  clock = new Date('2031-02-27T01:00:00Z');
  await ctx.services.birthdayGifts.giveDue();
  assert.deepEqual(await giftsOf(leapling), []);
  clock = new Date('2031-02-28T01:00:00Z');
  await ctx.services.birthdayGifts.giveDue();
  clock = new Date('2031-03-01T01:00:00Z');
  await ctx.services.birthdayGifts.giveDue();
  assert.deepEqual(
    (await giftsOf(leapling)).map((g) => g.business_day),
    ['2031-02-28'],
  );
  clock = new Date('2032-02-28T01:00:00Z');
  await ctx.services.birthdayGifts.giveDue();
  assert.equal((await giftsOf(leapling)).length, 1, 'not on the 28th of a leap year');
  clock = new Date('2032-02-29T01:00:00Z');
  await ctx.services.birthdayGifts.giveDue();
  assert.deepEqual(
    (await giftsOf(leapling)).map((g) => g.business_day),
    ['2031-02-28', '2032-02-29'],
  );
});

test('the tier editor takes a coupon template of this merchant, or none; anything else is refused and writes nothing', async () => {
  adminToken = await login(ctx.app, 'gifts-admin');
  const other = await createMerchant(ctx.database.db, shop.providerId, 'gifts-other');
  const otherAdmin = (await ctx.services.auth.login('gifts-other-admin', 'correct horse battery staple')).staff;
  const foreign = await ctx.services.coupons.createTemplate(otherAdmin, other.merchantId, {
    name: '别家的券',
    rules: { minCartFen: 1000 },
    method: { type: 'fixed_off', target: 'order', amountFen: 100 },
    stacking: 'stackable',
    priority: 0,
    validity: { kind: 'days', days: 30 },
    offlineOnly: false,
    perMemberCap: null,
  });
  const before = await ctx.services.loyaltyProgram.tiers(admin, shop.merchantId);
  const define = (birthdayCouponTemplateId: unknown) =>
    ctx.app.inject({
      method: 'PUT',
      url: `/v1/merchants/${shop.merchantId}/loyalty/tiers`,
      headers: { authorization: adminToken },
      payload: {
        tiers: [
          { name: '普通', threshold: 0, discountPercent: 0, pointsMultiplierPercent: 100, birthdayPoints: 0 },
          {
            name: '金卡',
            threshold: 100_000,
            discountPercent: 0,
            pointsMultiplierPercent: 100,
            birthdayPoints: 0,
            birthdayCouponTemplateId,
          },
        ],
      },
    });
  for (const id of [foreign.id, '00000000-0000-4000-8000-000000000000']) {
    const refused = await define(id);
    assertError(refused, 400, 'tier_birthday_coupon_invalid');
    assert.equal(refused.json().error.details.index, 1);
  }
  assertError(await define('not-a-uuid'), 400, 'invalid_request');
  assert.deepEqual(await ctx.services.loyaltyProgram.tiers(admin, shop.merchantId), before);
  // "无": none.
  const none = await define(null);
  assert.equal(none.statusCode, 200, none.body);
  assert.equal(none.json().tiers[1].birthdayCouponTemplateId, null);
});
