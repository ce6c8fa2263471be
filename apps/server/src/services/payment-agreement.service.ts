import { hash, verify } from '@node-rs/argon2';
import type { Database, PaymentAgreement } from '@shualian/db';
import type { Kysely } from 'kysely';
import type { MemberActor } from '../domain/actors.ts';
import { businessDayStart } from '../domain/business-day.ts';
import { DomainError, invalid, unauthenticated } from '../domain/errors.ts';
import type { PaymentTerms } from '../domain/face-pay-policy.ts';
import { merchantSettings } from '../domain/merchant-settings.ts';
import { AuditRepository } from '../repositories/audit.repository.ts';
import { PaymentRepository } from '../repositories/payment.repository.ts';
import { TenancyRepository } from '../repositories/tenancy.repository.ts';

export const PIN_RULES = { maxFailures: 5, lockMinutes: 30 } as const;

export interface AgreementView {
  passwordFree: boolean;
  perPaymentLimitFen: number;
  dailyLimitFen: number;
  pinSet: boolean;
  pinLockedUntil: string | null;
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
    private readonly db: Kysely<Database>,
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
    await this.db.transaction().execute(async (trx) => {
      await this.upsert(trx, actor, settings, {
        password_free: next.passwordFree,
        per_payment_limit_fen: next.perPaymentLimitFen,
        daily_limit_fen: next.dailyLimitFen,
      });
      if (Object.keys(changes).length === 0) return;
      await new AuditRepository(trx).record({
        merchantId: actor.merchantId,
        actorType: 'member',
        actorId: actor.memberId,
        action: 'member.payment_limits_updated',
        targetType: 'member',
        targetId: actor.memberId,
        details: { changes },
      });
    });
    return this.view(actor);
  }

  async setPin(actor: MemberActor, input: { pin: string; currentPin?: string }): Promise<AgreementView> {
    if (!/^\d{6}$/.test(input.pin)) throw invalid('pin_invalid', 'the PIN is 6 digits');
    if (isWeakPin(input.pin))
      throw invalid('pin_too_weak', 'choose a PIN that is not a repeated digit or a simple run');
    const settings = await this.defaults(actor.merchantId);
    const pinHash = await hash(input.pin);
    const refused = await this.db.transaction().execute(async (trx) => {
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
  async checkPin(
    trx: Kysely<Database>,
    merchantId: string,
    memberId: string,
    pin: string,
  ): Promise<DomainError | null> {
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
    const today = await new PaymentRepository(this.db).memberTotals(merchantId, memberId, businessDayStart(this.now()));
    return {
      passwordFree: agreement.passwordFree,
      perPaymentLimitFen: agreement.perPaymentLimitFen,
      dailyRemainingFen: Math.max(0, agreement.dailyLimitFen - today.sumFen),
      pinSet: agreement.pinSet,
    };
  }

  private find(merchantId: string, memberId: string): Promise<PaymentAgreement | undefined> {
    return this.db
      .selectFrom('payment_agreements')
      .selectAll()
      .where('merchant_id', '=', merchantId)
      .where('member_id', '=', memberId)
      .executeTakeFirst();
  }

  private findForUpdate(
    trx: Kysely<Database>,
    merchantId: string,
    memberId: string,
  ): Promise<PaymentAgreement | undefined> {
    return trx
      .selectFrom('payment_agreements')
      .selectAll()
      .where('merchant_id', '=', merchantId)
      .where('member_id', '=', memberId)
      .forUpdate()
      .executeTakeFirst();
  }

  private async defaults(merchantId: string) {
    const merchant = await new TenancyRepository(this.db).getMerchant(merchantId);
    return merchantSettings(merchant?.settings);
  }

  private async upsert(
    db: Kysely<Database>,
    actor: MemberActor,
    settings: { defaultPerPaymentLimitFen: number; defaultDailyLimitFen: number },
    values: Partial<Omit<PaymentAgreement, 'merchant_id' | 'member_id' | 'updated_at'>>,
  ): Promise<void> {
    const at = this.now();
    await db
      .insertInto('payment_agreements')
      .values({
        merchant_id: actor.merchantId,
        member_id: actor.memberId,
        password_free: false,
        per_payment_limit_fen: settings.defaultPerPaymentLimitFen,
        daily_limit_fen: settings.defaultDailyLimitFen,
        ...values,
        updated_at: at,
      })
      .onConflict((oc) => oc.columns(['merchant_id', 'member_id']).doUpdateSet({ ...values, updated_at: at }))
      .execute();
  }

  private async setFailures(
    trx: Kysely<Database>,
    merchantId: string,
    memberId: string,
    failures: number,
    lockedUntil: Date | null,
  ): Promise<void> {
    await trx
      .updateTable('payment_agreements')
      .set({ pin_failures: failures, pin_locked_until: lockedUntil })
      .where('merchant_id', '=', merchantId)
      .where('member_id', '=', memberId)
      .execute();
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
