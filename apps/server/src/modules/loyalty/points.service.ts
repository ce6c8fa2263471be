import { randomUUID } from 'node:crypto';
import type { MemberActor, StaffActor } from '../../platform/actors.ts';
import type { Db } from '../../platform/db/repository.ts';
import type { Transactions } from '../../platform/db/transactions.ts';
import { conflict, forbidden, invalid, notFound } from '../../platform/domain-errors.ts';
import type { AuditService } from '../audit/index.ts';
import type { Adjustment, CartLine } from '../checkout/index.ts';
import type { LedgerService } from '../ledger/index.ts';
import type { MemberService } from '../members/index.ts';
import type { TenancyService } from '../tenancy/index.ts';
import type { LoyaltyRepository, ProgramRules } from './loyalty.repository.ts';
import { remainingByLine } from './loyalty-pricing.steps.ts';
import { pointsEarned, pointsToTakeBack, redemption, tierFor } from './loyalty.rules.ts';
import { tierOfRank, type MemberCardService } from './member-card.service.ts';

export const POINTS_ADJUSTMENT_RULES = { maxPoints: 1_000_000, maxReasonLength: 200 };

/** A line of a cart as points see it: what the shopper pays for it after every discount, fen. */
export interface BoostLine {
  productId: string;
  category: string | null;
  quantity: number;
  paidFen: number;
}

/** A cart, paid or about to be, as a points promotion weighs it. */
export interface PointsBoostContext {
  merchantId: string;
  memberId: string;
  storeId: string | null;
  /** The member's tier by name (promotions may target tiers); null: none. */
  memberTier: string | null;
  at: Date;
  lines: readonly BoostLine[];
  /** The payment, once it is made. */
  paymentId?: string;
}

/** The points promotion that boosts a cart: its multiplier (2 for 双倍积分) on `boostedFen`. None: 1 and 0. */
export interface PointsBoostOffer {
  promotionId: string | null;
  label: string | null;
  multiplier: number;
  boostedFen: number;
}

/**
 * The port through which loyalty asks which points promotion boosts a cart (the promotions module answers; the
 * container fills it). Loyalty knows no promotion: only the multiplier, the fen it applies to, and its name.
 */
export type PointsBoost = (context: PointsBoostContext) => Promise<PointsBoostOffer>;

/** What the kiosk's greeting shows of points for a priced cart (see `PointsService.outlook`). */
export interface PointsOutlook {
  /** The member's points now. */
  balance: number;
  /** What paying `totalFen` for this cart would earn (the tier's and a points promotion's multipliers). */
  toEarn: number;
  /** The most points the shopper could redeem on this cart, in whole redeemable units. */
  maxRedeemPoints: number;
  /** Points that take one yuan off (the programme's rate). */
  pointsPerYuanOff: number;
  /** Points the cart already redeems. */
  redeemedPoints: number;
}

const REDEMPTION_STEP = 'points_redemption';
const EARN_REFERENCE = 'points_earn:';
/** The ledger reference of birthday points: `points_birthday:<member>:<year>`. */
export const BIRTHDAY_REFERENCE = 'points_birthday:';

/** The points a redemption adjustment spends (its source names them: `<member id>:<points>`). */
function redeemedBy(adjustment: Adjustment): number {
  const count = (adjustment.source?.id ?? '').split(':')[1] ?? '';
  return /^\d+$/.test(count) ? Number(count) : 0;
}

/** When points earned at `at` expire under the programme: `points_expiry_months` later (same day of month), or never. */
export function expiryOf(program: Pick<ProgramRules, 'points_expiry_months'>, at: Date): Date | null {
  if (program.points_expiry_months === null) return null;
  const expires = new Date(at);
  expires.setUTCMonth(expires.getUTCMonth() + program.points_expiry_months);
  return expires;
}

/**
 * Points on their own double-entry accounts (the ledger's `member_points` against `points_program`), and as FIFO lots
 * for expiry. Earned after a payment and taken back after a refund (both once per event, however often it is
 * delivered), expired by policy, redeemed at checkout, adjusted by staff. A member's balance never goes below zero:
 * every movement out is decided against the balance row, locked in the transaction that moves it.
 */
