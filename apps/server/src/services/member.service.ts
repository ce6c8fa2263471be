import type { Database, Member, Merchant } from '@shualian/db';
import type { Kysely } from 'kysely';
import type { MemberActor, StaffActor } from '../domain/actors.ts';
import { notFound, unauthenticated } from '../domain/errors.ts';
import { normalisePhone, phoneSuffix } from '../domain/phone.ts';
import { MemberRepository } from '../repositories/member.repository.ts';
import { TenancyRepository } from '../repositories/tenancy.repository.ts';
import type { OtpService } from './otp.service.ts';
import type { TenancyService } from './tenancy.service.ts';
import { hashSecret, newToken } from './secrets.ts';
import { memberRegistered } from '../domain/domain-events.ts';
import { recordEvent } from '../platform/outbox/outbox.recorder.ts';

const MEMBER_SESSION_DAYS = 30;

/** Registration and sign-in of shoppers by phone number and SMS code, per merchant (brand). */
export class MemberService {
  constructor(
    private readonly db: Kysely<Database>,
    private readonly otp: OtpService,
    private readonly tenancy: TenancyService,
    private readonly now: () => Date = () => new Date(),
  ) {}

  async merchantByCode(code: string): Promise<Merchant> {
    const merchant = await new TenancyRepository(this.db).getMerchantByCode(code);
    if (!merchant) throw notFound('merchant_not_found', 'no such merchant');
    return merchant;
  }

  async requestOtp(merchantCode: string, phoneInput: string, clientIp: string | null): Promise<{ expiresAt: Date }> {
    const merchant = await this.merchantByCode(merchantCode);
    return this.otp.issue(merchant, normalisePhone(phoneInput), clientIp);
  }

  /** Verifies the code, then signs the member in, registering them first if the phone is new to this merchant. */
  async register(input: { merchantCode: string; phone: string; code: string; displayName?: string }): Promise<{
    token: string;
    expiresAt: Date;
    member: Member;
    created: boolean;
  }> {
    const merchant = await this.merchantByCode(input.merchantCode);
    const phone = normalisePhone(input.phone);
    await this.otp.verify(merchant.id, phone, input.code);
    const { member, created } = await this.db.transaction().execute(async (trx) => {
      const found = await new MemberRepository(trx).findOrCreate(merchant.id, phone, phoneSuffix(phone), input.displayName?.trim() || null);
      if (found.created)
        await recordEvent(trx, memberRegistered({ merchantId: merchant.id, memberId: found.member.id, occurredAt: this.now() }));
      return found;
    });
    const repo = new MemberRepository(this.db);
    const token = newToken();
    const expiresAt = new Date(this.now().getTime() + MEMBER_SESSION_DAYS * 86_400_000);
    await repo.createSession({ tokenHash: hashSecret(token), merchantId: merchant.id, memberId: member.id, expiresAt });
    return { token, expiresAt, member, created };
  }

  async authenticate(token: string): Promise<MemberActor> {
    const session = await new MemberRepository(this.db).findSession(hashSecret(token), this.now());
    if (!session) throw unauthenticated('member_session_invalid', 'sign in again with your phone number');
    return { type: 'member', merchantId: session.merchant_id, memberId: session.member_id };
  }

  /** For staff screens: members with consent and enrollment state (phones are masked by the route). */
  async list(actor: StaffActor, merchantId: string, filter: { phoneSuffix?: string; limit: number }) {
    await this.tenancy.merchantFor(actor, merchantId, 'member.read');
    return new MemberRepository(this.db).list(merchantId, filter);
  }

  async get(actor: MemberActor): Promise<Member> {
    const member = await new MemberRepository(this.db).get(actor.merchantId, actor.memberId);
    if (!member) throw notFound('member_not_found', 'no such member');
    return member;
  }
}
