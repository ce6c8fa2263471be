/**
 * What a promotion or a coupon template says, and what it gives on a cart: pure functions, no database.
 *
 * An offer (a promotion, or a coupon of a template) is rules (who, where, when, on what) and one application method
 * (what it takes off). Like Medusa's promotion module, an offer never changes the cart: it answers with per-line
 * discounts, which the pricing steps turn into adjustments. Order-level discounts (满减, money off the order) are
 * allocated across the lines they cover in proportion to each line's amount, in whole fen, the remainder on the
 * largest line, so a receipt line never shows a fraction and the lines always add up to the discount.
 */
import { invalid } from '../../platform/domain-errors.ts';

export interface PromotionRules {
  /** The products and categories the offer is about (its targets): a line matches either list; none: every line. */
  productIds?: string[];
  categories?: string[];
  /** Stores it runs in; none: every store. */
  storeIds?: string[];
  /** Member tiers (by name, as the loyalty module names them) it is for; none: everyone. */
  memberTiers?: string[];
  /** Member segment tags: the member has at least one of them. */
  memberTags?: string[];
  /** ISO weekdays, 1 Monday … 7 Sunday, China time. */
  weekdays?: number[];
  /** Hours of the day, China time, from inclusive to exclusive ("07:00"–"10:00"); from > to runs over midnight. */
  hours?: { from: string; to: string };
  /** Only the member's first purchase. */
  firstPurchase?: boolean;
  /** The targeted lines must come to at least this much (after the earlier steps' prices). */
  minCartFen?: number;
  /** At least this many units of the targeted lines. */
  minQuantity?: number;
}

/** What an offer takes off. `target: 'order'` allocates one discount across the targeted lines. */
export type ApplicationMethod =
  | { type: 'percent_off'; target: 'items' | 'order'; percentOff: number; maxDiscountFen?: number }
  | { type: 'fixed_off'; target: 'items' | 'order'; amountFen: number }
  | { type: 'threshold_off'; tiers: Array<{ thresholdFen: number; offFen: number }> }
  | { type: 'buy_x_get_y'; buyQuantity: number; getQuantity: number; percentOff: number }
  | { type: 'special_price'; priceFen: number }
  | { type: 'free_gift'; productId: string; quantity: number }
  | { type: 'points_multiplier'; multiplier: number };

/** A cart line as an offer sees it: its amount after the pricing steps before (never below zero). */
export interface OfferLine {
  productId: string;
  category: string | null;
  quantity: number;
  /** The line's total so far, fen. */
  netFen: number;
}

/** Who, where and when the cart is sold: what the rules look at besides the lines. */
export interface OfferContext {
  storeId: string | null;
  memberId: string | null;
  memberTier: string | null;
  memberTags: readonly string[];
  firstPurchase: boolean;
  at: Date;
}

/** An offer's discount on each line, positive fen; lines it does not touch are left out. */
export type LineDiscounts = Map<string, number>;

const CHINA_OFFSET_MS = 8 * 3_600_000;
const HOUR = /^([01][0-9]|2[0-3]):([0-5][0-9])$/;
const MAX_FEN = 1_000_000_000;