export class PointsService {
  constructor(
    private readonly loyalty: LoyaltyRepository,
    private readonly transactions: Transactions,
    private readonly members: MemberService,
    private readonly ledger: LedgerService,
    private readonly cards: MemberCardService,
    private readonly tenancy: TenancyService,
    private readonly audit: AuditService,
    private readonly boost: PointsBoost,
    private readonly now: () => Date = () => new Date(),
  ) {}

  /**
   * `payment.completed`: points for the amount paid (see `pointsEarned`: the rate, the member's tier multiplier at the
   * time and a points promotion running for the cart as it was paid: its lines, store, member and time), the payment
   * counted for tiers, and the tier moved up if this payment crossed a threshold. Once per payment: a redelivery, or
   * two at once, finds the payment's row and earns nothing (null). Which promotion boosted the points is kept with the
   * payment (the points history shows its name).
   */
  async earnOnPayment(input: {
    merchantId: string;
    paymentId: string;
    memberId: string;
    amountFen: number;
    paidAt: Date;
    storeId?: string | null;
    /** The paid lines; absent (an event from before they were carried): no promotion on products boosts it. */
    lines?: readonly BoostLine[];
  }): Promise<{ points: number; promotionId: string | null } | null> {
    const { merchantId, memberId, paymentId } = input;
    // Read before the transaction (promotions and payments are asked on their own connections).
    const card = await this.cards.ensure(merchantId, memberId);
    if (await this.loyalty.hasPayment(merchantId, paymentId)) return null;
    const estimate = await this.estimate({
      merchantId,
      memberId,
      tierRank: card.tier_rank,
      storeId: input.storeId ?? null,
      at: input.paidAt,
      lines: input.lines ?? [],
      amountFen: input.amountFen,
      paymentId,
    });
    const { points, boost } = estimate;
    return this.transactions.run(async (trx) => {
      const loyalty = this.loyalty.with(trx);
      const claimed = await loyalty.insertPayment({
        merchantId,
        paymentId,
        memberId,
        amountFen: input.amountFen,
        pointsEarned: points,
        paidAt: input.paidAt,
        boost,
      });
      if (!claimed) return null;
      if (points > 0) {
        await this.ledger.movePoints(trx, {
          merchantId,
          memberId,
          kind: 'points_earn',
          points,
          reference: `points_earn:${paymentId}`,
        });
        await loyalty.insertLot({
          merchant_id: merchantId,
          id: randomUUID(),
          member_id: memberId,
          source: `payment:${paymentId}`,
          points,
          remaining: points,
          earned_at: input.paidAt,
          expires_at: expiryOf(estimate.program, input.paidAt),
        });
      }
      await this.cards.reassess(trx, merchantId, memberId, 'payment');
      return { points, promotionId: boost?.promotionId ?? null };
    });
  }

  /**
   * Points for the kiosk's greeting on a priced cart (writes nothing): the balance; what paying `totalFen` would earn,
   * decided exactly as `earnOnPayment` then decides it (the lines as they will be paid, the member's tier, a points
   * promotion); the most points the shopper could redeem (their balance, capped by the merchant's share of the cart as
   * it stood before the points step, in whole redeemable units: redeeming them through the pricing pipeline takes off
   * what `redemption` says); the programme's rate; and the points the cart already redeems.
   */
  async outlook(input: {
    merchantId: string;
    memberId: string;
    storeId: string | null;
    at: Date;
    lines: readonly CartLine[];
    adjustments: readonly Adjustment[];
    totalFen: number;
  }): Promise<PointsOutlook> {
    const { merchantId, memberId } = input;
    const [card, balance] = await Promise.all([
      this.loyalty.card(merchantId, memberId),
      this.balance(merchantId, memberId),
    ]);
    const context = { merchantId, memberId, lines: input.lines };
    const paid = remainingByLine(context, input.adjustments);
    const byProduct = new Map(input.lines.map((l) => [l.productId, l]));
    const estimate = await this.estimate({
      merchantId,
      memberId,
      // A member without a card yet gets one, at the tier a new card starts at, when the payment is credited.
      tierRank: card?.tier_rank ?? null,
      storeId: input.storeId,
      at: input.at,
      lines: paid.map((l) => ({
        productId: l.productId,
        category: byProduct.get(l.productId)?.category ?? null,
        quantity: byProduct.get(l.productId)?.quantity ?? 0,
        paidFen: l.remainingFen,
      })),
      amountFen: input.totalFen,
    });
    const { program } = estimate;
    const mostRedeemable = redemption(
      remainingByLine(
        context,
        input.adjustments.filter((a) => a.step !== REDEMPTION_STEP),
      ),
      {
        requested: balance,
        balance,
        pointsPerYuanOff: program.points_per_yuan_off,
        maxRedeemPercent: program.max_redeem_percent,
      },
    );
    return {
      balance,
      toEarn: estimate.points,
      maxRedeemPoints: mostRedeemable.points,
      pointsPerYuanOff: program.points_per_yuan_off,
      redeemedPoints: input.adjustments
        .filter((a) => a.step === REDEMPTION_STEP)
        .reduce((sum, a) => sum + redeemedBy(a), 0),
    };
  }

