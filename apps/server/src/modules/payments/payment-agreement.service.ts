import { hash, verify } from '@node-rs/argon2';
import type { PaymentAgreement } from '@shualian/db';
import type { MemberActor } from '../../platform/actors.ts';
import { businessDayStart } from './business-day.ts';
import { DomainError, invalid, unauthenticated } from '../../platform/domain-errors.ts';
import type { MerchantSettingsService } from '../settings/index.ts';
import type { AuditService } from '../audit/index.ts';
import type { Db } from '../../platform/db/repository.ts';
import type { Transactions } from '../../platform/db/transactions.ts';
import type { PaymentAgreementRepository } from './payment-agreement.repository.ts';
import type { PaymentRepository } from './payment.repository.ts';

export const PIN_RULES = { maxFailures: 5, lockMinutes: 30 } as const;

export interface AgreementView {
  passwordFree: boolean;
  perPaymentLimitFen: number;
  dailyLimitFen: number;
  pinSet: boolean;
  pinLockedUntil: string | null;
}

/** What the member's agreement allows right now: what a face payment is decided against (checkout's policy). */
export interface PaymentTerms {
  passwordFree: boolean;
  perPaymentLimitFen: number;
  /** What is left of today's password-free limit. */
  dailyRemainingFen: number;
  pinSet: boolean;
}

/** A PIN nobody should choose: one digit repeated, or a run up or down. */
export function isWeakPin(pin: string): boolean {
  if (/^(\d)\1{5}$/.test(pin)) return true;
  const digits = [...pin].map(Number);
  const steps = new Set(digits.slice(1).map((d, i) => (d - digits[i]! + 10) % 10));
  return steps.size === 1 && (steps.has(1) || steps.has(9));
}

/** The member's face-payment agreement: 免密 (password-free) with its limits, and the payment PIN. */
export class PaymentAgreementService {
  constructor(
    private readonly agreements: PaymentAgreementRepository,
    private readonly payments: PaymentRepository,
    private readonly transactions: Transactions,
    private readonly settings: MerchantSettingsService,
    private readonly audit: AuditService,
    private readonly now: () => Date = () => new Date(),
  ) {}

  async view(actor: MemberActor): Promise<AgreementView> {
    return present(await this.find(actor.merchantId, actor.memberId), await this.defaults(actor.merchantId));
  }

  async update(
    actor: MemberActor,
    patch: { passwordFree?: boolean; perPaymentLimitFen?: number; dailyLimitFen?: number },
  ): Promise<AgreementView> {
    const settings = await this.defaults(actor.merchantId);
    const current = present(await this.find(actor.merchantId, actor.memberId), settings);
    const next = { ...current, ...patch };
    for (const [field, value] of [
      ['perPaymentLimitFen', next.perPaymentLimitFen],
      ['dailyLimitFen', next.dailyLimitFen],
    ] as const) {
      if (!Number.isSafeInteger(value) || value < 0)
        throw invalid('limit_invalid', `${field} must be a whole number of fen ≥ 0`);
      if (value > settings.maxPaymentFen * (field === 'dailyLimitFen' ? 10 : 1)) {
        throw invalid('limit_too_high', `${field} is above what this merchant allows`, {
          maxPaymentFen: settings.maxPaymentFen,
        });
      }
    }
    if (next.perPaymentLimitFen > next.dailyLimitFen)
      throw invalid('limit_invalid', 'the per-payment limit cannot exceed the daily limit');
    if (next.passwordFree && !current.pinSet) {
      throw invalid('pin_required', 'set a payment PIN first: it confirms payments above the password-free limit');
    }
    const changes: Record<string, { from: unknown; to: unknown }> = {};
    for (const key of ['passwordFree', 'perPaymentLimitFen', 'dailyLimitFen'] as const) {
      if (current[key] !== next[key]) changes[key] = { from: current[key], to: next[key] };
    }
    await this.transactions.run(async (trx) => {
      await this.upsert(trx, actor, settings, {
        password_free: next.passwordFree,
        per_payment_limit_fen: next.perPaymentLimitFen,
        daily_limit_fen: next.dailyLimitFen,
      });
      if (Object.keys(changes).length === 0) return;
      await this.audit.record(
        {
          merchantId: actor.merchantId,
          actorType: 'member',
          actorId: actor.memberId,
          action: 'member.payment_limits_updated',
          targetType: 'member',
          targetId: actor.memberId,
          details: { changes },
        },
        trx,
      );
    });
    return this.view(actor);
  }

