import { randomUUID } from 'node:crypto';
import type { MemberActor, StaffActor } from '../../platform/actors.ts';
import type { Transactions } from '../../platform/db/transactions.ts';
import { conflict, DomainError, invalid, notFound } from '../../platform/domain-errors.ts';
import type { AuditService } from '../audit/index.ts';
import type { LedgerService } from '../ledger/index.ts';
import type { MemberService } from '../members/index.ts';
import type { ReceiptService } from '../payments/index.ts';
import type { TenancyService } from '../tenancy/index.ts';
import type { StoredValuePlanRepository } from './stored-value-plan.repository.ts';
import type { StoredValuePlan } from './loyalty.schema.ts';

export const PLAN_RULES = { maxNameLength: 40, maxPriceFen: 10_000_000, maxPerMemberLimit: 1000 };

export interface PlanInput {
  name: string;
  priceFen: number;
  bonusFen: number;
  validFrom: string;
  validUntil: string;
  perMemberLimit: number;
}

export const planView = (plan: StoredValuePlan) => ({
  planId: plan.id,
  name: plan.name,
  priceFen: plan.price_fen,
  bonusFen: plan.bonus_fen,
  validFrom: plan.valid_from.toISOString(),
  validUntil: plan.valid_until.toISOString(),
  perMemberLimit: plan.per_member_limit,
});

/**
 * What refunding a plan gives back, by the rule merchants use: what the member spent is taken to have come from the
 * plan's principal and bonus in the plan's own proportion, whatever order the payments spent them in. The unspent
 * principal is paid back; the bonus left is forfeited.
 *
 *   spent      = (principal + bonus) − unspent, where unspent = min(principal + bonus, the member's stored value now)
 *   refund     = principal − round(spent × principal / (principal + bonus))
 *   forfeited  = bonus − round(spent × bonus / (principal + bonus))
 *
 * Worked example: 充100送20 (principal 10000 fen, bonus 2000 fen), the member spent 60 yuan of the 120 and holds
 * 60 yuan: spent 6000 → refund 10000 − 6000 × 100/120 = 5000 fen; forfeited 2000 − 6000 × 20/120 = 1000 fen.
 * The refund never exceeds the principal the member holds, nor the forfeit the bonus they hold.
 */
export function planRefund(
  purchase: { principalFen: number; bonusFen: number },
  holding: { principalFen: number; bonusFen: number },
): { refundFen: number; forfeitFen: number; spentFen: number } {
  const value = purchase.principalFen + purchase.bonusFen;
  const unspent = Math.min(value, Math.max(0, holding.principalFen) + Math.max(0, holding.bonusFen));
  const spentFen = value - unspent;
  const principalSpent = Math.round((spentFen * purchase.principalFen) / value);
  const refundFen = Math.min(Math.max(0, holding.principalFen), purchase.principalFen - principalSpent);
  const forfeitFen = Math.min(Math.max(0, holding.bonusFen), purchase.bonusFen - (spentFen - principalSpent));
  return { refundFen, forfeitFen: Math.max(0, forfeitFen), spentFen };
}

/**
 * Stored-value plans (充值送): merchant-defined offers (price, bonus, validity, per-member limit), bought at the till
 * (principal into the member wallet, bonus into the member's bonus, one ledger transaction) and refunded by
 * `planRefund`. The member wallet is the stored-value balance: face payments spend it, principal and bonus in the
 * programme's spending order (LedgerService.pay).
 */
export class StoredValueService {
  constructor(
    private readonly plans: StoredValuePlanRepository,
    private readonly transactions: Transactions,
    private readonly tenancy: TenancyService,
    private readonly members: MemberService,
    private readonly ledger: LedgerService,
    private readonly receipts: ReceiptService,
    private readonly audit: AuditService,
    private readonly now: () => Date = () => new Date(),
  ) {}

  async createPlan(actor: StaffActor, merchantId: string, input: PlanInput) {
    await this.tenancy.merchantFor(actor, merchantId, 'loyalty.manage');
    const plan = validatePlan(input);
    return this.transactions.run(async (trx) => {
      const row: StoredValuePlan = { merchant_id: merchantId, id: randomUUID(), ...plan, created_at: this.now() };
      await this.plans.with(trx).insertPlan(row);
      await this.audit.record(
        {
          merchantId,
          actorType: 'staff',
          actorId: actor.staffId,
          action: 'loyalty.plan_created',
          targetType: 'stored_value_plan',
          targetId: row.id,
          details: { ...input },
        },
        trx,
      );
      return planView(row);
    });
  }

