import { randomUUID } from 'node:crypto';
import type { MemberActor, StaffActor } from '../../platform/actors.ts';
import type { Db } from '../../platform/db/repository.ts';
import type { Transactions } from '../../platform/db/transactions.ts';
import { conflict, forbidden, invalid, notFound } from '../../platform/domain-errors.ts';
import type { AuditService } from '../audit/index.ts';
import type { LedgerService } from '../ledger/index.ts';
import type { MemberService } from '../members/index.ts';
import type { TenancyService } from '../tenancy/index.ts';
import type { LoyaltyRepository, ProgramRules } from './loyalty.repository.ts';
import { pointsForPayment, pointsToTakeBack } from './loyalty.rules.ts';
import { tierOfRank, type MemberCardService } from './member-card.service.ts';

export const POINTS_ADJUSTMENT_RULES = { maxPoints: 1_000_000, maxReasonLength: 200 };

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
    private readonly now: () => Date = () => new Date(),
  ) {}

  /**
   * `payment.completed`: points for the amount paid (rate × the member's tier multiplier at the time), the payment
   * counted for tiers, and the tier moved up if this payment crossed a threshold. Once per payment: a redelivery, or
   * two at once, finds the payment's row and earns nothing (null).
   */
  async earnOnPayment(input: {
    merchantId: string;
    paymentId: string;
    memberId: string;
    amountFen: number;
    paidAt: Date;
  }): Promise<{ points: number } | null> {
    const { merchantId, memberId, paymentId } = input;
    return this.transactions.run(async (trx) => {
      const loyalty = this.loyalty.with(trx);
      const card = await this.cards.ensure(merchantId, memberId, trx);
      const [program, tiers] = await Promise.all([loyalty.program(merchantId), loyalty.tiers(merchantId)]);
      const multiplier = tierOfRank(tiers, card.tier_rank)?.points_multiplier_percent ?? 100;
      const points = pointsForPayment(input.amountFen, program.points_per_yuan, multiplier);
      const claimed = await loyalty.insertPayment({
        merchantId,
        paymentId,
        memberId,
        amountFen: input.amountFen,
        pointsEarned: points,
        paidAt: input.paidAt,
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
          expires_at: expiryOf(program, input.paidAt),
        });
      }
      await this.cards.reassess(trx, merchantId, memberId, 'payment');
      return { points };
    });
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
    return {
      memberId,
      balance: points.balance,
      /** Points refunds could not take back because they were already spent. */
      shortfall: reversals.reduce((sum, r) => sum + r.shortfall, 0),
      history: points.history.map((h) => ({ ...h, at: h.at.toISOString() })),
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
