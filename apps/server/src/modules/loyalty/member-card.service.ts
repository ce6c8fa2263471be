import type { MemberActor, StaffActor } from '../../platform/actors.ts';
import type { Db } from '../../platform/db/repository.ts';
import type { Transactions } from '../../platform/db/transactions.ts';
import { DomainError, forbidden, notFound } from '../../platform/domain-errors.ts';
import { recordEvent } from '../../platform/outbox/index.ts';
import type { LedgerService } from '../ledger/index.ts';
import type { MemberService } from '../members/index.ts';
import type { TenancyService } from '../tenancy/index.ts';
import { tierChanged } from './loyalty.events.ts';
import type { LoyaltyRepository, ProgramRules } from './loyalty.repository.ts';
import { tierFor } from './loyalty.rules.ts';
import type { LoyaltyTier, MemberCard, TierBasis } from './loyalty.schema.ts';
import { cardNumber, formatCardNumber, signCardQr, verifyCardQr } from './member-card.code.ts';

export interface TierView {
  rank: number;
  name: string;
  discountPercent: number;
  pointsMultiplierPercent: number;
  birthdayPoints: number;
}

export interface CardView {
  memberId: string;
  cardNumber: string;
  /** Signed and short-lived: shown as a QR code, scanned at the till (`scanCard`). */
  qr: { payload: string; expiresAt: string };
  tier: TierView | null;
  progress: {
    basis: TierBasis;
    windowDays: number;
    /** Spend (fen, net of refunds), points earned or paid visits in the window. */
    measure: number;
    next: { name: string; threshold: number; remaining: number } | null;
  };
  pointsBalance: number;
  storedValue: { principalFen: number; bonusFen: number; totalFen: number };
}

const DAY_MS = 86_400_000;

export const tierView = (tier: LoyaltyTier): TierView => ({
  rank: tier.rank,
  name: tier.name,
  discountPercent: tier.discount_percent,
  pointsMultiplierPercent: tier.points_multiplier_percent,
  birthdayPoints: tier.birthday_points,
});

/** The tier a card's rank stands for now: the highest defined tier at or below it (tiers may have been redefined). */
export function tierOfRank(tiers: readonly LoyaltyTier[], rank: number): LoyaltyTier | null {
  let found: LoyaltyTier | null = null;
  for (const tier of tiers) if (tier.rank <= rank && (!found || tier.rank > found.rank)) found = tier;
  return found;
}

/**
 * Member cards (one per member per merchant, valid in every store) and the tier on them: made when the member
 * registers, or on first need for members from before; moved up when a payment crosses a threshold, and up or down by
 * the recurring evaluation.
 */
export class MemberCardService {
  constructor(
    private readonly loyalty: LoyaltyRepository,
    private readonly transactions: Transactions,
    private readonly members: MemberService,
    private readonly ledger: LedgerService,
    private readonly tenancy: TenancyService,
    private readonly qrKey: Buffer,
    private readonly now: () => Date = () => new Date(),
  ) {}

  /** The member's card, made now if they have none (idempotent: a second call, or a concurrent one, finds it). */
  async ensure(merchantId: string, memberId: string, trx?: Db): Promise<MemberCard> {
    if (!trx) return this.transactions.run((t) => this.ensure(merchantId, memberId, t));
    const loyalty = this.loyalty.with(trx);
    const existing = await loyalty.card(merchantId, memberId);
    if (existing) return existing;
    if (!(await this.members.find(merchantId, memberId, trx))) throw notFound('member_not_found', 'no such member');
    const at = this.now();
    // Locks the programme's row: concurrent first cards of one merchant take numbers one after another.
    const seq = await loyalty.nextCardSeq(merchantId, at);
    const tiers = await loyalty.tiers(merchantId);
    await loyalty.insertCard({
      merchant_id: merchantId,
      member_id: memberId,
      card_number: cardNumber(seq),
      tier_rank: tierFor(tiers, 0),
      tier_since: at,
      created_at: at,
    });
    return (await loyalty.card(merchantId, memberId))!;
  }

  /** The member app's "my card". */
  async myCard(actor: MemberActor): Promise<CardView> {
    const card = await this.ensure(actor.merchantId, actor.memberId);
    return this.view(actor.merchantId, card);
  }

  /** The card a member's QR code shows, scanned at the till; refuses a forged, foreign or expired code. */
  async scan(actor: StaffActor, merchantId: string, payload: string): Promise<CardView> {
    await this.tenancy.merchantFor(actor, merchantId, 'member.read');
    const check = verifyCardQr(this.qrKey, payload, this.now());
    if (!check.valid) {
      if (check.reason === 'expired')
        throw new DomainError('gone', 'card_qr_expired', 'this card code has expired; ask the member to refresh it');
      throw new DomainError('invalid', 'card_qr_invalid', 'this is not a member card code of this merchant');
    }
    if (check.merchantId !== merchantId)
      throw new DomainError('invalid', 'card_qr_invalid', 'this is not a member card code of this merchant');
    const card = await this.loyalty.cardByNumber(merchantId, check.cardNumber);
    if (!card) throw new DomainError('invalid', 'card_qr_invalid', 'this is not a member card code of this merchant');
    return this.view(merchantId, card);
  }

  /** A member's card as staff see it. */
  async cardOf(actor: StaffActor | MemberActor, merchantId: string, memberId: string): Promise<CardView> {
    if (actor.type === 'member') {
      if (actor.merchantId !== merchantId || actor.memberId !== memberId)
        throw forbidden('forbidden', 'a member sees only their own card');
    } else await this.tenancy.merchantFor(actor, merchantId, 'member.read');
    return this.view(merchantId, await this.ensure(merchantId, memberId));
  }