  async listPlans(actor: StaffActor, merchantId: string) {
    await this.tenancy.merchantFor(actor, merchantId, 'member.read');
    return (await this.plans.plans(merchantId)).map(planView);
  }

  /** The plans on sale now, for the member app to show what the counter sells (members do not buy them online). */
  async plansOnSale(actor: MemberActor) {
    const at = this.now();
    return (await this.plans.plans(actor.merchantId))
      .filter((plan) => plan.valid_from <= at && at < plan.valid_until)
      .map(planView);
  }

  /**
   * A member buys a plan at the till (staff take the money). Decided with the member's row locked: the plan's validity
   * now and the member's purchases of it so far (the per-member limit), so two purchases at once cannot both pass
   * the last one. Idempotent by key.
   */
  async purchase(
    actor: StaffActor,
    input: { merchantId: string; memberId: string; planId: string; idempotencyKey: string },
  ) {
    await this.tenancy.merchantFor(actor, input.merchantId, 'stored_value.sell');
    const { idempotencyKey, ...request } = input;
    return this.transactions.once(
      { merchantId: input.merchantId, scope: 'plan_purchase', key: idempotencyKey, request },
      async (trx) => {
        const plans = this.plans.with(trx);
        const plan = await plans.plan(input.merchantId, input.planId);
        if (!plan) throw notFound('plan_not_found', 'no such stored-value plan');
        if (!(await this.members.lock(trx, input.merchantId, input.memberId)))
          throw notFound('member_not_found', 'no such member');
        const at = this.now();
        if (at < plan.valid_from || at >= plan.valid_until)
          throw conflict('plan_not_on_sale', 'this plan is not on sale now', {
            validFrom: plan.valid_from.toISOString(),
            validUntil: plan.valid_until.toISOString(),
          });
        const bought = await plans.purchaseCount(input.merchantId, input.memberId, plan.id);
        if (bought >= plan.per_member_limit)
          throw conflict('plan_limit_reached', 'the member already bought this plan as often as it allows', {
            perMemberLimit: plan.per_member_limit,
          });
        const purchaseId = randomUUID();
        const { transactionId, balanceFen } = await this.ledger.purchasePlan(trx, {
          merchantId: input.merchantId,
          memberId: input.memberId,
          principalFen: plan.price_fen,
          bonusFen: plan.bonus_fen,
          reference: `plan_purchase:${purchaseId}`,
          staffId: actor.staffId,
          reason: plan.name,
        });
        await plans.insertPurchase({
          merchant_id: input.merchantId,
          id: purchaseId,
          plan_id: plan.id,
          member_id: input.memberId,
          principal_fen: plan.price_fen,
          bonus_fen: plan.bonus_fen,
          refunded_principal_fen: 0,
          forfeited_bonus_fen: 0,
          purchased_at: at,
          refunded_at: null,
        });
        await this.receipts.post(trx, {
          merchantId: input.merchantId,
          memberId: input.memberId,
          kind: 'top_up',
          body: {
            transactionId,
            purchaseId,
            planId: plan.id,
            planName: plan.name,
            amountFen: plan.price_fen,
            bonusFen: plan.bonus_fen,
            channel: 'till',
            testMoney: false,
            balanceFen,
          },
        });
        await this.audit.record(
          {
            merchantId: input.merchantId,
            actorType: 'staff',
            actorId: actor.staffId,
            action: 'loyalty.plan_purchased',
            targetType: 'member',
            targetId: input.memberId,
            details: {
              purchaseId,
              planId: plan.id,
              transactionId,
              principalFen: plan.price_fen,
              bonusFen: plan.bonus_fen,
            },
          },
          trx,
        );
        return {
          purchaseId,
          planId: plan.id,
          memberId: input.memberId,
          transactionId,
          principalFen: plan.price_fen,
          bonusFen: plan.bonus_fen,
          balanceFen,
        };
      },
    );
  }