/** Refuses what can never apply sensibly; `prices` are the list prices of the products it could target. */
export function validateOffer(rules: PromotionRules, method: ApplicationMethod, prices: TargetPrices): void {
  const bad = (field: string, message: string) => invalid('promotion_invalid', message, { field });
  for (const day of rules.weekdays ?? [])
    if (!Number.isInteger(day) || day < 1 || day > 7) throw bad('rules.weekdays', 'weekdays are 1 (Monday) to 7');
  if (rules.hours) {
    if (!HOUR.test(rules.hours.from) || !HOUR.test(rules.hours.to) || rules.hours.from === rules.hours.to)
      throw bad('rules.hours', 'hours are two different times HH:MM');
  }
  if (rules.minCartFen !== undefined && !isFen(rules.minCartFen, 0))
    throw bad('rules.minCartFen', 'minCartFen is whole fen, 0 or more');
  if (rules.minQuantity !== undefined && !(Number.isInteger(rules.minQuantity) && rules.minQuantity >= 1))
    throw bad('rules.minQuantity', 'minQuantity is a whole number, 1 or more');
  const minCart = rules.minCartFen ?? 0;
  const belowZero = (message: string, details: Record<string, unknown> = {}) =>
    invalid('promotion_below_zero', message, details);

  switch (method.type) {
    case 'percent_off':
      if (!Number.isInteger(method.percentOff) || method.percentOff < 1 || method.percentOff > 100)
        throw bad('method.percentOff', 'percentOff is a whole percentage, 1 to 100');
      if (method.maxDiscountFen !== undefined && !isFen(method.maxDiscountFen, 1))
        throw bad('method.maxDiscountFen', 'maxDiscountFen is whole fen, 1 or more');
      return;
    case 'fixed_off':
      if (!isFen(method.amountFen, 1)) throw bad('method.amountFen', 'amountFen is whole fen, 1 or more');
      if (method.target === 'items' && prices.cheapestFen !== null && method.amountFen > prices.cheapestFen)
        throw belowZero('the amount off each unit is more than a product it targets costs', {
          cheapestFen: prices.cheapestFen,
        });
      if (method.target === 'items' && prices.cheapestFen === null)
        throw bad('rules.productIds', 'money off each unit needs products it can apply to');
      if (method.target === 'order' && method.amountFen > minCart)
        throw belowZero('money off the order needs a minimum cart (minCartFen) at least as large as the amount', {
          amountFen: method.amountFen,
          minCartFen: minCart,
        });
      return;
    case 'threshold_off': {
      if (method.tiers.length === 0) throw bad('method.tiers', 'a 满减 needs at least one tier');
      let last: { thresholdFen: number; offFen: number } | null = null;
      for (const tier of method.tiers) {
        if (!isFen(tier.thresholdFen, 1) || !isFen(tier.offFen, 1))
          throw bad('method.tiers', 'tiers are whole fen, 1 or more');
        if (tier.offFen > tier.thresholdFen)
          throw belowZero('a tier takes off more than its threshold', { thresholdFen: tier.thresholdFen });
        if (last && (tier.thresholdFen <= last.thresholdFen || tier.offFen <= last.offFen))
          throw bad('method.tiers', 'tiers go up: each threshold and each amount off above the one before');
        last = tier;
      }
      return;
    }
    case 'buy_x_get_y':
      if (!Number.isInteger(method.buyQuantity) || method.buyQuantity < 1 || method.buyQuantity > 99)
        throw bad('method.buyQuantity', 'buyQuantity is 1 to 99');
      if (!Number.isInteger(method.getQuantity) || method.getQuantity < 1 || method.getQuantity > 99)
        throw bad('method.getQuantity', 'getQuantity is 1 to 99');
      if (!Number.isInteger(method.percentOff) || method.percentOff < 1 || method.percentOff > 100)
        throw bad('method.percentOff', 'percentOff is a whole percentage, 1 to 100 (100: free)');
      return;
    case 'special_price':
      if (!isFen(method.priceFen, 0)) throw bad('method.priceFen', 'priceFen is whole fen, 0 or more');
      if (!rules.productIds?.length && !rules.categories?.length)
        throw bad('rules.productIds', 'a special price names the products or categories it is for');
      return;
    case 'free_gift':
      if (!Number.isInteger(method.quantity) || method.quantity < 1 || method.quantity > 99)
        throw bad('method.quantity', 'the gift quantity is 1 to 99');
      if (!prices.gift) throw bad('method.productId', 'the gift is not an active product of this merchant');
      return;
    case 'points_multiplier':
      if (
        !(Number.isFinite(method.multiplier) && method.multiplier >= 1.1 && method.multiplier <= 10) ||
        Math.abs(method.multiplier * 100 - Math.round(method.multiplier * 100)) > 1e-9
      )
        throw bad('method.multiplier', 'the points multiplier is 1.1 to 10, in hundredths at most (1.25, 2, 3)');
      return;
  }
}

/** The list prices an offer could meet, for the checks at save time. */
export interface TargetPrices {
  /** The lowest unit price (member price where lower) among the products it targets; null: none. */
  cheapestFen: number | null;
  /** The free gift is an active product. */
  gift: boolean;
}

export function targetPrices(
  rules: PromotionRules,
  method: ApplicationMethod,
  products: ReadonlyArray<{ id: string; category: string | null; priceFen: number; memberPriceFen: number | null }>,
): TargetPrices {
  let cheapest: number | null = null;
  for (const p of products) {
    if (!targets(rules, p.id, p.category)) continue;
    const price = Math.min(p.priceFen, p.memberPriceFen ?? p.priceFen);
    if (cheapest === null || price < cheapest) cheapest = price;
  }
  const gift = method.type === 'free_gift' && products.some((p) => p.id === method.productId);
  return { cheapestFen: cheapest, gift };
}