  /** The member's current tier (null: none), for the pricing step. */
  async tierOf(merchantId: string, memberId: string): Promise<LoyaltyTier | null> {
    const card = await this.loyalty.card(merchantId, memberId);
    if (!card || card.tier_rank === 0) return null;
    return tierOfRank(await this.loyalty.tiers(merchantId), card.tier_rank);
  }

  /**
   * Moves the member's tier to what their measure in the window reaches, with the card locked. After a payment it
   * only moves up (`reason: 'payment'`); the evaluation moves either way. Records the change in the history and as a
   * `loyalty.tier_changed` event in the caller's transaction. Returns the new rank when it changed.
   */
  async reassess(
    trx: Db,
    merchantId: string,
    memberId: string,
    reason: 'payment' | 'evaluation',
  ): Promise<number | null> {
    const loyalty = this.loyalty.with(trx);
    await this.ensure(merchantId, memberId, trx);
    const card = (await loyalty.card(merchantId, memberId, true))!;
    const [program, tiers] = await Promise.all([loyalty.program(merchantId), loyalty.tiers(merchantId)]);
    const at = this.now();
    const measure = await loyalty.measure(merchantId, memberId, program.tier_basis, windowStart(program, at));
    const target = tierFor(tiers, measure);
    const current = tierOfRank(tiers, card.tier_rank)?.rank ?? 0;
    if (target === current || (reason === 'payment' && target < current)) {
      if (current !== card.tier_rank) await loyalty.setTier(merchantId, memberId, current, card.tier_since);
      return null;
    }
    await loyalty.setTier(merchantId, memberId, target, at);
    await loyalty.recordTierChange({
      merchantId,
      memberId,
      fromRank: card.tier_rank,
      toRank: target,
      reason,
      measure,
      at,
    });
    await recordEvent(
      trx,
      tierChanged({
        merchantId,
        memberId,
        fromRank: card.tier_rank,
        toRank: target,
        toTier: tiers.find((t) => t.rank === target)?.name ?? null,
        reason,
        occurredAt: at,
      }),
    );
    return target;
  }

  /**
   * The recurring evaluation: every card of every merchant (or of one), each in its own short transaction, moved to
   * the tier its window reaches now (down as well as up). Returns how many moved.
   */
  async evaluateTiers(merchantId?: string): Promise<number> {
    let moved = 0;
    for (const merchant of merchantId ? [merchantId] : await this.loyalty.merchantsWithCards()) {
      let after: string | null = null;
      for (;;) {
        const page = await this.loyalty.cardsAfter(merchant, after, 200);
        if (!page.length) break;
        for (const card of page) {
          const changed = await this.transactions.run((trx) =>
            this.reassess(trx, merchant, card.member_id, 'evaluation'),
          );
          if (changed !== null) moved += 1;
        }
        after = page.at(-1)!.member_id;
      }
    }
    return moved;
  }

  async tierHistory(actor: StaffActor | MemberActor, merchantId: string, memberId: string, limit = 50) {
    if (actor.type === 'member') {
      if (actor.merchantId !== merchantId || actor.memberId !== memberId)
        throw forbidden('forbidden', 'a member sees only their own history');
    } else await this.tenancy.merchantFor(actor, merchantId, 'member.read');
    const [rows, tiers] = await Promise.all([
      this.loyalty.tierHistory(merchantId, memberId, limit),
      this.loyalty.tiers(merchantId),
    ]);
    const name = (rank: number) => tiers.find((t) => t.rank === rank)?.name ?? null;
    return rows.map((r) => ({
      fromRank: r.from_rank,
      fromTier: name(r.from_rank),
      toRank: r.to_rank,
      toTier: name(r.to_rank),
      reason: r.reason,
      measure: r.measure,
      at: r.changed_at.toISOString(),
    }));
  }

  private async view(merchantId: string, card: MemberCard): Promise<CardView> {
    const at = this.now();
    const [program, tiers, points, storedValue] = await Promise.all([
      this.loyalty.program(merchantId),
      this.loyalty.tiers(merchantId),
      this.ledger.points(merchantId, card.member_id),
      this.ledger.storedValue(merchantId, card.member_id),
    ]);
    const measure = await this.loyalty.measure(
      merchantId,
      card.member_id,
      program.tier_basis,
      windowStart(program, at),
    );
    const tier = tierOfRank(tiers, card.tier_rank);
    const next = tiers.find((t) => t.rank > (tier?.rank ?? 0)) ?? null;
    const qr = signCardQr(this.qrKey, { merchantId, cardNumber: card.card_number }, at);
    return {
      memberId: card.member_id,
      cardNumber: formatCardNumber(card.card_number),
      qr: { payload: qr, expiresAt: new Date(Number(qr.split('.')[3]) * 1000).toISOString() },
      tier: tier && tierView(tier),
      progress: {
        basis: program.tier_basis,
        windowDays: program.tier_window_days,
        measure,
        next: next && { name: next.name, threshold: next.threshold, remaining: Math.max(0, next.threshold - measure) },
      },
      pointsBalance: points.balance,
      storedValue: { ...storedValue, totalFen: storedValue.principalFen + storedValue.bonusFen },
    };
  }
}

export const windowStart = (program: Pick<ProgramRules, 'tier_window_days'>, at: Date) =>
  new Date(at.getTime() - program.tier_window_days * DAY_MS);
