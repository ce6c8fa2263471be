import { parseYuan } from '@shualian/web-kit';
import type { RequestOf } from '@shualian/sdk';
import type { CouponTemplateView, OfferMethod, OfferRules, PromotionView } from './offer-words.ts';

/**
 * The promotion and coupon template forms as typed text, and the request bodies read from them. Every mistake is
 * found here, field by field (a message key per field), before anything is sent; the server still checks again.
 */
export type MethodType = 'percent_off' | 'fixed_off' | 'threshold_off' | 'buy_x_get_y' | 'special_price';
export const METHOD_TYPES: MethodType[] = ['percent_off', 'fixed_off', 'threshold_off', 'buy_x_get_y', 'special_price'];

export interface OfferDraft {
  type: MethodType | 'kept';
  /** A method the form cannot edit (free gift, points multiplier) is kept as it is. */
  kept?: OfferMethod;
  target: 'items' | 'order';
  percentOff: string;
  maxDiscount: string;
  amount: string;
  tiers: { threshold: string; off: string }[];
  buyQuantity: string;
  getQuantity: string;
  price: string;
  productIds: string;
  categories: string;
  weekdays: number[];
  hoursFrom: string;
  hoursTo: string;
  minCart: string;
  stacking: 'exclusive' | 'stackable';
  priority: string;
}

export interface PromotionDraft extends OfferDraft {
  name: string;
  startsAt: string;
  endsAt: string;
  budgetKind: '' | 'uses' | 'fen';
  budgetLimit: string;
  perMemberLimit: string;
  perMemberDailyLimit: string;
  dailyLimit: string;
}

export interface TemplateDraft extends OfferDraft {
  name: string;
  validityKind: 'days' | 'fixed';
  days: string;
  validFrom: string;
  validUntil: string;
  offlineOnly: boolean;
  perMemberCap: string;
}

/** Field name → message key of what is wrong with it. */
export type DraftErrors = Partial<Record<string, string>>;

const blankOffer: OfferDraft = {
  type: 'threshold_off',
  target: 'order',
  percentOff: '10',
  maxDiscount: '',
  amount: '',
  tiers: [{ threshold: '', off: '' }],
  buyQuantity: '1',
  getQuantity: '1',
  price: '',
  productIds: '',
  categories: '',
  weekdays: [],
  hoursFrom: '',
  hoursTo: '',
  minCart: '',
  stacking: 'stackable',
  priority: '0',
};

const fenText = (fen: number | undefined) => (fen === undefined ? '' : (fen / 100).toFixed(2));
const countText = (n: number | null | undefined) => (n === null || n === undefined ? '' : String(n));