function isFen(value: number, min: number): boolean {
  return Number.isSafeInteger(value) && value >= min && value <= MAX_FEN;
}

export function targets(rules: PromotionRules, productId: string, category: string | null): boolean {
  const products = rules.productIds;
  const categories = rules.categories;
  if (!products?.length && !categories?.length) return true;
  return Boolean(products?.includes(productId) || (category !== null && categories?.includes(category)));
}

/** Whether who, where and when match (the cart's own conditions are checked by `discountsOf`). */
export function contextMatches(rules: PromotionRules, context: OfferContext): boolean {
  if (rules.storeIds?.length && (!context.storeId || !rules.storeIds.includes(context.storeId))) return false;
  if (rules.memberTiers?.length && (!context.memberTier || !rules.memberTiers.includes(context.memberTier)))
    return false;
  if (rules.memberTags?.length && !rules.memberTags.some((tag) => context.memberTags.includes(tag))) return false;
  if (rules.firstPurchase && !(context.memberId && context.firstPurchase)) return false;
  if (rules.weekdays?.length || rules.hours) {
    const local = new Date(context.at.getTime() + CHINA_OFFSET_MS);
    const weekday = local.getUTCDay() === 0 ? 7 : local.getUTCDay();
    if (rules.weekdays?.length && !rules.weekdays.includes(weekday)) return false;
    if (rules.hours) {
      const minute = local.getUTCHours() * 60 + local.getUTCMinutes();
      const from = minutesOf(rules.hours.from);
      const to = minutesOf(rules.hours.to);
      const inside = from < to ? minute >= from && minute < to : minute >= from || minute < to;
      if (!inside) return false;
    }
  }
  return true;
}

function minutesOf(hour: string): number {
  return Number(hour.slice(0, 2)) * 60 + Number(hour.slice(3, 5));
}

/** The business day (China time) of a moment, YYYY-MM-DD. */
export function businessDayOf(at: Date): string {
  return new Date(at.getTime() + CHINA_OFFSET_MS).toISOString().slice(0, 10);
}

/**
 * What the offer takes off each line of this cart, never more than a line's amount; empty when the cart does not
 * meet its rules. `valueFen` replaces a fixed amount (a coupon's own value, as a 刷脸红包 has).
 */
export function discountsOf(
  rules: PromotionRules,
  method: ApplicationMethod,
  lines: readonly OfferLine[],
  valueFen: number | null = null,
): LineDiscounts {
  const gift = method.type === 'free_gift' ? method.productId : null;
  const targeted = lines.filter((l) => l.productId !== gift && l.netFen > 0 && targets(rules, l.productId, l.category));
  const result: LineDiscounts = new Map();
  if (method.type !== 'free_gift' && targeted.length === 0) return result;
  const subtotal = targeted.reduce((sum, l) => sum + l.netFen, 0);
  const units = targeted.reduce((sum, l) => sum + l.quantity, 0);
  if (rules.minCartFen !== undefined && subtotal < rules.minCartFen) return result;
  if (rules.minQuantity !== undefined && units < rules.minQuantity) return result;

  switch (method.type) {
    case 'percent_off': {
      if (method.target === 'order') {
        let off = Math.floor((subtotal * method.percentOff) / 100);
        if (method.maxDiscountFen !== undefined) off = Math.min(off, method.maxDiscountFen);
        return allocate(off, targeted);
      }
      for (const line of targeted) add(result, line.productId, Math.floor((line.netFen * method.percentOff) / 100));
      if (method.maxDiscountFen !== undefined) {
        const total = sum(result);
        if (total > method.maxDiscountFen) return allocate(method.maxDiscountFen, targeted);
      }
      return result;
    }
    case 'fixed_off': {
      const amount = valueFen ?? method.amountFen;
      if (method.target === 'order') return allocate(Math.min(amount, subtotal), targeted);
      for (const line of targeted) add(result, line.productId, Math.min(amount * line.quantity, line.netFen));
      return result;
    }
    case 'threshold_off': {
      let off = 0;
      for (const tier of method.tiers) if (subtotal >= tier.thresholdFen) off = tier.offFen;
      return allocate(Math.min(off, subtotal), targeted);
    }
    case 'buy_x_get_y': {
      // Every group of buy + get units gives the cheapest `get` of the group off: the units, dearest first, are taken
      // in groups, so the shopper is given the cheaper ones, as shops do.
      const group = method.buyQuantity + method.getQuantity;
      const all = targeted
        .flatMap((line) => Array.from({ length: line.quantity }, () => line))
        .sort((a, b) => b.netFen / b.quantity - a.netFen / a.quantity || (a.productId < b.productId ? -1 : 1));
      const freeUnits = new Map<OfferLine, number>();
      for (let start = 0; start + group <= all.length; start += group) {
        for (let i = start + method.buyQuantity; i < start + group; i++)
          freeUnits.set(all[i]!, (freeUnits.get(all[i]!) ?? 0) + 1);
      }
      for (const [line, count] of freeUnits)
        add(result, line.productId, Math.floor((line.netFen * count * method.percentOff) / (line.quantity * 100)));
      return result;
    }
    case 'special_price': {
      for (const line of targeted) add(result, line.productId, line.netFen - method.priceFen * line.quantity);
      return result;
    }
    case 'free_gift': {
      const line = lines.find((l) => l.productId === gift && l.netFen > 0);
      if (!line) return result;
      const count = Math.min(method.quantity, line.quantity);
      add(
        result,
        line.productId,
        count === line.quantity ? line.netFen : Math.floor((line.netFen * count) / line.quantity),
      );
      return result;
    }
    case 'points_multiplier':
      return result;
  }
}

