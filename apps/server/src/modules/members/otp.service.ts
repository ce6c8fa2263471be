import { createHash, randomInt, randomUUID, timingSafeEqual } from 'node:crypto';
import { DomainError, unauthenticated } from '../../platform/domain-errors.ts';
import type { OtpRepository } from './otp.repository.ts';
import type { RateCounterRepository } from '../../platform/db/rate-counter.repository.ts';
import type { Transactions } from '../../platform/db/transactions.ts';
import type { SmsSender } from './sms-sender.ts';

export const OTP_RULES = {
  digits: 6,
  ttlSeconds: 300,
  maxAttempts: 5,
  resendAfterSeconds: 60,
} as const;

/** How many codes an hour may go to one phone, be asked for from one client address, and go out for one merchant. */
export interface SmsLimits {
  perPhonePerHour: number;
  perAddressPerHour: number;
  perMerchantPerHour: number;
}

export const DEFAULT_SMS_LIMITS: SmsLimits = { perPhonePerHour: 5, perAddressPerHour: 20, perMerchantPerHour: 1000 };

const hashCode = (challengeId: string, code: string) =>
  createHash('sha256').update(`${challengeId}:${code}`).digest('hex');

/** One-time SMS codes: issue with rate limits, verify with an attempt limit, consume once. */
export class OtpService {
  constructor(
    private readonly codes: OtpRepository,
    private readonly counters: RateCounterRepository,
    private readonly transactions: Transactions,
    private readonly sms: SmsSender,
    private readonly now: () => Date = () => new Date(),
    private readonly limits: SmsLimits = DEFAULT_SMS_LIMITS,
  ) {}

  /**
   * Sends a code once every limit has room: the counters are raised together in one transaction, each with an atomic
   * conditional update, so a refused request counts against nothing and parallel requests cannot pass a limit.
   */
  async issue(
    merchant: { id: string; name: string },
    phone: string,
    clientIp: string | null,
  ): Promise<{ expiresAt: Date }> {
    const now = this.now();
    const hour = 3600;
    const rules = [
      {
        key: `otp:resend:${phone}`,
        limit: 1,
        windowSeconds: OTP_RULES.resendAfterSeconds,
        code: 'otp_too_soon',
        message: `wait ${OTP_RULES.resendAfterSeconds} s before asking for another code`,
      },
      {
        key: `otp:phone:${phone}`,
        limit: this.limits.perPhonePerHour,
        windowSeconds: hour,
        code: 'otp_phone_limit',
        message: 'too many codes for this phone; try again later',
      },
      ...(clientIp
        ? [
            {
              key: `otp:address:${clientIp}`,
              limit: this.limits.perAddressPerHour,
              windowSeconds: hour,
              code: 'otp_ip_limit',
              message: 'too many codes from this network; try again later',
            },
          ]
        : []),
      {
        key: 'otp:merchant',
        limit: this.limits.perMerchantPerHour,
        windowSeconds: hour,
        code: 'otp_merchant_limit',
        message: 'this shop is sending too many codes right now; try again later',
      },
    ];
    // Every transaction raises the counters in this same order, so two of them never wait on each other in a cycle.
    await this.transactions.run(async (trx) => {
      const counters = this.counters.with(trx);
      for (const rule of rules) {
        const taken = await counters.take(merchant.id, rule.key, rule, now);
        if (!taken.allowed) throw rateLimited(rule.code, rule.message, { retryAfterSeconds: taken.retryAfterSeconds });
      }
    });
    const repo = this.codes;
    const id = randomUUID();
    const code = String(randomInt(10 ** OTP_RULES.digits)).padStart(OTP_RULES.digits, '0');
    const expiresAt = new Date(now.getTime() + OTP_RULES.ttlSeconds * 1000);
    await repo.insert({
      merchantId: merchant.id,
      id,
      phone,
      codeHash: hashCode(id, code),
      expiresAt,
      clientIp,
      createdAt: now,
    });
    await this.sms.send({
      merchantId: merchant.id,
      phone,
      body: `【${merchant.name}】验证码 ${code}，${OTP_RULES.ttlSeconds / 60} 分钟内有效。请勿告诉他人。`,
    });
    return { expiresAt };
  }

  /**
   * Consumes the phone's latest code if it matches. Its own transaction commits a wrong attempt before the error is
   * raised, so the attempt limit cannot be dodged by a rollback.
   */
  async verify(merchantId: string, phone: string, code: string): Promise<void> {
    const failure = await this.transactions.run(async (trx) => {
      const repo = this.codes.with(trx);
      const challenge = await repo.latestOpen(merchantId, phone);
      if (!challenge) return unauthenticated('otp_invalid', 'no code was sent to this phone, or it was already used');
      if (challenge.expires_at.getTime() <= this.now().getTime())
        return unauthenticated('otp_expired', 'the code has expired; ask for a new one');
      if (challenge.attempts >= OTP_RULES.maxAttempts)
        return rateLimited('otp_attempts_exceeded', 'too many wrong codes; ask for a new one');
      const expected = Buffer.from(challenge.code_hash, 'hex');
      const given = Buffer.from(hashCode(challenge.id, code), 'hex');
      if (!timingSafeEqual(expected, given)) {
        await repo.recordFailure(merchantId, challenge.id);
        return unauthenticated('otp_invalid', 'the code is wrong');
      }
      await repo.consume(merchantId, challenge.id, this.now());
      return undefined;
    });
    if (failure) throw failure;
  }
}

const rateLimited = (code: string, message: string, details?: Record<string, unknown>) =>
  new DomainError('rate_limited', code, message, details);