  /** The points a cart earns for a member of this rank (one rule for the payment and the greeting's outlook). */
  private async estimate(cart: {
    merchantId: string;
    memberId: string;
    /** The card's rank; null: no card yet (the rank a new card starts at). */
    tierRank: number | null;
    storeId: string | null;
    at: Date;
    lines: readonly BoostLine[];
    amountFen: number;
    paymentId?: string;
  }) {
    const [program, tiers] = await Promise.all([
      this.loyalty.program(cart.merchantId),
      this.loyalty.tiers(cart.merchantId),
    ]);
    const rank = cart.tierRank ?? tierFor(tiers, 0);
    const tier = tierOfRank(tiers, rank);
    const tierPercent = tier?.points_multiplier_percent ?? 100;
    const offer = await this.boost({
      merchantId: cart.merchantId,
      memberId: cart.memberId,
      storeId: cart.storeId,
      memberTier: rank > 0 ? (tier?.name ?? null) : null,
      at: cart.at,
      lines: cart.lines,
      ...(cart.paymentId !== undefined && { paymentId: cart.paymentId }),
    });
    const percent = Math.round(offer.multiplier * 100);
    const boostedFen = Math.min(Math.max(0, offer.boostedFen), Math.max(0, cart.amountFen));
    const boost =
      offer.promotionId && offer.label !== null && percent > 100 && boostedFen > 0
        ? { promotionId: offer.promotionId, label: offer.label, percent, boostedFen }
        : null;
    const points = pointsEarned({
      amountFen: cart.amountFen,
      pointsPerYuan: program.points_per_yuan,
      tierPercent,
      boostPercent: boost?.percent ?? 100,
      boostedFen: boost?.boostedFen ?? 0,
    });
    return { program, points, boost };
  }

  /**
   * `refund.completed`: takes back the points of what was refunded (see `pointsToTakeBack`), from the member's balance
   * but never below zero: what they already spent is recorded as the refund's shortfall and not taken again. Once per
   * refund. Null when the refund was already handled or its payment earned nothing here.
   */
  async reverseOnRefund(input: {
    merchantId: string;
    paymentId: string;
    refundId: string;
    refundedFen: number;
  }): Promise<{ due: number; reversed: number; shortfall: number } | null> {
    const { merchantId, paymentId } = input;
    return this.transactions.run(async (trx) => {
      const loyalty = this.loyalty.with(trx);
      const payment = await loyalty.paymentForUpdate(merchantId, paymentId);
      if (!payment) return null;
      const refundedFen = Math.min(payment.amount_fen, Math.max(payment.refunded_fen, input.refundedFen));
      const due = Math.max(
        0,
        pointsToTakeBack(payment.points_earned, payment.amount_fen, refundedFen) - payment.points_reversed,
      );
      const balance = await this.ledger.lockPoints(trx, merchantId, payment.member_id);
      const reversed = Math.min(due, balance);
      const claimed = await loyalty.insertReversal({
        merchantId,
        refundId: input.refundId,
        paymentId,
        memberId: payment.member_id,
        pointsDue: due,
        pointsReversed: reversed,
        at: this.now(),
      });
      if (!claimed) return null;
      if (reversed > 0) {
        await this.ledger.movePoints(trx, {
          merchantId,
          memberId: payment.member_id,
          kind: 'points_reverse',
          points: -reversed,
          reference: `points_reverse:${input.refundId}`,
        });
        await this.consumeLots(trx, merchantId, payment.member_id, reversed, `payment:${paymentId}`);
      }
      await loyalty.updatePaymentRefund(merchantId, paymentId, refundedFen, payment.points_reversed + due);
      return { due, reversed, shortfall: due - reversed };
    });
  }

