import { randomUUID } from 'node:crypto';
import type { Transactions } from '../../platform/db/transactions.ts';
import type { LedgerService } from '../ledger/index.ts';
import { birthdaysCelebratedOn, type MemberService } from '../members/index.ts';
import { businessDateOf } from '../payments/index.ts';
import type { LoyaltyRepository } from './loyalty.repository.ts';
import type { BirthdayGift } from './loyalty.schema.ts';
import type { TierCoupons } from './tier-coupons.port.ts';
import { tierOfRank, type MemberCardService } from './member-card.service.ts';
import { BIRTHDAY_REFERENCE, expiryOf } from './points.service.ts';

/** The page of members born on a day the job reads at a time. */
const PAGE = 200;

/**
 * Birthday gifts: on a member's birthday, their tier's birthday coupon (a coupon template the merchant chose for the
 * tier) and birthday points, once per member per year.
 *
 * The day is the merchant's business day (China time, as payments count days); a member born on 29 February gets
 * theirs on 28 February in a year without a 29th. The job runs every hour and gives to those whose birthday is today
 * and who have not had this year's gift, so a member who gives their birthday (today) after a run gets the gift at
 * the next run that same day. Once per year whatever the retries, a second run or two processes at once: the gift
 * is decided with the member's points balance row locked and recorded in `birthday_gifts` (member, year) in the
 * transaction that gives it, and the coupon's issue key is `birthday:<member>:<year>`. A tier that gives nothing (no
 * coupon, no points), a paused template (and no points) or a member without a birthday get nothing and leave no
 * record, so a gift set up later that day still reaches them.
 */
export class BirthdayGiftService {
  constructor(
    private readonly loyalty: LoyaltyRepository,
    private readonly transactions: Transactions,
    private readonly members: MemberService,
    private readonly ledger: LedgerService,
    private readonly cards: MemberCardService,
    private readonly coupons: TierCoupons,
    private readonly now: () => Date = () => new Date(),
  ) {}

  /** The recurring job: gives today's birthday gifts not given yet. Returns how many members got one. */
  async giveDue(): Promise<number> {
    const at = this.now();
    const today = businessDateOf(at);
    const days = birthdaysCelebratedOn(today);
    let given = 0;
    for (const merchantId of await this.loyalty.merchantsWithBirthdayGifts()) {
      let after: string | null = null;
      for (;;) {
        const page = await this.members.bornOn(merchantId, days, after, PAGE);
        if (page.length === 0) break;
        after = page.at(-1)!.memberId;
        const done = await this.loyalty.birthdayGiftsAmong(
          merchantId,
          today.year,
          page.map((m) => m.memberId),
        );
        for (const { memberId } of page) {
          if (done.has(memberId)) continue;
          if (await this.give(merchantId, memberId, today, at)) given += 1;
        }
      }
    }
    return given;
  }

  /**
   * This year's gift for one member whose birthday it is: their tier's coupon and points, in one transaction with
   * their points balance locked; null when they had it already or their tier gives nothing now.
   */
  private async give(
    merchantId: string,
    memberId: string,
    today: { year: number; date: string },
    at: Date,
  ): Promise<BirthdayGift | null> {
    // The card is made (in a transaction of its own) before the gift's: a member from before cards has none yet.
    await this.cards.ensure(merchantId, memberId);
    return this.transactions.run(async (trx) => {
      // The member's gifts are decided one at a time: a second run waits here, then finds this year's gift.
      await this.ledger.lockPoints(trx, merchantId, memberId);
      const loyalty = this.loyalty.with(trx);
      if (await loyalty.birthdayGift(merchantId, memberId, today.year)) return null;
      const card = await loyalty.card(merchantId, memberId);
      const tier = card ? tierOfRank(await loyalty.tiers(merchantId), card.tier_rank) : null;
      if (!card || !tier) return null;
      const coupon = tier.birthday_coupon_template_id
        ? await this.coupons.give(trx, {
            merchantId,
            templateId: tier.birthday_coupon_template_id,
            memberId,
            issueKey: `birthday:${memberId}:${today.year}`,
            occasion: 'birthday',
            reason: tier.name,
          })
        : null;
      const points = tier.birthday_points;
      if (!coupon && points === 0) return null;
      if (points > 0) {
        await this.ledger.movePoints(trx, {
          merchantId,
          memberId,
          kind: 'points_earn',
          points,
          reference: `${BIRTHDAY_REFERENCE}${memberId}:${today.year}`,
        });
        await loyalty.insertLot({
          merchant_id: merchantId,
          id: randomUUID(),
          member_id: memberId,
          source: `birthday:${today.year}`,
          points,
          remaining: points,
          earned_at: at,
          expires_at: expiryOf(await loyalty.program(merchantId), at),
        });
      }
      const gift: BirthdayGift = {
        merchant_id: merchantId,
        member_id: memberId,
        year: today.year,
        business_day: today.date,
        tier_rank: tier.rank,
        coupon_template_id: coupon ? tier.birthday_coupon_template_id : null,
        coupon_id: coupon?.id ?? null,
        points,
        granted_at: at,
      };
      await loyalty.insertBirthdayGift(gift);
      return gift;
    });
  }
}