/** "2026-12-03T10:00" in the browser's zone, as datetime-local inputs take it. */
export function localInput(iso: string): string {
  const d = new Date(iso);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

function offerDraftOf(method: OfferMethod, rules: OfferRules, stacking: OfferDraft['stacking'], priority: number) {
  const draft: OfferDraft = {
    ...blankOffer,
    productIds: (rules.productIds ?? []).join('\n'),
    categories: (rules.categories ?? []).join('、'),
    weekdays: rules.weekdays ?? [],
    hoursFrom: rules.hours?.from ?? '',
    hoursTo: rules.hours?.to ?? '',
    minCart: fenText(rules.minCartFen),
    stacking,
    priority: String(priority),
  };
  switch (method.type) {
    case 'percent_off':
      return {
        ...draft,
        type: method.type,
        target: method.target,
        percentOff: String(method.percentOff),
        maxDiscount: fenText(method.maxDiscountFen),
      };
    case 'fixed_off':
      return { ...draft, type: method.type, target: method.target, amount: fenText(method.amountFen) };
    case 'threshold_off':
      return {
        ...draft,
        type: method.type,
        tiers: method.tiers.map((t) => ({ threshold: fenText(t.thresholdFen), off: fenText(t.offFen) })),
      };
    case 'buy_x_get_y':
      return {
        ...draft,
        type: method.type,
        buyQuantity: String(method.buyQuantity),
        getQuantity: String(method.getQuantity),
        percentOff: String(method.percentOff),
      };
    case 'special_price':
      return { ...draft, type: method.type, price: fenText(method.priceFen) };
    default:
      return { ...draft, type: 'kept' as const, kept: method };
  }
}

export function newPromotionDraft(now = new Date()): PromotionDraft {
  return {
    ...blankOffer,
    name: '',
    startsAt: localInput(now.toISOString()),
    endsAt: '',
    budgetKind: '',
    budgetLimit: '',
    perMemberLimit: '',
    perMemberDailyLimit: '',
    dailyLimit: '',
  };
}

export function promotionDraftOf(p: PromotionView): PromotionDraft {
  return {
    ...offerDraftOf(p.method, p.rules, p.stacking, p.priority),
    name: p.name,
    startsAt: localInput(p.startsAt),
    endsAt: p.endsAt ? localInput(p.endsAt) : '',
    budgetKind: p.budget?.kind ?? '',
    budgetLimit: p.budget ? (p.budget.kind === 'fen' ? fenText(p.budget.limit) : String(p.budget.limit)) : '',
    perMemberLimit: countText(p.perMemberLimit),
    perMemberDailyLimit: countText(p.perMemberDailyLimit),
    dailyLimit: countText(p.dailyLimit),
  };
}

export function newTemplateDraft(): TemplateDraft {
  return {
    ...blankOffer,
    name: '',
    validityKind: 'days',
    days: '30',
    validFrom: '',
    validUntil: '',
    offlineOnly: false,
    perMemberCap: '',
  };
}

export function templateDraftOf(t: CouponTemplateView): TemplateDraft {
  return {
    ...offerDraftOf(t.method, t.rules, t.stacking, t.priority),
    ...newTemplateDraftValidity(t.validity),
    name: t.name,
    offlineOnly: t.offlineOnly,
    perMemberCap: countText(t.perMemberCap),
  };
}

function newTemplateDraftValidity(v: CouponTemplateView['validity']) {
  return v.kind === 'days'
    ? { validityKind: 'days' as const, days: String(v.days), validFrom: '', validUntil: '' }
    : { validityKind: 'fixed' as const, days: '', validFrom: localInput(v.from), validUntil: localInput(v.until) };
}

/** Reads typed text, noting what is wrong by field name. */
class Reader {
  readonly errors: DraftErrors = {};

  fen(field: string, text: string, min: number): number | undefined {
    const fen = parseYuan(text);
    if (fen === undefined || fen < min)
      this.errors[field] = min > 0 ? 'promoForm.error.amount' : 'promoForm.error.amountOrZero';
    return fen;
  }
  optionalFen(field: string, text: string, min: number): number | undefined {
    return text.trim() ? this.fen(field, text, min) : undefined;
  }
  count(field: string, text: string, min: number, max: number): number | undefined {
    const n = /^\s*\d{1,10}\s*$/.test(text) ? Number(text) : NaN;
    if (!(n >= min && n <= max)) this.errors[field] = 'promoForm.error.count';
    return Number.isNaN(n) ? undefined : n;
  }
  optionalCount(field: string, text: string, min: number, max: number): number | null {
    return text.trim() ? (this.count(field, text, min, max) ?? null) : null;
  }
  time(field: string, text: string): string | undefined {
    const ms = Date.parse(text);
    if (!text || Number.isNaN(ms)) {
      this.errors[field] = 'promoForm.error.time';
      return undefined;
    }
    return new Date(ms).toISOString();
  }
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const HOUR = /^([01][0-9]|2[0-3]):[0-5][0-9]$/;

/** Ids or names typed one a line or separated by commas (either width) or 、. */
export function listOf(text: string): string[] {
  return text
    .split(/[\s,，、]+/)
    .map((s) => s.trim())
    .filter(Boolean);
}

function readOffer(draft: OfferDraft, read: Reader) {
  let method: OfferMethod | undefined;
  switch (draft.type) {
    case 'percent_off': {
      const percentOff = read.count('percentOff', draft.percentOff, 1, 100);
      const maxDiscountFen = read.optionalFen('maxDiscount', draft.maxDiscount, 1);
      method = {
        type: 'percent_off',
        target: draft.target,
        percentOff: percentOff ?? 0,
        ...(maxDiscountFen ? { maxDiscountFen } : {}),
      };
      break;
    }
    case 'fixed_off':
      method = { type: 'fixed_off', target: draft.target, amountFen: read.fen('amount', draft.amount, 1) ?? 0 };
      break;
    case 'threshold_off': {
      const tiers = draft.tiers.map((tier, i) => ({
        thresholdFen: read.fen(`tiers.${i}.threshold`, tier.threshold, 1) ?? 0,
        offFen: read.fen(`tiers.${i}.off`, tier.off, 1) ?? 0,
      }));
      if (tiers.length === 0) read.errors.tiers = 'promoForm.error.noTiers';
      tiers.forEach((tier, i) => {
        const before = tiers[i - 1];
        if (tier.offFen > tier.thresholdFen) read.errors[`tiers.${i}.off`] ??= 'promoForm.error.tierAboveThreshold';
        else if (before && (tier.thresholdFen <= before.thresholdFen || tier.offFen <= before.offFen))
          read.errors[`tiers.${i}.threshold`] ??= 'promoForm.error.tiersUp';
      });
      method = { type: 'threshold_off', tiers };
      break;
    }
    case 'buy_x_get_y':
      method = {
        type: 'buy_x_get_y',
        buyQuantity: read.count('buyQuantity', draft.buyQuantity, 1, 99) ?? 0,
        getQuantity: read.count('getQuantity', draft.getQuantity, 1, 99) ?? 0,
        percentOff: read.count('percentOff', draft.percentOff, 1, 100) ?? 0,
      };
      break;
    case 'special_price':
      method = { type: 'special_price', priceFen: read.fen('price', draft.price, 0) ?? 0 };
      break;
    case 'kept':
      method = draft.kept;
      break;
  }

  const rules: OfferRules = {};
  const productIds = listOf(draft.productIds);
  if (productIds.some((id) => !UUID.test(id))) read.errors.productIds = 'promoForm.error.productIds';
  if (productIds.length) rules.productIds = productIds;
  const categories = listOf(draft.categories);
  if (categories.length) rules.categories = categories;
  if (draft.weekdays.length) rules.weekdays = [...draft.weekdays].sort();
  if (draft.hoursFrom || draft.hoursTo) {
    if (!HOUR.test(draft.hoursFrom) || !HOUR.test(draft.hoursTo)) read.errors.hours = 'promoForm.error.hours';
    else rules.hours = { from: draft.hoursFrom, to: draft.hoursTo };
  }
  const minCartFen = read.optionalFen('minCart', draft.minCart, 0);
  if (minCartFen) rules.minCartFen = minCartFen;
  if (draft.type === 'special_price' && !productIds.length && !categories.length)
    read.errors.productIds = 'promoForm.error.specialNeedsTargets';
  const priority = read.count('priority', draft.priority.replace(/^-/, ''), 0, 1000) ?? 0;
  return {
    method,
    rules,
    stacking: draft.stacking,
    priority: draft.priority.trim().startsWith('-') ? -priority : priority,
  };
}

export type PromotionBody = RequestOf<'createPromotion'>;
export type TemplateBody = RequestOf<'createCouponTemplate'>;

/** The body of createPromotion (and of updatePromotion, which takes the same fields), or what to correct. */
export function readPromotion(draft: PromotionDraft): { body?: PromotionBody; errors: DraftErrors } {
  const read = new Reader();
  if (!draft.name.trim()) read.errors.name = 'promoForm.error.name';
  const offer = readOffer(draft, read);
  const startsAt = read.time('startsAt', draft.startsAt);
  const endsAt = draft.endsAt ? read.time('endsAt', draft.endsAt) : undefined;
  if (startsAt && endsAt && endsAt <= startsAt) read.errors.endsAt = 'promoForm.error.endsBeforeStart';
  let budget: PromotionBody['budget'] = null;
  if (draft.budgetKind === 'uses')
    budget = { kind: 'uses', limit: read.count('budgetLimit', draft.budgetLimit, 1, 1_000_000_000) ?? 0 };
  if (draft.budgetKind === 'fen') budget = { kind: 'fen', limit: read.fen('budgetLimit', draft.budgetLimit, 1) ?? 0 };
  const body: PromotionBody = {
    name: draft.name.trim(),
    ...offer,
    method: offer.method!,
    startsAt: startsAt ?? '',
    endsAt: endsAt ?? null,
    budget,
    perMemberLimit: read.optionalCount('perMemberLimit', draft.perMemberLimit, 1, 1_000_000),
    perMemberDailyLimit: read.optionalCount('perMemberDailyLimit', draft.perMemberDailyLimit, 1, 1_000_000),
    dailyLimit: read.optionalCount('dailyLimit', draft.dailyLimit, 1, 1_000_000),
  };
  return Object.keys(read.errors).length ? { errors: read.errors } : { body, errors: {} };
}

/** The body of createCouponTemplate, or what to correct. */
export function readTemplate(draft: TemplateDraft): { body?: TemplateBody; errors: DraftErrors } {
  const read = new Reader();
  if (!draft.name.trim()) read.errors.name = 'promoForm.error.name';
  const offer = readOffer(draft, read);
  let validity: TemplateBody['validity'];
  if (draft.validityKind === 'days') validity = { kind: 'days', days: read.count('days', draft.days, 1, 3660) ?? 0 };
  else {
    const from = read.time('validFrom', draft.validFrom) ?? '';
    const until = read.time('validUntil', draft.validUntil) ?? '';
    if (from && until && until <= from) read.errors.validUntil = 'promoForm.error.endsBeforeStart';
    validity = { kind: 'fixed', from, until };
  }
  const body: TemplateBody = {
    name: draft.name.trim(),
    ...offer,
    method: offer.method!,
    validity,
    offlineOnly: draft.offlineOnly,
    perMemberCap: read.optionalCount('perMemberCap', draft.perMemberCap, 1, 1_000_000),
  };
  return Object.keys(read.errors).length ? { errors: read.errors } : { body, errors: {} };
}

/** Member ids pasted from a spreadsheet or a chat: one a line or comma separated, duplicates once; bad ones named. */
export function readMemberIds(text: string): { memberIds: string[]; invalid: string[] } {
  const all = [...new Set(listOf(text))];
  return { memberIds: all.filter((id) => UUID.test(id)), invalid: all.filter((id) => !UUID.test(id)) };
}
