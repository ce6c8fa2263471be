import { randomUUID } from 'node:crypto';
import type { StaffActor } from '../../platform/actors.ts';
import type { Db } from '../../platform/db/repository.ts';
import type { Transactions } from '../../platform/db/transactions.ts';
import { conflict, DomainError, forbidden, notFound } from '../../platform/domain-errors.ts';
import type { AuditService } from '../audit/index.ts';
import { assertAmount, type LedgerService } from '../ledger/index.ts';
import type { MemberService } from '../members/index.ts';
import { merchantSettings } from '../settings/index.ts';
import type { TenancyService } from '../tenancy/index.ts';
import { recordEvent } from '../../platform/outbox/index.ts';
import { paymentCompleted, refundCompleted } from './payment.events.ts';
import { businessDayRange, businessDayStart } from './business-day.ts';
import type { PaymentAgreementRepository } from './payment-agreement.repository.ts';
import type { PaymentRepository } from './payment.repository.ts';
import type { ReceiptService } from './receipt.service.ts';
import type { PaymentDiscount } from './payment.schema.ts';

export interface LineItem {
  productId: string;
  name: string;
  quantity: number;
  unitPriceFen: number;
  memberPriceFen: number | null;
  lineTotalFen: number;
  /** The product's category when the cart knew it (offers on a category read it, points promotions among them). */
  category?: string | null;
}

/** How the shopper proved who they are for this payment. */
export type Verification = 'face' | 'face+phone_suffix' | 'face+full_phone' | 'face+pin';

export interface ChargeInput {
  merchantId: string;
  storeId: string;
  deviceId: string | null;
  memberId: string;
  faceSessionId: string | null;
  amountFen: number;
  items: LineItem[];
  verification: Verification;
  /** The discounts the price was made of, each once with its label: kept with the payment and listed on its receipt. */
  discounts?: PaymentDiscount[];
}

export interface PaymentResult {
  paymentId: string;
  transactionId: string;
  memberId: string;
  amountFen: number;
  balanceFen: number;
  receiptId: string;
  createdAt: string;
}

export interface RefundResult {
  refundId: string;
  paymentId: string;
  transactionId: string;
  amountFen: number;
  refundedFen: number;
  balanceFen: number;
}

const declined = (code: string, message: string, details?: Record<string, unknown>) =>
  new DomainError('conflict', code, message, details);

/** Payments and refunds on the member wallet: limits and risk caps enforced at the moment money moves. */
export class PaymentService {
  constructor(
    private readonly payments: PaymentRepository,
    private readonly agreements: PaymentAgreementRepository,
    private readonly transactions: Transactions,
    private readonly tenancy: TenancyService,
    private readonly members: MemberService,
    private readonly ledger: LedgerService,
    private readonly receipts: ReceiptService,
    private readonly audit: AuditService,
    private readonly now: () => Date = () => new Date(),
  ) {}

  /** One payment per idempotency key, however often the device retries. */
  pay(input: ChargeInput & { idempotencyKey: string }): Promise<PaymentResult> {
    const { idempotencyKey, ...charge } = input;
    return this.transactions.once(
      { merchantId: input.merchantId, scope: 'payment', key: idempotencyKey, request: charge },
      (trx) => this.charge(trx, charge),
    );
  }

