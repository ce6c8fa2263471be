import type { StaffActor } from '../../platform/actors.ts';
import type { Transactions } from '../../platform/db/transactions.ts';
import type { AuditService } from '../audit/index.ts';
import type { TenancyService } from '../tenancy/index.ts';
import { invalid } from '../../platform/domain-errors.ts';
import type { TierCoupons } from './tier-coupons.port.ts';
import type { LoyaltyRepository, ProgramRules } from './loyalty.repository.ts';
import type { LoyaltyTier } from './loyalty.schema.ts';
import { validateProgram, validateTiers, type TierDefinition } from './loyalty.rules.ts';

/** What a merchant sets: its programme's rules and its tiers (staff with `loyalty.manage`). */
export class LoyaltyProgramService {
  constructor(
    private readonly loyalty: LoyaltyRepository,
    private readonly transactions: Transactions,
    private readonly tenancy: TenancyService,
    private readonly audit: AuditService,
    private readonly coupons: Pick<TierCoupons, 'templatesAmong'>,
    private readonly now: () => Date = () => new Date(),
  ) {}

  async program(actor: StaffActor, merchantId: string): Promise<ProgramRules> {
    await this.tenancy.merchantFor(actor, merchantId, 'member.read');
    return this.loyalty.program(merchantId);
  }

  /** Replaces the programme's rules; each is validated (`loyalty_program_invalid` names the field). */
  async setProgram(actor: StaffActor, merchantId: string, patch: Partial<ProgramRules>): Promise<ProgramRules> {
    await this.tenancy.merchantFor(actor, merchantId, 'loyalty.manage');
    return this.transactions.run(async (trx) => {
      const loyalty = this.loyalty.with(trx);
      const rules = validateProgram({ ...(await loyalty.program(merchantId)), ...patch });
      await loyalty.saveProgram(merchantId, rules, this.now());
      await this.audit.record(
        {
          merchantId,
          actorType: 'staff',
          actorId: actor.staffId,
          action: 'loyalty.program_updated',
          targetType: 'merchant',
          targetId: merchantId,
          details: { ...patch },
        },
        trx,
      );
      return rules;
    });
  }

  async tiers(actor: StaffActor, merchantId: string): Promise<LoyaltyTier[]> {
    await this.tenancy.merchantFor(actor, merchantId, 'member.read');
    return this.loyalty.tiers(merchantId);
  }

  /**
   * Replaces the merchant's tiers, lowest first. Cards keep their rank: a card above the new top tier reads as the top
   * one until the next evaluation moves it.
   */
  async defineTiers(actor: StaffActor, merchantId: string, tiers: readonly TierDefinition[]): Promise<LoyaltyTier[]> {
    await this.tenancy.merchantFor(actor, merchantId, 'loyalty.manage');
    const valid = validateTiers(tiers);
    // A birthday or upgrade coupon is one of the merchant's coupon templates (asked before the transaction:
    // promotions reads on its own connection).
    const named = valid
      .flatMap((t) => [t.birthday_coupon_template_id, t.upgrade_coupon_template_id])
      .filter((id): id is string => id !== null);
    const known = await this.coupons.templatesAmong(merchantId, named);
    for (const [field, code, what] of [
      ['birthday_coupon_template_id', 'tier_birthday_coupon_invalid', 'birthday'],
      ['upgrade_coupon_template_id', 'tier_upgrade_coupon_invalid', 'upgrade'],
    ] as const) {
      const unknown = valid.findIndex((t) => t[field] && !known.has(t[field]));
      if (unknown >= 0)
        throw invalid(code, `tier ${unknown + 1}'s ${what} coupon is not a coupon template of this merchant`, {
          index: unknown,
        });
    }
    return this.transactions.run(async (trx) => {
      const loyalty = this.loyalty.with(trx);
      await loyalty.replaceTiers(merchantId, valid);
      await this.audit.record(
        {
          merchantId,
          actorType: 'staff',
          actorId: actor.staffId,
          action: 'loyalty.tiers_defined',
          targetType: 'merchant',
          targetId: merchantId,
          details: { tiers: valid },
        },
        trx,
      );
      return loyalty.tiers(merchantId);
    });
  }
}
