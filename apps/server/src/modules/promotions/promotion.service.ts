import { randomUUID } from 'node:crypto';
import type { StaffActor } from '../../platform/actors.ts';
import type { Db } from '../../platform/db/repository.ts';
import type { Transactions } from '../../platform/db/transactions.ts';
import { conflict, invalid, notFound } from '../../platform/domain-errors.ts';
import type { AuditAction, AuditService } from '../audit/index.ts';
import type { CatalogService } from '../catalog/index.ts';
import type { Adjustment, PricingContext, Settlement } from '../checkout/index.ts';
import type { TenancyService } from '../tenancy/index.ts';
import { choosePromotions, type Candidate } from './offer.selection.ts';
import type { Promotion, PromotionRepository } from './promotion.repository.ts';
import {
  businessDayOf,
  contextMatches,
  discountsOf,
  targetPrices,
  targets,
  validateOffer,
  type ApplicationMethod,
  type OfferContext,
  type OfferLine,
  type PromotionRules,
} from './promotion.rules.ts';
import type { Stacking } from './promotion.schema.ts';

export type { Promotion } from './promotion.repository.ts';

/**
 * Whether this is the member's first purchase: the container answers it from the payments it knows. With a payment
 * (a cart already paid, as points promotions see it): whether that payment was the member's first.
 */
export type FirstPurchase = (merchantId: string, memberId: string, paymentId?: string) => Promise<boolean>;

/** A cart as points promotions see it: who, where, when, and what the shopper pays for each line. */
export interface PointsCart {
  merchantId: string;
  storeId: string | null;
  memberId: string | null;
  /** The member's tier by name (promotions may target tiers). */
  memberTier: string | null;
  memberTags?: readonly string[];
  /** When it was (or is being) paid: weekdays and hours are read from it. */
  at: Date;
  /** What each line comes to after every discount, fen. */
  lines: ReadonlyArray<{ productId: string; category: string | null; quantity: number; paidFen: number }>;
  /** The payment, once made (a first-purchase rule asks whether it was the member's first). */
  paymentId?: string;
  /** Known already; absent: asked of the payments when a promotion needs it. */
  firstPurchase?: boolean;
}

/** The promotion that boosts a cart's points: its multiplier and the fen it boosts. None: multiplier 1, 0 fen. */
export interface PointsBoostResult {
  promotionId: string | null;
  /** The promotion's name, as the points history shows it ("周末双倍积分"). */
  label: string | null;
  multiplier: number;
  boostedFen: number;
}

/** A points promotion's multiplier in whole percent (2 → 200, 1.5 → 150): at most two decimals are kept. */
export function multiplierPercent(multiplier: number): number {
  return Math.round(multiplier * 100);
}

export interface PromotionInput {
  name: string;
  rules: PromotionRules;
  method: ApplicationMethod;
  stacking: Stacking;
  priority: number;
  startsAt: Date;
  endsAt: Date | null;
  /** A budget in uses (payments that applied it) or in fen (the discount it gave); null: none. */
  budget: { kind: 'uses' | 'fen'; limit: number } | null;
  perMemberLimit: number | null;
  perMemberDailyLimit: number | null;
  dailyLimit: number | null;
}

export type PromotionState = 'scheduled' | 'running' | 'ended' | 'paused' | 'exhausted';

export interface PromotionView {
  promotion: Promotion;
  state: PromotionState;
  uses: number;
  discountFen: number;
}

export const PROMOTION_STEP = 'promotions';

/** The cart's lines as offers see them: each line's total after the steps before, never below zero. */
export function offerLines(context: PricingContext, before: readonly Adjustment[]): OfferLine[] {
  const adjusted = new Map<string, number>();
  for (const a of before) adjusted.set(a.productId, (adjusted.get(a.productId) ?? 0) + a.amountFen);
  return context.lines.map((line) => ({
    productId: line.productId,
    category: line.category ?? null,
    quantity: line.quantity,
    netFen: Math.max(0, line.unitPriceFen * line.quantity + (adjusted.get(line.productId) ?? 0)),
  }));
}

export function offerContext(context: PricingContext, at: Date, firstPurchase: boolean): OfferContext {
  return {
    storeId: context.storeId ?? null,
    memberId: context.memberId,
    memberTier: context.memberTier ?? null,
    memberTags: context.memberTags ?? [],
    firstPurchase,
    at,
  };
}