  /**
   * Moves the money inside the caller's transaction; throws (and so rolls everything back) when a rule says no. Locks
   * the member's row: a caller that holds other locks takes them in the order face session, member, ledger.
   */
  async charge(trx: Db, input: ChargeInput): Promise<PaymentResult> {
    assertAmount(input.amountFen);
    const merchant = await this.tenancy.merchant(input.merchantId, trx);
    if (!merchant) throw notFound('merchant_not_found', 'no such merchant');
    const settings = merchantSettings(merchant.settings);
    if (settings.facePayKillSwitch)
      throw declined('face_pay_disabled', 'face payment is switched off for this merchant');
    if (input.amountFen > settings.maxPaymentFen) {
      throw declined('amount_over_limit', 'the amount is above what this merchant takes in one payment', {
        maxPaymentFen: settings.maxPaymentFen,
      });
    }
    // The member's row stays locked until this payment commits: a member's payments are decided one after another,
    // each counting those before it, however many arrive at once (hourly count, 免密 daily amount).
    if (!(await this.members.lock(trx, input.merchantId, input.memberId)))
      throw notFound('member_not_found', 'no such member');
    const payments = this.payments.with(trx);
    const now = this.now();
    const lastHour = await payments.memberTotals(input.merchantId, input.memberId, new Date(now.getTime() - 3_600_000));
    if (lastHour.count >= settings.maxPaymentsPerMemberPerHour) {
      throw declined('velocity_limit', 'too many payments by this member in the last hour; ask staff for help');
    }
    if (input.verification === 'face') await this.assertPasswordFreeLimits(trx, input, now);

    const paymentId = randomUUID();
    const { transactionId, balanceFen } = await this.ledger.pay(trx, {
      merchantId: input.merchantId,
      memberId: input.memberId,
      amountFen: input.amountFen,
      reference: `payment:${paymentId}`,
    });
    if (balanceFen < 0) {
      throw declined('insufficient_funds', 'the wallet balance is too low for this payment', { shortFen: -balanceFen });
    }
    const row = await payments.insert({ ...input, id: paymentId, transactionId });
    const receiptId = await this.receipts.post(trx, {
      merchantId: input.merchantId,
      memberId: input.memberId,
      kind: 'payment',
      paymentId,
      body: {
        paymentId,
        storeId: input.storeId,
        items: input.items,
        amountFen: input.amountFen,
        discountFen: input.items.reduce((sum, i) => sum + (i.unitPriceFen * i.quantity - i.lineTotalFen), 0),
        ...(input.discounts !== undefined && input.discounts.length > 0 && { discounts: input.discounts }),
        balanceFen,
        verification: input.verification,
      },
    });
    await this.audit.record(
      {
        merchantId: input.merchantId,
        actorType: input.deviceId ? 'device' : 'system',
        actorId: input.deviceId,
        action: 'payment.created',
        targetType: 'payment',
        targetId: paymentId,
        details: {
          transactionId,
          memberId: input.memberId,
          storeId: input.storeId,
          amountFen: input.amountFen,
          verification: input.verification,
        },
      },
      trx,
    );
    await recordEvent(
      trx,
      paymentCompleted({
        ...input,
        paymentId,
        transactionId,
        lines: input.items.map((item) => ({
          productId: item.productId,
          category: item.category ?? null,
          quantity: item.quantity,
          lineTotalFen: item.lineTotalFen,
        })),
        occurredAt: now,
      }),
    );
    return {
      paymentId,
      transactionId,
      memberId: input.memberId,
      amountFen: input.amountFen,
      balanceFen,
      receiptId,
      createdAt: row.created_at.toISOString(),
    };
  }

  private async assertPasswordFreeLimits(trx: Db, input: ChargeInput, now: Date): Promise<void> {
    const agreement = await this.agreements.with(trx).find(input.merchantId, input.memberId);
    if (!agreement?.password_free) throw declined('step_up_required', 'password-free payment is off for this member');
    if (input.amountFen > agreement.per_payment_limit_fen)
      throw declined('step_up_required', 'the amount is above the password-free limit');
    const today = await this.payments.with(trx).memberTotals(input.merchantId, input.memberId, businessDayStart(now));
    if (today.sumFen + input.amountFen > agreement.daily_limit_fen)
      throw declined('step_up_required', 'the daily password-free limit is reached');
  }

