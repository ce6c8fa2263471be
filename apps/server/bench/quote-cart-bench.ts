/**
 * How long the whole pricing pipeline takes to quote a member's cart when the merchant runs many promotions and the
 * member holds many coupons: member price → promotions (live ones read, limits counted, the best set chosen) →
 * coupons (the wallet read, the best combination chosen) → the unapplied coupons for the till. Database reads
 * included; nothing is written.
 *
 *   npx tsx apps/server/bench/quote-cart-bench.ts                     embedded PGlite (in memory)
 *   TEST_DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres npx tsx apps/server/bench/quote-cart-bench.ts
 *
 * Options: --promotions N (default 200), --coupons N (default 50), --lines N (default 20), --quotes N (default 500).
 * Run it on one core: `taskset -c 0 npx tsx …`.
 */
import { randomUUID } from 'node:crypto';
import { parseArgs } from 'node:util';
import { createSchemaTestDatabase } from '../test/database.ts';
import { servicesWithoutFaces } from '../test/services.ts';
import { createMember, createMerchant, createProvider, TEST_PASSWORD } from '../test/fixtures.ts';
import type { ApplicationMethod, PromotionRules } from '../src/modules/promotions/index.ts';
import type { PricingContext } from '../src/modules/checkout/index.ts';

const { values } = parseArgs({
  options: {
    promotions: { type: 'string', default: '200' },
    coupons: { type: 'string', default: '50' },
    lines: { type: 'string', default: '20' },
    quotes: { type: 'string', default: '500' },
  },
});
const promotionCount = Number(values.promotions);
const couponCount = Number(values.coupons);
const lineCount = Number(values.lines);
const quoteCount = Number(values.quotes);

const database = await createSchemaTestDatabase();
const db = database.db;
const shop = await createMerchant(db, await createProvider(db), 'quotebench');
const services = servicesWithoutFaces(db);
const admin = (await services.auth.login('quotebench-admin', TEST_PASSWORD)).staff;

const categories = ['snacks', 'drinks', 'dairy', 'bakery', 'frozen'];
const products: Array<{ id: string; name: string; priceFen: number; memberPriceFen: number | null; category: string }> =
  [];
for (let i = 0; i < 60; i++) {
  const priceFen = 300 + ((i * 137) % 4000);
  const product = await services.catalog.create(admin, shop.merchantId, {
    sku: `SKU${i}`,
    name: `商品${i}`,
    priceFen,
    memberPriceFen: i % 3 === 0 ? priceFen - 50 : null,
    category: categories[i % categories.length]!,
  });
  products.push({
    id: product.id,
    name: product.name,
    priceFen,
    memberPriceFen: product.member_price_fen,
    category: product.category!,
  });
}

/** A varied mix of what merchants run: every method, targets, tiers, schedules, limits and stacking. */
function offer(i: number): { rules: PromotionRules; method: ApplicationMethod } {
  const product = products[i % products.length]!;
  const category = categories[i % categories.length]!;
  switch (i % 7) {
    case 0:
      return {
        rules: { categories: [category] },
        method: { type: 'percent_off', target: 'items', percentOff: 5 + (i % 20) },
      };
    case 1:
      return {
        rules: { minCartFen: 3000 + (i % 5) * 1000 },
        method: { type: 'fixed_off', target: 'order', amountFen: 300 + (i % 5) * 100 },
      };
    case 2:
      return {
        rules: {},
        method: {
          type: 'threshold_off',
          tiers: [
            { thresholdFen: 5000, offFen: 500 },
            { thresholdFen: 10000, offFen: 1500 },
            { thresholdFen: 20000, offFen: 3500 },
          ],
        },
      };
    case 3:
      return {
        rules: { productIds: [product.id] },
        method: { type: 'buy_x_get_y', buyQuantity: 2, getQuantity: 1, percentOff: 100 },
      };
    case 4:
      return {
        rules: { productIds: [product.id] },
        method: { type: 'special_price', priceFen: Math.floor(product.priceFen / 2) },
      };
    case 5:
      return {
        rules: { categories: [category], minCartFen: 2000 },
        method: { type: 'free_gift', productId: products[(i + 1) % products.length]!.id, quantity: 1 },
      };
    default:
      return {
        rules: { weekdays: [1, 2, 3, 4, 5, 6, 7], hours: { from: '00:00', to: '23:59' } },
        method: { type: 'percent_off', target: 'order', percentOff: 3 },
      };
  }
}