/**
 * Promotions: the staff's use cases (create, change, schedule, pause and resume, list with usage and budget), what
 * applies to a cart (the pricing step), and spending their budgets and limits in the payment's transaction.
 */
export class PromotionService {
  /** What each merchant's live promotions say, by id, at the revision read (quotes read only what changed). */
  private readonly definitions = new Map<string, Map<string, Promotion>>();

  constructor(
    private readonly promotions: PromotionRepository,
    private readonly transactions: Transactions,
    private readonly tenancy: TenancyService,
    private readonly catalog: CatalogService,
    private readonly audit: AuditService,
    private readonly firstPurchase: FirstPurchase,
    private readonly now: () => Date = () => new Date(),
  ) {}

  async create(actor: StaffActor, merchantId: string, input: PromotionInput): Promise<Promotion> {
    await this.tenancy.merchantFor(actor, merchantId, 'promotion.manage');
    validate(input, await this.products(merchantId));
    const at = this.now();
    return this.transactions.run(async (trx) => {
      const promotion = await this.promotions.with(trx).insert({
        merchant_id: merchantId,
        id: randomUUID(),
        name: input.name,
        status: 'active',
        rules: input.rules,
        method: input.method,
        stacking: input.stacking,
        priority: input.priority,
        starts_at: input.startsAt,
        ends_at: input.endsAt,
        budget_kind: input.budget?.kind ?? 'none',
        budget_limit: input.budget?.limit ?? null,
        per_member_limit: input.perMemberLimit,
        per_member_daily_limit: input.perMemberDailyLimit,
        daily_limit: input.dailyLimit,
        created_by: actor.staffId,
        created_at: at,
        updated_at: at,
      });
      await this.record(trx, actor, merchantId, 'promotion.created', promotion.id, { ...input });
      return promotion;
    });
  }

  /** Changes what the patch names; carts priced from now on see it. A budget cannot go below what was spent. */
  async update(
    actor: StaffActor,
    merchantId: string,
    promotionId: string,
    patch: Partial<PromotionInput>,
  ): Promise<Promotion> {
    await this.tenancy.merchantFor(actor, merchantId, 'promotion.manage');
    // The catalogue is read before the transaction: a query outside it would wait for it on a single connection.
    const products = await this.products(merchantId);
    return this.transactions.run(async (trx) => {
      const repo = this.promotions.with(trx);
      const current = await repo.lock(merchantId, promotionId);
      if (!current) throw notFound('promotion_not_found', 'no such promotion in this merchant');
      const next: PromotionInput = { ...inputOf(current), ...patch };
      validate(next, products);
      if (next.budget && next.budget.kind !== current.budget_kind && current.budget_used > 0)
        throw conflict('budget_kind_locked', 'a budget that has been spent keeps its kind (uses or fen)');
      if (next.budget && next.budget.limit < current.budget_used)
        throw conflict('budget_below_used', 'the budget cannot be set below what has been spent', {
          usedSoFar: current.budget_used,
        });
      const updated = await repo.update(merchantId, promotionId, {
        name: next.name,
        rules: next.rules,
        method: next.method,
        stacking: next.stacking,
        priority: next.priority,
        starts_at: next.startsAt,
        ends_at: next.endsAt,
        budget_kind: next.budget?.kind ?? 'none',
        budget_limit: next.budget?.limit ?? null,
        budget_used: next.budget ? current.budget_used : 0,
        per_member_limit: next.perMemberLimit,
        per_member_daily_limit: next.perMemberDailyLimit,
        daily_limit: next.dailyLimit,
        updated_at: this.now(),
      });
      await this.record(trx, actor, merchantId, 'promotion.updated', promotionId, { changes: Object.keys(patch) });
      return updated;
    });
  }

  schedule(
    actor: StaffActor,
    merchantId: string,
    promotionId: string,
    window: { startsAt: Date; endsAt: Date | null },
  ): Promise<Promotion> {
    return this.update(actor, merchantId, promotionId, window);
  }

  /** Pauses (no cart is offered it from now on; payments already quoted with it are refused) or resumes it. */
  async setPaused(actor: StaffActor, merchantId: string, promotionId: string, paused: boolean): Promise<Promotion> {
    await this.tenancy.merchantFor(actor, merchantId, 'promotion.manage');
    return this.transactions.run(async (trx) => {
      const repo = this.promotions.with(trx);
      const current = await repo.lock(merchantId, promotionId);
      if (!current) throw notFound('promotion_not_found', 'no such promotion in this merchant');
      const status = paused ? 'paused' : 'active';
      if (current.status === status) return current;
      const updated = await repo.update(merchantId, promotionId, { status, updated_at: this.now() });
      await this.record(trx, actor, merchantId, paused ? 'promotion.paused' : 'promotion.resumed', promotionId, {});
      return updated;
    });
  }

