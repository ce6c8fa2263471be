import type { Db } from '../../platform/db/repository.ts';

/**
 * The coupons a tier gives (on a member's birthday, to the member who reaches it), issued by the promotions module
 * (the container fills this from its coupon service): loyalty names a template and a key, promotions issues it.
 */
export interface TierCoupons {
  /** Which of these coupon templates the merchant has (a tier's birthday or upgrade coupon must name one). */
  templatesAmong(merchantId: string, templateIds: readonly string[]): Promise<Set<string>>;
  /**
   * A coupon of the template for the member, inside the caller's transaction, once per issue key (the key's coupon
   * again when it was given before); null when none is given (the template paused or gone, the member at its cap).
   */
  give(
    trx: Db,
    input: {
      merchantId: string;
      templateId: string;
      memberId: string;
      issueKey: string;
      occasion: 'birthday' | 'tier_upgrade';
      reason: string;
    },
  ): Promise<{ id: string } | null>;
}
