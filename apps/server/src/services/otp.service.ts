import { createHash, randomInt, randomUUID, timingSafeEqual } from 'node:crypto';
import type { Database } from '@shualian/db';
import type { Kysely } from 'kysely';
import { DomainError, unauthenticated } from '../domain/errors.ts';
import { OtpRepository } from '../repositories/otp.repository.ts';
import type { SmsSender } from './sms.ts';

export const OTP_RULES = {
  digits: 6,
  ttlSeconds: 300,
  maxAttempts: 5,
  resendAfterSeconds: 60,
  perPhonePerHour: 5,
  perIpPerHour: 20,
} as const;

const hashCode = (challengeId: string, code: string) => createHash('sha256').update(`${challengeId}:${code}`).digest('hex');

/** One-time SMS codes: issue with rate limits, verify with an attempt limit, consume once. */
export class OtpService {
  constructor(
    private readonly db: Kysely<Database>,
    private readonly sms: SmsSender,
    private readonly now: () => Date = () => new Date(),
  ) {}

  async issue(merchant: { id: string; name: string }, phone: string, clientIp: string | null): Promise<{ expiresAt: Date }> {
    const repo = new OtpRepository(this.db);
    const now = this.now();
    const hourAgo = new Date(now.getTime() - 3_600_000);
    const byPhone = await repo.countSince(merchant.id, { phone }, hourAgo);
    if (byPhone.latest && now.getTime() - byPhone.latest.getTime() < OTP_RULES.resendAfterSeconds * 1000) {
      throw rateLimited('otp_too_soon', `wait ${OTP_RULES.resendAfterSeconds} s before asking for another code`);
    }
    if (byPhone.count >= OTP_RULES.perPhonePerHour) throw rateLimited('otp_phone_limit', 'too many codes for this phone; try again later');
    if (clientIp && (await repo.countSince(merchant.id, { clientIp }, hourAgo)).count >= OTP_RULES.perIpPerHour) {
      throw rateLimited('otp_ip_limit', 'too many codes from this network; try again later');
    }
    const id = randomUUID();
    const code = String(randomInt(10 ** OTP_RULES.digits)).padStart(OTP_RULES.digits, '0');
    const expiresAt = new Date(now.getTime() + OTP_RULES.ttlSeconds * 1000);
    await repo.insert({ merchantId: merchant.id, id, phone, codeHash: hashCode(id, code), expiresAt, clientIp, createdAt: now });
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
    const failure = await this.db.transaction().execute(async (trx) => {
      const repo = new OtpRepository(trx);
      const challenge = await repo.latestOpen(merchantId, phone);
      if (!challenge) return unauthenticated('otp_invalid', 'no code was sent to this phone, or it was already used');
      if (challenge.expires_at.getTime() <= this.now().getTime()) return unauthenticated('otp_expired', 'the code has expired; ask for a new one');
      if (challenge.attempts >= OTP_RULES.maxAttempts) return rateLimited('otp_attempts_exceeded', 'too many wrong codes; ask for a new one');
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

const rateLimited = (code: string, message: string) => new DomainError('rate_limited', code, message);
