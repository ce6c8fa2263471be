import type { Transactions } from '../../platform/db/transactions.ts';
import type { LoyaltyRepository } from './loyalty.repository.ts';
import { tierOfRank } from './member-card.service.ts';
import type { TierCoupons } from './tier-coupons.port.ts';

/**
 * The coupon a tier gives the member who reaches it (`loyalty.tier_changed` upwards), once per member and tier
 * whatever the redeliveries: its issue key is `tier_upgrade:<member>:<rank>`, so a member who drops and climbs back
 * does not get the same tier's coupon twice. A tier reached by a jump (普通 straight to 金卡) gives its own coupon, not
 * those of the tiers passed over. A downgrade gives nothing.
 */
export class TierUpgradeGiftService {
  constructor(
    private readonly loyalty: LoyaltyRepository,
    private readonly transactions: Transactions,
    private readonly coupons: TierCoupons,
  ) {}

  async giveOnUpgrade(input: {
    merchantId: string;
    memberId: string;
    fromRank: number;
    toRank: number;
  }): Promise<{ id: string } | null> {
    if (input.toRank <= input.fromRank) return null;
    const tier = tierOfRank(await this.loyalty.tiers(input.merchantId), input.toRank);
    const templateId = tier?.upgrade_coupon_template_id;
    if (!tier || !templateId) return null;
    return this.transactions.run((trx) =>
      this.coupons.give(trx, {
        merchantId: input.merchantId,
        templateId,
        memberId: input.memberId,
        issueKey: `tier_upgrade:${input.memberId}:${tier.rank}`,
        occasion: 'tier_upgrade',
        reason: tier.name,
      }),
    );
  }
}