  async list(
    actor: StaffActor,
    merchantId: string,
    filter: { status?: 'active' | 'paused'; limit: number },
  ): Promise<PromotionView[]> {
    await this.tenancy.merchantFor(actor, merchantId, 'promotion.read');
    const at = this.now();
    return (await this.promotions.list(merchantId, filter)).map((row) => viewOf(row, at));
  }

  /** One promotion with its usage, as the list shows it. */
  async view(actor: StaffActor, merchantId: string, promotionId: string): Promise<PromotionView> {
    await this.tenancy.merchantFor(actor, merchantId, 'promotion.read');
    const found = (await this.promotions.list(merchantId, { id: promotionId, limit: 1 }))[0];
    if (!found) throw notFound('promotion_not_found', 'no such promotion in this merchant');
    return viewOf(found, this.now());
  }

  /**
   * Which points promotion boosts the points of this cart, as it was paid (or is about to be): each running
   * `points_multiplier` promotion whose who/where/when rules match boosts what the shopper pays for the lines it
   * targets (every line when it names no products or categories), once those lines meet its minimum cart and quantity.
   * Points promotions do not stack: the one that adds the most points wins (the larger multiplier × the fen it boosts;
   * then the higher priority, then the older). It changes no price; the loyalty module reads it when it counts the
   * points a payment earns. None: multiplier 1, nothing boosted.
   */
  async pointsBoostFor(cart: PointsCart): Promise<PointsBoostResult> {
    const none: PointsBoostResult = { promotionId: null, label: null, multiplier: 1, boostedFen: 0 };
    const at = cart.at;
    const live = (await this.live(cart.merchantId, at)).filter((p) => p.method.type === 'points_multiplier');
    if (live.length === 0) return none;
    const first =
      live.some((p) => p.rules.firstPurchase) && cart.memberId
        ? (cart.firstPurchase ?? (await this.firstPurchase(cart.merchantId, cart.memberId, cart.paymentId)))
        : false;
    const offer: OfferContext = {
      storeId: cart.storeId,
      memberId: cart.memberId,
      memberTier: cart.memberTier,
      memberTags: cart.memberTags ?? [],
      firstPurchase: first,
      at,
    };
    let best: (PointsBoostResult & { extra: number; priority: number; createdAt: number }) | null = null;
    for (const p of live) {
      if (p.method.type !== 'points_multiplier' || !contextMatches(p.rules, offer)) continue;
      const targeted = cart.lines.filter((l) => l.paidFen > 0 && targets(p.rules, l.productId, l.category));
      if (targeted.length === 0) continue;
      const boostedFen = targeted.reduce((sum, l) => sum + l.paidFen, 0);
      const units = targeted.reduce((sum, l) => sum + l.quantity, 0);
      if (p.rules.minCartFen !== undefined && boostedFen < p.rules.minCartFen) continue;
      if (p.rules.minQuantity !== undefined && units < p.rules.minQuantity) continue;
      const multiplier = p.method.multiplier;
      const extra = (multiplierPercent(multiplier) - 100) * boostedFen;
      const createdAt = p.created_at.getTime();
      const better =
        !best ||
        extra > best.extra ||
        (extra === best.extra &&
          (p.priority > best.priority || (p.priority === best.priority && createdAt < best.createdAt)));
      if (better)
        best = { promotionId: p.id, label: p.name, multiplier, boostedFen, extra, priority: p.priority, createdAt };
    }
    if (!best) return none;
    const { promotionId, label, multiplier, boostedFen } = best;
    return { promotionId, label, multiplier, boostedFen };
  }