  /** Refunds a purchase by `planRefund`, with the member's balances and the purchase locked; once per purchase. */
  async refund(
    actor: StaffActor,
    input: { merchantId: string; memberId: string; purchaseId: string; reason: string; idempotencyKey: string },
  ) {
    await this.tenancy.merchantFor(actor, input.merchantId, 'stored_value.sell');
    const reason = input.reason?.trim() ?? '';
    if (!reason) throw invalid('reason_required', 'say why the plan is refunded');
    if (reason.length > 200) throw invalid('reason_too_long', 'the reason is at most 200 characters');
    const { idempotencyKey, ...request } = { ...input, reason };
    return this.transactions.once(
      { merchantId: input.merchantId, scope: 'plan_refund', key: idempotencyKey, request },
      async (trx) => {
        const plans = this.plans.with(trx);
        if (!(await this.members.lock(trx, input.merchantId, input.memberId)))
          throw notFound('member_not_found', 'no such member');
        const purchase = await plans.purchaseForUpdate(input.merchantId, input.purchaseId);
        if (!purchase || purchase.member_id !== input.memberId)
          throw notFound('purchase_not_found', 'no such stored-value purchase of this member');
        if (purchase.refunded_at)
          throw new DomainError('conflict', 'purchase_already_refunded', 'this purchase was already refunded');
        const holding = await this.ledger.lockStoredValue(trx, input.merchantId, input.memberId);
        const outcome = planRefund({ principalFen: purchase.principal_fen, bonusFen: purchase.bonus_fen }, holding);
        const { transactionId } = await this.ledger.refundPlan(trx, {
          merchantId: input.merchantId,
          memberId: input.memberId,
          principalFen: outcome.refundFen,
          bonusFen: outcome.forfeitFen,
          reference: `plan_refund:${purchase.id}`,
          staffId: actor.staffId,
          reason,
        });
        const at = this.now();
        await plans.markRefunded(input.merchantId, purchase.id, outcome.refundFen, outcome.forfeitFen, at);
        await this.audit.record(
          {
            merchantId: input.merchantId,
            actorType: 'staff',
            actorId: actor.staffId,
            action: 'loyalty.plan_refunded',
            targetType: 'member',
            targetId: input.memberId,
            details: { purchaseId: purchase.id, transactionId, ...outcome, reason },
          },
          trx,
        );
        return { purchaseId: purchase.id, transactionId, ...outcome };
      },
    );
  }

  /**
   * Stored value as deferred revenue: principal members hold (owed to them until spent or refunded) and bonus not yet
   * spent, from the ledger; and what the plans sold.
   */
  async report(actor: StaffActor, merchantId: string) {
    await this.tenancy.merchantFor(actor, merchantId, 'settlement.read');
    const [outstanding, sold] = await Promise.all([
      this.ledger.storedValueOutstanding(merchantId),
      this.plans.soldTotals(merchantId),
    ]);
    return {
      principalOutstandingFen: outstanding.principalFen,
      bonusOutstandingFen: outstanding.bonusFen,
      plans: sold,
    };
  }
}

function validatePlan(input: PlanInput): Omit<StoredValuePlan, 'merchant_id' | 'id' | 'created_at'> {
  const bad = (field: string, rule: string) => invalid('plan_invalid', `${field}: ${rule}`, { field });
  const name = typeof input.name === 'string' ? input.name.trim() : '';
  if (!name || name.length > PLAN_RULES.maxNameLength) throw bad('name', `1 to ${PLAN_RULES.maxNameLength} characters`);
  if (!Number.isSafeInteger(input.priceFen) || input.priceFen <= 0 || input.priceFen > PLAN_RULES.maxPriceFen)
    throw bad('priceFen', `a whole number of fen from 1 to ${PLAN_RULES.maxPriceFen}`);
  if (!Number.isSafeInteger(input.bonusFen) || input.bonusFen < 0 || input.bonusFen > input.priceFen)
    throw bad('bonusFen', 'a whole number of fen from 0 to the price');
  if (
    !Number.isSafeInteger(input.perMemberLimit) ||
    input.perMemberLimit < 1 ||
    input.perMemberLimit > PLAN_RULES.maxPerMemberLimit
  )
    throw bad('perMemberLimit', `a whole number from 1 to ${PLAN_RULES.maxPerMemberLimit}`);
  const from = new Date(input.validFrom);
  const until = new Date(input.validUntil);
  if (Number.isNaN(from.getTime())) throw bad('validFrom', 'a date-time');
  if (Number.isNaN(until.getTime()) || until <= from) throw bad('validUntil', 'a date-time after validFrom');
  return {
    name,
    price_fen: input.priceFen,
    bonus_fen: input.bonusFen,
    valid_from: from,
    valid_until: until,
    per_member_limit: input.perMemberLimit,
  };
}