  /**
   * Expires every lot whose time has come (the recurring job): per member, in one transaction with their balance
   * locked, the lots' remaining points leave the balance. Returns the points expired.
   */
  async expire(): Promise<number> {
    const at = this.now();
    let expired = 0;
    for (;;) {
      const due = await this.loyalty.membersWithExpiredLots(at, 200);
      if (!due.length) return expired;
      for (const { merchant_id: merchantId, member_id: memberId } of due) {
        expired += await this.transactions.run(async (trx) => {
          const balance = await this.ledger.lockPoints(trx, merchantId, memberId);
          const loyalty = this.loyalty.with(trx);
          const lots = (await loyalty.openLots(merchantId, memberId)).filter(
            (lot) => lot.expires_at && lot.expires_at.getTime() <= at.getTime(),
          );
          for (const lot of lots) await loyalty.setLotRemaining(merchantId, lot.id, 0);
          const points = Math.min(
            balance,
            lots.reduce((sum, lot) => sum + lot.remaining, 0),
          );
          if (points > 0)
            await this.ledger.movePoints(trx, {
              merchantId,
              memberId,
              kind: 'points_expire',
              points: -points,
              reference: `points_expire:${at.toISOString()}`,
            });
          return points;
        });
      }
    }
  }

  /** Staff give or take points, with a reason, audited; taking more than the balance is refused. Idempotent by key. */
  async adjust(
    actor: StaffActor,
    input: { merchantId: string; memberId: string; points: number; reason: string; idempotencyKey: string },
  ): Promise<{ transactionId: string; points: number; balance: number }> {
    await this.tenancy.merchantFor(actor, input.merchantId, 'loyalty.points_adjust');
    if (
      !Number.isSafeInteger(input.points) ||
      input.points === 0 ||
      Math.abs(input.points) > POINTS_ADJUSTMENT_RULES.maxPoints
    )
      throw invalid(
        'points_invalid',
        `points must be a whole number other than 0, at most ${POINTS_ADJUSTMENT_RULES.maxPoints} either way`,
      );
    const reason = input.reason?.trim() ?? '';
    if (!reason) throw invalid('reason_required', 'say why the points are adjusted');
    if (reason.length > POINTS_ADJUSTMENT_RULES.maxReasonLength)
      throw invalid('reason_too_long', `the reason is at most ${POINTS_ADJUSTMENT_RULES.maxReasonLength} characters`);
    const { idempotencyKey, ...request } = { ...input, reason };
    return this.transactions.once(
      { merchantId: input.merchantId, scope: 'points_adjust', key: idempotencyKey, request },
      async (trx) => {
        if (!(await this.members.find(input.merchantId, input.memberId, trx)))
          throw notFound('member_not_found', 'no such member');
        await this.cards.ensure(input.merchantId, input.memberId, trx);
        const before = await this.ledger.lockPoints(trx, input.merchantId, input.memberId);
        if (input.points < 0 && -input.points > before)
          throw conflict('points_insufficient', 'the member has fewer points than that', { balance: before });
        const { transactionId, balanceFen: balance } = await this.ledger.movePoints(trx, {
          merchantId: input.merchantId,
          memberId: input.memberId,
          kind: 'points_adjust',
          points: input.points,
          reference: `points_adjust:${actor.staffId}`,
          staffId: actor.staffId,
          reason,
        });
        if (input.points > 0) {
          const at = this.now();
          await this.loyalty.with(trx).insertLot({
            merchant_id: input.merchantId,
            id: randomUUID(),
            member_id: input.memberId,
            source: `adjustment:${transactionId}`,
            points: input.points,
            remaining: input.points,
            earned_at: at,
            expires_at: expiryOf(await this.loyalty.with(trx).program(input.merchantId), at),
          });
        } else await this.consumeLots(trx, input.merchantId, input.memberId, -input.points);
        await this.audit.record(
          {
            merchantId: input.merchantId,
            actorType: 'staff',
            actorId: actor.staffId,
            action: 'loyalty.points_adjusted',
            targetType: 'member',
            targetId: input.memberId,
            details: { transactionId, points: input.points, balance, reason },
          },
          trx,
        );
        return { transactionId, points: input.points, balance };
      },
    );
  }