  /** The pricing step: the automatic promotions this cart gets (offer.selection.ts says which apply together). */
  async adjustmentsFor(context: PricingContext, before: readonly Adjustment[]): Promise<Adjustment[]> {
    const at = context.at ?? this.now();
    const live = (await this.live(context.merchantId, at)).filter((p) => p.method.type !== 'points_multiplier');
    if (live.length === 0) return [];
    const needsFirst = live.some((p) => p.rules.firstPurchase);
    const offer = offerContext(context, at, needsFirst ? await this.firstPurchaseOf(context) : false);
    const eligible = live.filter((p) => contextMatches(p.rules, offer));
    const day = businessDayOf(at);
    const limited = eligible.filter((p) => p.per_member_limit !== null || p.per_member_daily_limit !== null);
    const memberUses =
      context.memberId && limited.length
        ? await this.promotions.memberUses(
            context.merchantId,
            context.memberId,
            limited.map((p) => p.id),
            day,
          )
        : new Map<string, { total: number; today: number }>();
    const daily = eligible.filter((p) => p.daily_limit !== null);
    const dayUses = daily.length
      ? await this.promotions.dayUses(
          context.merchantId,
          daily.map((p) => p.id),
          day,
        )
      : new Map<string, number>();

    const candidates: Candidate<Promotion>[] = [];
    for (const p of eligible) {
      if (p.per_member_limit !== null || p.per_member_daily_limit !== null) {
        // A per-member limit needs to know the member.
        if (!context.memberId) continue;
        const used = memberUses.get(p.id) ?? { total: 0, today: 0 };
        if (p.per_member_limit !== null && used.total >= p.per_member_limit) continue;
        if (p.per_member_daily_limit !== null && used.today >= p.per_member_daily_limit) continue;
      }
      if (p.daily_limit !== null && (dayUses.get(p.id) ?? 0) >= p.daily_limit) continue;
      candidates.push({
        offer: p,
        id: p.id,
        stacking: p.stacking,
        priority: p.priority,
        tieBreak: p.created_at.getTime(),
        capFen: p.budget_kind === 'fen' ? p.budget_limit! - p.budget_used : undefined,
        discounts: (lines) => discountsOf(p.rules, p.method, lines),
      });
    }
    const applied = choosePromotions(candidates, offerLines(context, before));
    return applied.flatMap(({ candidate, discounts }) =>
      [...discounts].map(([productId, fen]) => ({
        step: PROMOTION_STEP,
        productId,
        amountFen: -fen,
        code: `promotion.${candidate.offer.method.type}`,
        label: candidate.offer.name,
        source: { kind: 'promotion', id: candidate.offer.id },
      })),
    );
  }

  /**
   * Spends what the paid cart used, in the payment's transaction: one use (and the discount, for a budget in fen)
   * of each promotion, decided on the promotion's locked row, so concurrent payments never pass a budget or a limit.
   * Throws when a promotion is gone (paused, ended, out of budget, the member's or the day's limit reached): the
   * payment then writes nothing and the till quotes again.
   */
  async settle(trx: Db, settlement: Settlement): Promise<void> {
    const { context, paymentId } = settlement;
    const at = this.now();
    const day = businessDayOf(at);
    const byPromotion = new Map<string, number>();
    for (const a of settlement.adjustments) {
      if (a.source?.kind !== 'promotion') continue;
      byPromotion.set(a.source.id, (byPromotion.get(a.source.id) ?? 0) - a.amountFen);
    }
    const repo = this.promotions.with(trx);
    // Always in id order, so two payments that use the same promotions lock them in the same order.
    for (const id of [...byPromotion.keys()].sort()) {
      const discountFen = byPromotion.get(id)!;
      const spent = await repo.spend(context.merchantId, id, { uses: 1, fen: discountFen }, at);
      if (!spent)
        throw conflict(
          'promotion_unavailable',
          'a promotion in this price has ended or run out; price the cart again',
          {
            promotionId: id,
          },
        );
      if (spent.per_member_limit !== null || spent.per_member_daily_limit !== null) {
        if (!context.memberId)
          throw conflict('promotion_unavailable', 'this promotion is for members', { promotionId: id });
        const used = (await repo.memberUses(context.merchantId, context.memberId, [id], day)).get(id) ?? {
          total: 0,
          today: 0,
        };
        if (
          (spent.per_member_limit !== null && used.total >= spent.per_member_limit) ||
          (spent.per_member_daily_limit !== null && used.today >= spent.per_member_daily_limit)
        )
          throw conflict('promotion_limit_reached', 'the member has used this promotion as often as it allows', {
            promotionId: id,
          });
      }
      if (
        spent.daily_limit !== null &&
        ((await repo.dayUses(context.merchantId, [id], day)).get(id) ?? 0) >= spent.daily_limit
      )
        throw conflict('promotion_limit_reached', 'this promotion has been used as often as it allows today', {
          promotionId: id,
        });
      await repo.recordUse({
        merchantId: context.merchantId,
        promotionId: id,
        paymentId,
        memberId: context.memberId,
        discountFen,
        businessDay: day,
        at,
      });
    }
  }

