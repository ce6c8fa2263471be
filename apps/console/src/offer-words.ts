import { formatFen, type Language } from '@shualian/web-kit';
import type { ResponseOf } from '@shualian/sdk';

export type PromotionView = ResponseOf<'listPromotions'>['promotions'][number];
export type CouponTemplateView = ResponseOf<'listCouponTemplates'>['templates'][number];
export type OfferMethod = PromotionView['method'];
export type OfferRules = PromotionView['rules'];

/** Whole yuan without ".00" (满50减10), cents only when there are some. */
function yuan(fen: number): string {
  const text = formatFen(fen);
  return text.endsWith('.00') ? text.slice(0, -3) : text;
}

/** "9折", "8.5折" from the percent taken off (10 → 9折, 15 → 8.5折). */
function zhe(percentOff: number): string {
  return `${((100 - percentOff) / 10).toString()}折`;
}

/**
 * What an offer takes off, the way a shop writes it: 满50减10, 9折, 第2件半价, 特价¥9.90. The wording lives here and
 * not in the messages because the numbers read differently in each language (9折 is "10% off").
 */
export function offerInWords(method: OfferMethod, lang: Language): string {
  const zh = lang === 'zh-CN';
  switch (method.type) {
    case 'percent_off': {
      const cap =
        method.maxDiscountFen === undefined
          ? ''
          : zh
            ? `，最多减${yuan(method.maxDiscountFen)}`
            : ` (up to ${yuan(method.maxDiscountFen)})`;
      if (zh)
        return `${method.target === 'order' ? '整单' : ''}${method.percentOff === 100 ? '免费' : zhe(method.percentOff)}${cap}`;
      return `${method.percentOff}% off${method.target === 'order' ? ' the order' : ''}${cap}`;
    }
    case 'fixed_off':
      if (zh)
        return method.target === 'order' ? `整单立减${yuan(method.amountFen)}` : `每件减${yuan(method.amountFen)}`;
      return method.target === 'order'
        ? `${yuan(method.amountFen)} off the order`
        : `${yuan(method.amountFen)} off each`;
    case 'threshold_off':
      return method.tiers
        .map((tier) =>
          zh
            ? `满${yuan(tier.thresholdFen)}减${yuan(tier.offFen)}`
            : `${yuan(tier.offFen)} off ${yuan(tier.thresholdFen)}`,
        )
        .join(zh ? ' ' : ', ');
    case 'buy_x_get_y': {
      const { buyQuantity: buy, getQuantity: get, percentOff } = method;
      if (zh) {
        const deal = percentOff === 100 ? '免费' : percentOff === 50 ? '半价' : zhe(percentOff);
        return get === 1 ? `第${buy + 1}件${deal}` : `买${buy}件，另${get}件${deal}`;
      }
      const deal = percentOff === 100 ? 'free' : percentOff === 50 ? 'half price' : `${percentOff}% off`;
      return `buy ${buy}, get ${get} ${deal}`;
    }
    case 'special_price':
      return zh ? `特价${yuan(method.priceFen)}` : `special price ${yuan(method.priceFen)}`;
    case 'free_gift':
      return zh ? `赠品 ${method.quantity} 件` : `${method.quantity} free gift${method.quantity === 1 ? '' : 's'}`;
    case 'points_multiplier':
      return zh ? `${method.multiplier}倍积分` : `${method.multiplier}× points`;
  }
}

const WEEKDAYS: Record<Language, string[]> = {
  'zh-CN': ['一', '二', '三', '四', '五', '六', '日'],
  en: ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'],
};

/** The conditions an offer holds under, in a line ("周六、日 · 10:00–14:00 · 满¥30可用"); empty when there are none. */
export function rulesInWords(rules: OfferRules, lang: Language): string {
  const zh = lang === 'zh-CN';
  const parts: string[] = [];
  if (rules.weekdays?.length) {
    const days = [...rules.weekdays].sort().map((d) => WEEKDAYS[lang][d - 1]);
    parts.push(zh ? `周${days.join('、')}` : days.join(', '));
  }
  if (rules.hours) parts.push(`${rules.hours.from}–${rules.hours.to}`);
  if (rules.minCartFen)
    parts.push(zh ? `满${yuan(rules.minCartFen)}可用` : `cart of ${yuan(rules.minCartFen)} or more`);
  if (rules.categories?.length)
    parts.push(zh ? `品类：${rules.categories.join('、')}` : `categories: ${rules.categories.join(', ')}`);
  if (rules.productIds?.length)
    parts.push(zh ? `指定 ${rules.productIds.length} 件商品` : `${rules.productIds.length} chosen products`);
  if (rules.memberTiers?.length)
    parts.push(zh ? `会员等级：${rules.memberTiers.join('、')}` : `tiers: ${rules.memberTiers.join(', ')}`);
  if (rules.firstPurchase) parts.push(zh ? '首单' : 'first purchase');
  return parts.join(' · ');
}

/** How the list colours a promotion's state: running is good news, paused and exhausted need a look. */
export function stateTone(state: PromotionView['state']): 'ok' | 'warn' | 'off' {
  switch (state) {
    case 'running':
      return 'ok';
    case 'scheduled':
    case 'paused':
    case 'exhausted':
      return 'warn';
    case 'ended':
      return 'off';
  }
}