  async refund(
    actor: StaffActor,
    input: { merchantId: string; paymentId: string; amountFen: number; reason?: string; idempotencyKey: string },
  ): Promise<RefundResult> {
    assertAmount(input.amountFen);
    await this.tenancy.merchantFor(actor, input.merchantId, 'payment.refund');
    const { idempotencyKey, ...request } = input;
    return this.transactions.once(
      { merchantId: input.merchantId, scope: 'refund', key: idempotencyKey, request },
      async (trx) => {
        const payments = this.payments.with(trx);
        const original = await payments.getForUpdate(input.merchantId, input.paymentId);
        if (!original) throw notFound('payment_not_found', 'no such payment');
        if (actor.storeId && actor.storeId !== original.store_id)
          throw forbidden('forbidden', 'this payment was taken in another store');
        const refundable = original.amount_fen - original.refunded_fen;
        if (input.amountFen > refundable) {
          throw conflict('refund_exceeds_payment', 'the refund is larger than what is left of the payment', {
            refundableFen: refundable,
          });
        }
        const refundId = randomUUID();
        const { transactionId, balanceFen } = await this.ledger.refund(trx, {
          merchantId: input.merchantId,
          memberId: original.member_id,
          amountFen: input.amountFen,
          reference: `refund:${refundId}`,
          paymentTransactionId: original.transaction_id,
          staffId: actor.staffId,
          reason: input.reason ?? null,
        });
        await payments.insertRefund({
          merchantId: input.merchantId,
          id: refundId,
          paymentId: original.id,
          amountFen: input.amountFen,
          reason: input.reason ?? null,
          transactionId,
          createdBy: actor.staffId,
        });
        await payments.addRefunded(input.merchantId, original.id, input.amountFen);
        await this.receipts.post(trx, {
          merchantId: input.merchantId,
          memberId: original.member_id,
          kind: 'refund',
          paymentId: original.id,
          body: {
            refundId,
            paymentId: original.id,
            amountFen: input.amountFen,
            reason: input.reason ?? null,
            balanceFen,
          },
        });
        await this.audit.record(
          {
            merchantId: input.merchantId,
            actorType: 'staff',
            actorId: actor.staffId,
            action: 'payment.refunded',
            targetType: 'payment',
            targetId: original.id,
            details: {
              refundId,
              transactionId,
              memberId: original.member_id,
              amountFen: input.amountFen,
              reason: input.reason ?? null,
            },
          },
          trx,
        );
        await recordEvent(
          trx,
          refundCompleted({
            ...input,
            refundId,
            transactionId,
            memberId: original.member_id,
            refundedFen: original.refunded_fen + input.amountFen,
            staffId: actor.staffId,
            occurredAt: this.now(),
          }),
        );
        return {
          refundId,
          paymentId: original.id,
          transactionId,
          amountFen: input.amountFen,
          refundedFen: original.refunded_fen + input.amountFen,
          balanceFen,
        };
      },
    );
  }

  async list(
    actor: StaffActor,
    merchantId: string,
    filter: { storeId?: string; memberId?: string; date?: string; limit: number },
  ) {
    await this.tenancy.merchantFor(actor, merchantId, 'payment.read');
    const range = filter.date ? businessDayRange(filter.date) : undefined;
    return this.payments.list(merchantId, {
      storeId: actor.storeId ?? filter.storeId,
      memberId: filter.memberId,
      from: range?.from,
      to: range?.to,
      limit: filter.limit,
    });
  }

  /** The merchant's takings for one business day, per store, and whether its ledger is consistent. */
  async settlement(actor: StaffActor, merchantId: string, date: string) {
    await this.tenancy.merchantFor(actor, merchantId, 'settlement.read');
    const { from, to } = businessDayRange(date);
    const totals = await this.payments.settlement(merchantId, from, to);
    const stores = new Map<
      string,
      { storeId: string; paymentCount: number; grossFen: number; refundCount: number; refundedFen: number }
    >();
    const store = (storeId: string) =>
      stores.get(storeId) ??
      stores.set(storeId, { storeId, paymentCount: 0, grossFen: 0, refundCount: 0, refundedFen: 0 }).get(storeId)!;
    for (const p of totals.payments)
      Object.assign(store(p.store_id), { paymentCount: Number(p.count), grossFen: Number(p.gross) });
    for (const r of totals.refunds)
      Object.assign(store(r.store_id), { refundCount: Number(r.count), refundedFen: Number(r.refunded) });
    const perStore = [...stores.values()]
      .filter((s) => !actor.storeId || s.storeId === actor.storeId)
      .map((s) => ({ ...s, netFen: s.grossFen - s.refundedFen }));
    const inconsistencies = await this.ledger.inconsistencies(merchantId);
    return {
      date,
      from: from.toISOString(),
      to: to.toISOString(),
      stores: perStore,
      grossFen: perStore.reduce((sum, s) => sum + s.grossFen, 0),
      refundedFen: perStore.reduce((sum, s) => sum + s.refundedFen, 0),
      netFen: perStore.reduce((sum, s) => sum + s.netFen, 0),
      topUpCount: Number(totals.topUps.count),
      topUpFen: Number(totals.topUps.total),
      ledgerConsistent: inconsistencies.accounts.length === 0 && inconsistencies.transactions.length === 0,
    };
  }
}
