/**
 * Which offers apply together. Deterministic: the same cart and offers always give the same choice, whatever order
 * the offers were read in.
 *
 * Promotions (automatic): the eligible ones in order of priority (higher first), then the larger discount, then the
 * older (created first), then id. The first decides: an exclusive one applies alone; otherwise every stackable one
 * applies in that order, each on the prices the ones before it left, and exclusive ones further down are passed over.
 *
 * Coupons (from the member's wallet): at most one per template (its best coupon: the larger discount, then the one
 * that expires first). The best exclusive coupon alone is weighed against the stackable coupons together (taken in
 * the promotions' order); the larger total discount wins, an exclusive one on a tie (it spends one coupon).
 */
import { allocate, applyDiscounts, sum, type LineDiscounts, type OfferLine } from './promotion.rules.ts';
import type { Stacking } from './promotion.schema.ts';

export interface Candidate<T> {
  offer: T;
  id: string;
  stacking: Stacking;
  priority: number;
  /** Older first on a tie (a promotion's creation; a coupon's expiry). */
  tieBreak: number;
  /** Coupons of one template share it; at most one per group applies. */
  group?: string;
  /** The most it may still give, fen (what is left of a budget in fen); absent: no cap. */
  capFen?: number;
  discounts(lines: readonly OfferLine[]): LineDiscounts;
}

export interface Applied<T> {
  candidate: Candidate<T>;
  discounts: LineDiscounts;
}

/** The candidate's discounts on these lines, within its cap. */
function evaluate<T>(candidate: Candidate<T>, lines: readonly OfferLine[]): LineDiscounts {
  const discounts = candidate.discounts(lines);
  if (candidate.capFen === undefined) return discounts;
  const total = sum(discounts);
  if (total <= candidate.capFen) return discounts;
  return allocate(
    candidate.capFen,
    [...discounts].map(([productId, fen]) => ({ productId, category: null, quantity: 1, netFen: fen })),
  );
}

function order<T>(a: { candidate: Candidate<T>; total: number }, b: { candidate: Candidate<T>; total: number }) {
  return (
    b.candidate.priority - a.candidate.priority ||
    b.total - a.total ||
    a.candidate.tieBreak - b.candidate.tieBreak ||
    (a.candidate.id < b.candidate.id ? -1 : a.candidate.id > b.candidate.id ? 1 : 0)
  );
}

/** The eligible candidates (a discount above zero on these lines), in the documented order. */
export function ranked<T>(candidates: readonly Candidate<T>[], lines: readonly OfferLine[]) {
  const eligible: Array<{ candidate: Candidate<T>; total: number; discounts: LineDiscounts }> = [];
  for (const candidate of candidates) {
    const discounts = evaluate(candidate, lines);
    const total = sum(discounts);
    if (total > 0) eligible.push({ candidate, total, discounts });
  }
  return eligible.sort(order);
}

/** Applies stackable candidates in turn, each on the lines the ones before it left. */
function stack<T>(sorted: ReadonlyArray<{ candidate: Candidate<T> }>, lines: readonly OfferLine[]): Applied<T>[] {
  const applied: Applied<T>[] = [];
  let running = lines;
  for (const { candidate } of sorted) {
    if (candidate.stacking !== 'stackable') continue;
    const discounts = evaluate(candidate, running);
    if (sum(discounts) === 0) continue;
    applied.push({ candidate, discounts });
    running = applyDiscounts(running, discounts);
  }
  return applied;
}

/** The automatic promotions that apply: see the rule at the top of this file. */
export function choosePromotions<T>(candidates: readonly Candidate<T>[], lines: readonly OfferLine[]): Applied<T>[] {
  const eligible = ranked(candidates, lines);
  const first = eligible[0];
  if (!first) return [];
  if (first.candidate.stacking === 'exclusive') return [{ candidate: first.candidate, discounts: first.discounts }];
  return stack(eligible, lines);
}

/** The best coupons for the cart: see the rule at the top of this file. */
export function chooseCoupons<T>(candidates: readonly Candidate<T>[], lines: readonly OfferLine[]): Applied<T>[] {
  const eligible = ranked(candidates, lines);
  // One per template: its best coupon, by discount then the sooner expiry (ranked keeps that order within a group
  // once priority, shared by a template's coupons, is equal).
  const seen = new Set<string>();
  const best = eligible.filter(({ candidate }) => {
    const group = candidate.group ?? candidate.id;
    if (seen.has(group)) return false;
    seen.add(group);
    return true;
  });
  const exclusive = best
    .filter((e) => e.candidate.stacking === 'exclusive')
    .sort((a, b) => b.total - a.total || order(a, b))[0];
  const stacked = stack(best, lines);
  const stackedTotal = stacked.reduce((s, a) => s + sum(a.discounts), 0);
  if (exclusive && exclusive.total >= stackedTotal)
    return [{ candidate: exclusive.candidate, discounts: exclusive.discounts }];
  return stacked;
}

/**
 * The coupons the shopper chose, applied in the promotions' order; refuses two of one template or an exclusive one
 * with another (`conflict` names the coupons). Coupons that give nothing on this cart are returned as `inapplicable`.
 */
export function applyChosen<T>(
  candidates: readonly Candidate<T>[],
  lines: readonly OfferLine[],
): { applied: Applied<T>[]; inapplicable: Candidate<T>[]; conflict: Candidate<T>[] | null } {
  const groups = new Map<string, Candidate<T>>();
  for (const candidate of candidates) {
    const group = candidate.group ?? candidate.id;
    const other = groups.get(group);
    if (other) return { applied: [], inapplicable: [], conflict: [other, candidate] };
    groups.set(group, candidate);
  }
  const exclusive = candidates.find((c) => c.stacking === 'exclusive');
  if (exclusive && candidates.length > 1)
    return { applied: [], inapplicable: [], conflict: [exclusive, candidates.find((c) => c !== exclusive)!] };
  const eligible = ranked(candidates, lines);
  const inapplicable = candidates.filter((c) => !eligible.some((e) => e.candidate === c));
  if (exclusive)
    return {
      applied: eligible.map((e) => ({ candidate: e.candidate, discounts: e.discounts })),
      inapplicable,
      conflict: null,
    };
  return { applied: stack(eligible, lines), inapplicable, conflict: null };
}