for (let i = 0; i < promotionCount; i++) {
  const { rules, method } = offer(i);
  await services.promotions.create(admin, shop.merchantId, {
    name: `促销${i}`,
    rules,
    method,
    stacking: i % 4 === 0 ? 'exclusive' : 'stackable',
    priority: i % 10,
    startsAt: new Date(Date.now() - 3_600_000),
    endsAt: null,
    budget: i % 3 === 0 ? { kind: 'uses', limit: 1_000_000 } : i % 3 === 1 ? { kind: 'fen', limit: 100_000_000 } : null,
    perMemberLimit: i % 5 === 0 ? 100 : null,
    perMemberDailyLimit: i % 6 === 0 ? 10 : null,
    dailyLimit: i % 8 === 0 ? 100_000 : null,
  });
}

const member = await createMember(db, shop.merchantId, '13800000000');
const templates = [];
for (let i = 0; i < 25; i++) {
  const { rules, method } = offer(i + 1000);
  templates.push(
    await services.coupons.createTemplate(admin, shop.merchantId, {
      name: `券${i}`,
      rules,
      method,
      stacking: i % 5 === 0 ? 'exclusive' : 'stackable',
      priority: i % 3,
      validity: { kind: 'days', days: 30 },
      offlineOnly: false,
      perMemberCap: null,
    }),
  );
}
for (let i = 0; i < couponCount; i++) {
  await services.coupons.grant(admin, shop.merchantId, templates[i % templates.length]!.id, {
    memberId: member.id,
    reason: 'bench',
    idempotencyKey: randomUUID(),
  });
}

const context: PricingContext = {
  merchantId: shop.merchantId,
  storeId: shop.storeIds[0],
  memberId: member.id,
  lines: products.slice(0, lineCount).map((p, i) => ({
    productId: p.id,
    name: p.name,
    quantity: 1 + (i % 4),
    unitPriceFen: p.priceFen,
    memberPriceFen: p.memberPriceFen,
    category: p.category,
  })),
};

// Warm up (JIT, plans), then measure one quote at a time.
let quote = await services.pricing.quote(context);
for (let i = 0; i < 50; i++) await services.pricing.quote(context);
const times: number[] = [];
for (let i = 0; i < quoteCount; i++) {
  const started = performance.now();
  quote = await services.pricing.quote(context);
  times.push(performance.now() - started);
}
times.sort((a, b) => a - b);
const at = (p: number) => times[Math.min(times.length - 1, Math.floor(p * times.length))]!;
const steps = new Map<string, number>();
for (const a of quote.adjustments) steps.set(a.step, (steps.get(a.step) ?? 0) + 1);
console.log(
  JSON.stringify(
    {
      database: database.kind,
      promotions: promotionCount,
      coupons: couponCount,
      lines: lineCount,
      quotes: quoteCount,
      p50Ms: Number(at(0.5).toFixed(2)),
      p95Ms: Number(at(0.95).toFixed(2)),
      p99Ms: Number(at(0.99).toFixed(2)),
      maxMs: Number(times.at(-1)!.toFixed(2)),
      subtotalFen: context.lines.reduce((s, l) => s + l.unitPriceFen * l.quantity, 0),
      totalFen: quote.totalFen,
      adjustmentsByStep: Object.fromEntries(steps),
      couponsApplied: new Set(quote.adjustments.filter((a) => a.step === 'coupons').map((a) => a.source?.id)).size,
      couponsUnapplied: quote.unapplied.length,
    },
    null,
    2,
  ),
);
await database.close();