  /**
   * Spends points a payment redeemed, inside the payment's transaction, decided against the locked balance: when
   * another payment spent them first, `points_insufficient` and the payment writes nothing.
   */
  async spend(trx: Db, input: { merchantId: string; memberId: string; points: number; paymentId: string }) {
    const balance = await this.ledger.lockPoints(trx, input.merchantId, input.memberId);
    if (balance < input.points)
      throw conflict('points_insufficient', 'the member no longer has the points this cart redeems', {
        balance,
        redeemed: input.points,
      });
    await this.ledger.movePoints(trx, {
      merchantId: input.merchantId,
      memberId: input.memberId,
      kind: 'points_redeem',
      points: -input.points,
      reference: `points_redeem:${input.paymentId}`,
    });
    await this.consumeLots(trx, input.merchantId, input.memberId, input.points);
  }

  /** The balance (unlocked: a quote), for the redemption step. */
  async balance(merchantId: string, memberId: string): Promise<number> {
    return (await this.ledger.points(merchantId, memberId)).balance;
  }

  async history(actor: StaffActor | MemberActor, merchantId: string, memberId: string, limit = 50) {
    if (actor.type === 'member') {
      if (actor.merchantId !== merchantId || actor.memberId !== memberId)
        throw forbidden('forbidden', 'a member sees only their own points');
    } else await this.tenancy.merchantFor(actor, merchantId, 'member.read');
    const [points, reversals] = await Promise.all([
      this.ledger.points(merchantId, memberId, limit),
      this.loyalty.reversals(merchantId, memberId),
    ]);
    const paymentOf = (reference: string | null) =>
      reference?.startsWith(EARN_REFERENCE) ? reference.slice(EARN_REFERENCE.length) : null;
    const boosts = await this.loyalty.boostsOf(
      merchantId,
      points.history.map((h) => paymentOf(h.reference)).filter((id): id is string => id !== null),
    );
    return {
      memberId,
      balance: points.balance,
      /** Points refunds could not take back because they were already spent. */
      shortfall: reversals.reduce((sum, r) => sum + r.shortfall, 0),
      history: points.history.map((h) => {
        const boost = boosts.get(paymentOf(h.reference) ?? '');
        return {
          ...h,
          at: h.at.toISOString(),
          // What gave points besides a payment: a birthday.
          occasion: h.reference?.startsWith(BIRTHDAY_REFERENCE) ? ('birthday' as const) : null,
          // The points promotion that boosted an earn ("双倍积分"), with its multiplier.
          boost: boost
            ? { promotionId: boost.promotionId, label: boost.label, multiplier: boost.multiplierPercent / 100 }
            : null,
        };
      }),
    };
  }

  /** Takes points out of the member's lots, `first` lot (a refunded payment's own) first, then oldest first. */
  private async consumeLots(trx: Db, merchantId: string, memberId: string, points: number, first?: string) {
    const loyalty = this.loyalty.with(trx);
    const lots = await loyalty.openLots(merchantId, memberId);
    const ordered = first
      ? [...lots.filter((l) => l.source === first), ...lots.filter((l) => l.source !== first)]
      : lots;
    let left = points;
    for (const lot of ordered) {
      if (left <= 0) break;
      const take = Math.min(left, lot.remaining);
      await loyalty.setLotRemaining(merchantId, lot.id, lot.remaining - take);
      left -= take;
    }
  }
}