function add(discounts: LineDiscounts, productId: string, fen: number): void {
  if (fen > 0) discounts.set(productId, (discounts.get(productId) ?? 0) + fen);
}

export function sum(discounts: LineDiscounts): number {
  let total = 0;
  for (const fen of discounts.values()) total += fen;
  return total;
}

/**
 * Splits an order-level discount across lines in proportion to their amounts, in whole fen: each line its share
 * rounded down, the fen left over on the largest line (then the next largest, never above a line's amount).
 */
export function allocate(discountFen: number, lines: readonly OfferLine[]): LineDiscounts {
  const result: LineDiscounts = new Map();
  const total = lines.reduce((s, l) => s + l.netFen, 0);
  const off = Math.min(discountFen, total);
  if (off <= 0 || total <= 0) return result;
  const shares = lines.map((line) => Math.floor((line.netFen * off) / total));
  let left = off - shares.reduce((s, n) => s + n, 0);
  const order = lines.map((_, i) => i).sort((a, b) => lines[b]!.netFen - lines[a]!.netFen || a - b);
  for (const i of order) {
    if (left === 0) break;
    const room = lines[i]!.netFen - shares[i]!;
    const more = Math.min(room, left);
    shares[i]! += more;
    left -= more;
  }
  lines.forEach((line, i) => add(result, line.productId, shares[i]!));
  return result;
}

/** The lines after a set of discounts: each line's amount less what was taken off it. */
export function applyDiscounts(lines: readonly OfferLine[], discounts: LineDiscounts): OfferLine[] {
  return lines.map((line) => {
    const off = discounts.get(line.productId);
    return off ? { ...line, netFen: line.netFen - off } : line;
  });
}

/** What the shopper and the receipt read for an offer ("满100减15", "第2件半价", "8.5折"). */
export function describeMethod(method: ApplicationMethod): string {
  const yuan = (fen: number) => (fen % 100 === 0 ? String(fen / 100) : (fen / 100).toFixed(2).replace(/0$/, ''));
  switch (method.type) {
    case 'percent_off':
      return method.percentOff === 100 ? '免费' : `${((100 - method.percentOff) / 10).toString()}折`;
    case 'fixed_off':
      return method.target === 'order' ? `立减${yuan(method.amountFen)}元` : `每件减${yuan(method.amountFen)}元`;
    case 'threshold_off':
      return method.tiers.map((t) => `满${yuan(t.thresholdFen)}减${yuan(t.offFen)}`).join(' ');
    case 'buy_x_get_y':
      return method.percentOff === 100
        ? `买${method.buyQuantity}送${method.getQuantity}`
        : `买${method.buyQuantity}件第${method.buyQuantity + 1}件${((100 - method.percentOff) / 10).toString()}折`;
    case 'special_price':
      return `特价${yuan(method.priceFen)}元`;
    case 'free_gift':
      return '赠品';
    case 'points_multiplier':
      return `${method.multiplier}倍积分`;
  }
}