  /**
   * The promotions running now with their budgets as spent now. What a promotion says is kept in memory by revision
   * (any change raises it), so a quote reads ids and counters, and the whole row only of what changed.
   */
  private async live(merchantId: string, at: Date): Promise<Promotion[]> {
    const rows = await this.promotions.live(merchantId, at);
    const known = this.definitions.get(merchantId) ?? new Map<string, Promotion>();
    const stale = rows.filter((r) => known.get(r.id)?.revision !== r.revision).map((r) => r.id);
    const fresh = new Map<string, Promotion>();
    for (const p of await this.promotions.byIds(merchantId, stale)) fresh.set(p.id, p);
    const current = new Map<string, Promotion>();
    const result: Promotion[] = [];
    for (const row of rows) {
      const definition = fresh.get(row.id) ?? known.get(row.id);
      // Changed again between the two reads: its newest row is what was read.
      if (!definition || definition.status !== 'active') continue;
      current.set(row.id, definition);
      result.push({ ...definition, budget_used: row.budget_used });
    }
    this.definitions.set(merchantId, current);
    return result;
  }

  private async firstPurchaseOf(context: PricingContext): Promise<boolean> {
    if (context.firstPurchase !== undefined) return context.firstPurchase;
    if (!context.memberId) return false;
    return this.firstPurchase(context.merchantId, context.memberId);
  }

  private async products(merchantId: string): Promise<CatalogPrices> {
    return (await this.catalog.activeProducts(merchantId)).map((p) => ({
      id: p.id,
      category: p.category,
      priceFen: p.price_fen,
      memberPriceFen: p.member_price_fen,
    }));
  }

  private record(
    trx: Db,
    actor: StaffActor,
    merchantId: string,
    action: AuditAction,
    id: string,
    details: Record<string, unknown>,
  ) {
    return this.audit.recordStaffAction(actor, merchantId, action, { type: 'promotion', id }, details, trx);
  }
}

type CatalogPrices = Parameters<typeof targetPrices>[2];

function validate(input: PromotionInput, products: CatalogPrices): void {
  if (input.endsAt && input.endsAt <= input.startsAt)
    throw invalid('schedule_invalid', 'a promotion ends after it starts');
  if (input.budget && !(Number.isSafeInteger(input.budget.limit) && input.budget.limit >= 1))
    throw invalid('promotion_invalid', 'a budget is a whole number, 1 or more', { field: 'budget.limit' });
  validateOffer(input.rules, input.method, targetPrices(input.rules, input.method, products));
  // Points promotions change no price, so no payment spends their budget or counts their uses: they take neither.
  if (input.method.type === 'points_multiplier') {
    const limited = input.budget
      ? 'budget'
      : input.perMemberLimit !== null
        ? 'perMemberLimit'
        : input.perMemberDailyLimit !== null
          ? 'perMemberDailyLimit'
          : input.dailyLimit !== null
            ? 'dailyLimit'
            : null;
    if (limited)
      throw invalid(
        'promotion_invalid',
        'a points multiplier has no budget or use limits: it gives points, not money off',
        {
          field: limited,
        },
      );
  }
}

function inputOf(p: Promotion): PromotionInput {
  return {
    name: p.name,
    rules: p.rules,
    method: p.method,
    stacking: p.stacking,
    priority: p.priority,
    startsAt: p.starts_at,
    endsAt: p.ends_at,
    budget: p.budget_kind === 'none' ? null : { kind: p.budget_kind, limit: p.budget_limit! },
    perMemberLimit: p.per_member_limit,
    perMemberDailyLimit: p.per_member_daily_limit,
    dailyLimit: p.daily_limit,
  };
}

function viewOf(
  { uses, discount_fen, ...promotion }: Promotion & { uses: number | null; discount_fen: number | null },
  at: Date,
): PromotionView {
  return { promotion, state: stateOf(promotion, at), uses: Number(uses ?? 0), discountFen: Number(discount_fen ?? 0) };
}

export function stateOf(p: Promotion, at: Date): PromotionState {
  if (p.status === 'paused') return 'paused';
  if (p.ends_at && p.ends_at <= at) return 'ended';
  if (p.starts_at > at) return 'scheduled';
  if (p.budget_limit !== null && p.budget_used >= p.budget_limit) return 'exhausted';
  return 'running';
}