  async setPin(actor: MemberActor, input: { pin: string; currentPin?: string }): Promise<AgreementView> {
    if (!/^\d{6}$/.test(input.pin)) throw invalid('pin_invalid', 'the PIN is 6 digits');
    if (isWeakPin(input.pin))
      throw invalid('pin_too_weak', 'choose a PIN that is not a repeated digit or a simple run');
    const settings = await this.defaults(actor.merchantId);
    const pinHash = await hash(input.pin);
    const refused = await this.transactions.run(async (trx) => {
      const existing = await this.findForUpdate(trx, actor.merchantId, actor.memberId);
      if (existing?.pin_hash) {
        if (!input.currentPin) return invalid('current_pin_required', 'give the current PIN to change it');
        const wrong = await this.checkPin(trx, actor.merchantId, actor.memberId, input.currentPin);
        if (wrong) return wrong;
      }
      await this.upsert(trx, actor, settings, { pin_hash: pinHash, pin_failures: 0, pin_locked_until: null });
      return null;
    });
    if (refused) throw refused;
    return this.view(actor);
  }

  /**
   * Weighs a PIN inside the caller's transaction, with the member's agreement row locked: PINs sent together are
   * weighed one after another, each seeing the count the one before left, and none once the PIN is locked. A wrong
   * answer is counted (and locks the PIN for a while after PIN_RULES.maxFailures); the error to answer with is
   * returned rather than thrown, so that the caller commits the count. Returns null for the right PIN.
   */
  async checkPin(trx: Db, merchantId: string, memberId: string, pin: string): Promise<DomainError | null> {
    const agreement = await this.findForUpdate(trx, merchantId, memberId);
    if (!agreement?.pin_hash) return invalid('pin_not_set', 'this member has no payment PIN');
    const now = this.now();
    if (agreement.pin_locked_until && agreement.pin_locked_until > now) {
      return new DomainError('rate_limited', 'pin_locked', 'too many wrong PINs; try again later', {
        lockedUntil: agreement.pin_locked_until.toISOString(),
      });
    }
    if (/^\d{6}$/.test(pin) && (await verify(agreement.pin_hash, pin))) {
      if (agreement.pin_failures > 0) await this.setFailures(trx, merchantId, memberId, 0, null);
      return null;
    }
    const failures = agreement.pin_failures + 1;
    const lockedUntil =
      failures >= PIN_RULES.maxFailures ? new Date(now.getTime() + PIN_RULES.lockMinutes * 60_000) : null;
    await this.setFailures(trx, merchantId, memberId, lockedUntil ? 0 : failures, lockedUntil);
    if (lockedUntil)
      return new DomainError('rate_limited', 'pin_locked', 'too many wrong PINs; the PIN is locked for a while', {
        lockedUntil: lockedUntil.toISOString(),
      });
    return unauthenticated('pin_wrong', `the PIN is wrong (${PIN_RULES.maxFailures - failures} tries left)`);
  }

  /** What the face-payment policy needs to know about a member right now. */
  async terms(merchantId: string, memberId: string): Promise<PaymentTerms> {
    const agreement = present(await this.find(merchantId, memberId), await this.defaults(merchantId));
    const today = await this.payments.memberTotals(merchantId, memberId, businessDayStart(this.now()));
    return {
      passwordFree: agreement.passwordFree,
      perPaymentLimitFen: agreement.perPaymentLimitFen,
      dailyRemainingFen: Math.max(0, agreement.dailyLimitFen - today.sumFen),
      pinSet: agreement.pinSet,
    };
  }

  private find(merchantId: string, memberId: string): Promise<PaymentAgreement | undefined> {
    return this.agreements.find(merchantId, memberId);
  }

  private findForUpdate(trx: Db, merchantId: string, memberId: string): Promise<PaymentAgreement | undefined> {
    return this.agreements.with(trx).findForUpdate(merchantId, memberId);
  }

  private defaults(merchantId: string) {
    return this.settings.of(merchantId);
  }

  private upsert(
    trx: Db,
    actor: MemberActor,
    settings: { defaultPerPaymentLimitFen: number; defaultDailyLimitFen: number },
    values: Partial<Omit<PaymentAgreement, 'merchant_id' | 'member_id' | 'updated_at'>>,
  ): Promise<void> {
    return this.agreements
      .with(trx)
      .upsert(
        actor.merchantId,
        actor.memberId,
        { perPaymentLimitFen: settings.defaultPerPaymentLimitFen, dailyLimitFen: settings.defaultDailyLimitFen },
        values,
        this.now(),
      );
  }

  private setFailures(
    trx: Db,
    merchantId: string,
    memberId: string,
    failures: number,
    lockedUntil: Date | null,
  ): Promise<void> {
    return this.agreements.with(trx).setPinFailures(merchantId, memberId, failures, lockedUntil);
  }
}

function present(
  agreement: PaymentAgreement | undefined,
  settings: { defaultPerPaymentLimitFen: number; defaultDailyLimitFen: number },
): AgreementView {
  return {
    passwordFree: agreement?.password_free ?? false,
    perPaymentLimitFen: agreement?.per_payment_limit_fen ?? settings.defaultPerPaymentLimitFen,
    dailyLimitFen: agreement?.daily_limit_fen ?? settings.defaultDailyLimitFen,
    pinSet: Boolean(agreement?.pin_hash),
    pinLockedUntil: agreement?.pin_locked_until?.toISOString() ?? null,
  };
}
