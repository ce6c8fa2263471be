import assert from 'node:assert/strict';
import type { Database } from '@shualian/db';
import type { Kysely } from 'kysely';
import { topUp } from '../src/modules/ledger/index.ts';
import type { PricingContext } from '../src/modules/checkout/index.ts';
import { insertFaceSession, randomFace, storeTemplate } from './face-sessions.ts';
import { createMember, updateSettings } from './fixtures.ts';
import { LedgerRepository } from './repositories.ts';
import {
  activateKiosk,
  createMerchant,
  createProvider,
  deviceRequest,
  login,
  type TestContext,
  type TestDevice,
  type TestMerchant,
} from './test-app.ts';

/**
 * A shop for the promotions specs: the merchant fixture's two products put in categories (鸭脖 2800, member price
 * 2500, in `snacks`; cola 350 in `drinks`), its admin's token and an activated kiosk of store 0.
 */
export interface PromotionShop {
  shop: TestMerchant;
  admin: string;
  kiosk: TestDevice;
  duck: string;
  cola: string;
}

export async function promotionShop(ctx: TestContext, code: string): Promise<PromotionShop> {
  const db = ctx.database.db;
  const shop = await createMerchant(db, await createProvider(db), code);
  const products = await db
    .selectFrom('products')
    .select(['id', 'sku'])
    .where('merchant_id', '=', shop.merchantId)
    .execute();
  const duck = products.find((p) => p.sku === 'A')!.id;
  const cola = products.find((p) => p.sku === 'B')!.id;
  await db
    .updateTable('products')
    .set({ category: 'snacks' })
    .where('merchant_id', '=', shop.merchantId)
    .where('id', '=', duck)
    .execute();
  await db
    .updateTable('products')
    .set({ category: 'drinks' })
    .where('merchant_id', '=', shop.merchantId)
    .where('id', '=', cola)
    .execute();
  await updateSettings(ctx.services, shop, { maxPaymentsPerMemberPerHour: 1000 });
  const admin = await login(ctx.app, `${code}-admin`);
  const kiosk = await activateKiosk(
    ctx.app,
    await login(ctx.app, `${code}-manager`),
    shop.merchantId,
    shop.storeIds[0],
  );
  return { shop, admin, kiosk, duck, cola };
}

/** Creates a promotion through the API as the merchant admin; fails the test when refused. */
export async function createPromotion(ctx: TestContext, s: PromotionShop, body: Record<string, unknown>) {
  const response = await ctx.app.inject({
    method: 'POST',
    url: `/v1/merchants/${s.shop.merchantId}/promotions`,
    headers: { authorization: s.admin },
    payload: { startsAt: new Date(Date.now() - 60_000).toISOString(), ...body },
  });
  assert.equal(response.statusCode, 201, response.body);
  return response.json() as { promotionId: string; [key: string]: unknown };
}

export async function createTemplate(ctx: TestContext, s: PromotionShop, body: Record<string, unknown>) {
  const response = await ctx.app.inject({
    method: 'POST',
    url: `/v1/merchants/${s.shop.merchantId}/coupon-templates`,
    headers: { authorization: s.admin },
    payload: { validity: { kind: 'days', days: 30 }, ...body },
  });
  assert.equal(response.statusCode, 201, response.body);
  return response.json() as { templateId: string; [key: string]: unknown };
}

/** A kiosk's quote of a cart (signed device request). */
export function kioskQuote(ctx: TestContext, s: PromotionShop, payload: Record<string, unknown>) {
  return deviceRequest(ctx.app, s.kiosk, {
    method: 'POST',
    url: `/v1/merchants/${s.shop.merchantId}/quotes`,
    payload,
  });
}

let phones = 0;
/** A member with face data, a PIN and a wallet funded with `fundsFen`. */
export async function payingMember(ctx: TestContext, s: PromotionShop, fundsFen = 1_000_000): Promise<string> {
  const phone = `1370${String(process.pid % 1000).padStart(3, '0')}${String(++phones).padStart(4, '0')}`;
  const member = await createMember(ctx.database.db, s.shop.merchantId, phone);
  await storeTemplate(
    ctx.services,
    ctx.database.db,
    { merchantId: s.shop.merchantId, memberId: member.id, phoneSuffix: phone.slice(-4) },
    randomFace(),
  );
  await ctx.database.db.transaction().execute(async (trx) => {
    const ledger = new LedgerRepository(trx);
    const wallet = await ledger.account(s.shop.merchantId, 'member_wallet', member.id);
    const clearing = await ledger.account(s.shop.merchantId, 'topup_clearing');
    await ledger.post(s.shop.merchantId, {
      ...topUp({ clearing: clearing.id, wallet: wallet.id }, fundsFen),
      reference: 'top_up:till',
    });
  });
  return member.id;
}

/**
 * A face session approved for the member, priced as the kiosk's createFaceSession prices it (the pipeline, before
 * the face is known) with the adjustments kept: what `createPayment` then settles.
 */
export async function pricedSession(
  ctx: TestContext,
  s: PromotionShop,
  memberId: string,
  items: Array<{ productId: string; quantity: number }>,
): Promise<{ sessionId: string; amountFen: number }> {
  const db: Kysely<Database> = ctx.database.db;
  const products = new Map((await ctx.services.catalog.activeProducts(s.shop.merchantId)).map((p) => [p.id, p]));
  const at = new Date();
  const context: PricingContext = {
    merchantId: s.shop.merchantId,
    storeId: s.shop.storeIds[0],
    memberId: null,
    at,
    lines: items.map(({ productId, quantity }) => {
      const p = products.get(productId)!;
      return {
        productId,
        name: p.name,
        quantity,
        unitPriceFen: p.price_fen,
        memberPriceFen: p.member_price_fen,
        category: p.category,
      };
    }),
    choices: { couponIds: [] },
  };
  const cart = await ctx.services.pricing.price(context);
  const sessionId = await insertFaceSession(ctx.services, db, {
    merchantId: s.shop.merchantId,
    storeId: s.shop.storeIds[0],
    deviceId: s.kiosk.deviceId,
    status: 'approved',
    memberId,
    amountFen: cart.totalFen,
    verification: 'face+pin',
  });
  await db
    .updateTable('face_sessions')
    .set({
      items: JSON.stringify(cart.lines),
      pricing: JSON.stringify({ at: at.toISOString(), adjustments: cart.adjustments }),
    })
    .where('merchant_id', '=', s.shop.merchantId)
    .where('id', '=', sessionId)
    .execute();
  return { sessionId, amountFen: cart.totalFen };
}

/** The kiosk pays an approved face session. */
export function payFaceSession(ctx: TestContext, s: PromotionShop, sessionId: string) {
  return deviceRequest(ctx.app, s.kiosk, {
    method: 'POST',
    url: '/v1/payments',
    payload: { faceSessionId: sessionId, idempotencyKey: `pay-${sessionId}` },
  });
}
