import type { Member, Merchant } from '@shualian/db';
import type { MemberActor, StaffActor } from '../../platform/actors.ts';
import { conflict, invalid, notFound, unauthenticated } from '../../platform/domain-errors.ts';
import type { AuditService } from '../audit/index.ts';
import { BIRTHDAY_RULES, birthdayOf, validBirthday, type Birthday } from './birthday.ts';
import { normalisePhone, phoneSuffix } from './phone.ts';
import type { MemberRepository } from './member.repository.ts';
import type { Db } from '../../platform/db/repository.ts';
import type { OtpService } from './otp.service.ts';
import type { TenancyService } from '../tenancy/index.ts';
import { hashSecret, newMerchantToken, tokenMerchant } from '../../platform/secrets.ts';
import type { Transactions } from '../../platform/db/transactions.ts';
import { recordEvent } from '../../platform/outbox/index.ts';
import { memberRegistered } from './member.events.ts';

const MEMBER_SESSION_DAYS = 30;

/** Registration and sign-in of shoppers by phone number and SMS code, per merchant (brand). */
export class MemberService {
  constructor(
    private readonly members: MemberRepository,
    private readonly otp: OtpService,
    private readonly tenancy: TenancyService,
    private readonly transactions: Transactions,
    private readonly audit: AuditService,
    private readonly now: () => Date = () => new Date(),
  ) {}

  async merchantByCode(code: string): Promise<Merchant> {
    const merchant = await this.tenancy.merchantByCode(code);
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
    const { member, created } = await this.transactions.run(async (trx) => {
      const found = await this.members
        .with(trx)
        .findOrCreate(merchant.id, phone, phoneSuffix(phone), input.displayName?.trim() || null);
      if (found.created)
        await recordEvent(
          trx,
          memberRegistered({ merchantId: merchant.id, memberId: found.member.id, occurredAt: this.now() }),
        );
      return found;
    });
    const repo = this.members;
    const token = newMerchantToken(merchant.id);
    const expiresAt = new Date(this.now().getTime() + MEMBER_SESSION_DAYS * 86_400_000);
    await repo.createSession({ tokenHash: hashSecret(token), merchantId: merchant.id, memberId: member.id, expiresAt });
    return { token, expiresAt, member, created };
  }

  /** The member with this phone, made if new, without an SMS code: the merchant's own member (the demo's 演示会员). */
  async ensure(merchantId: string, phoneInput: string, displayName: string | null): Promise<Member> {
    const phone = normalisePhone(phoneInput);
    return (await this.members.findOrCreate(merchantId, phone, phoneSuffix(phone), displayName)).member;
  }

  async authenticate(token: string): Promise<MemberActor> {
    const session = await this.members.findSession(tokenMerchant(token), hashSecret(token), this.now());
    if (!session) throw unauthenticated('member_session_invalid', 'sign in again with your phone number');
    return { type: 'member', merchantId: session.merchant_id, memberId: session.member_id };
  }

  async get(actor: MemberActor): Promise<Member> {
    const member = await this.members.get(actor.merchantId, actor.memberId);
    if (!member) throw notFound('member_not_found', 'no such member');
    return member;
  }

  /**
   * The member gives their birthday (month and day, the year if they like), once: from then on only staff correct it
   * (`birthday_already_set`), so a shopper cannot move it from day to day to collect birthday gifts. Decided with the
   * member's row locked; audited.
   */
  async setMyBirthday(
    actor: MemberActor,
    input: { month: number; day: number; year?: number | null },
  ): Promise<Member> {
    const birthday = validBirthday(input, this.now());
    return this.transactions.run(async (trx) => {
      const repo = this.members.with(trx);
      const member = await repo.getForUpdate(actor.merchantId, actor.memberId);
      if (!member) throw notFound('member_not_found', 'no such member');
      if (birthdayOf(member))
        throw conflict('birthday_already_set', 'your birthday is set; the store can correct it if it is wrong');
      const updated = await repo.setBirthday(actor.merchantId, actor.memberId, birthday, this.now());
      await this.audit.record(
        {
          merchantId: actor.merchantId,
          actorType: 'member',
          actorId: actor.memberId,
          action: 'member.birthday_set',
          targetType: 'member',
          targetId: actor.memberId,
          details: { birthday },
        },
        trx,
      );
      return updated;
    });
  }

  /**
   * Staff correct a member's birthday (or clear it, so the member may give it again), with a reason; audited with
   * what it was. Needs `member.birthday_correct`.
   */
  async correctBirthday(
    actor: StaffActor,
    merchantId: string,
    memberId: string,
    input: { birthday: { month: number; day: number; year?: number | null } | null; reason: string },
  ): Promise<Member> {
    await this.tenancy.merchantFor(actor, merchantId, 'member.birthday_correct');
    const birthday = input.birthday === null ? null : validBirthday(input.birthday, this.now());
    const reason = input.reason?.trim() ?? '';
    if (!reason) throw invalid('reason_required', 'say why the birthday is corrected');
    if (reason.length > BIRTHDAY_RULES.maxReasonLength)
      throw invalid('reason_too_long', `the reason is at most ${BIRTHDAY_RULES.maxReasonLength} characters`);
    return this.transactions.run(async (trx) => {
      const repo = this.members.with(trx);
      const member = await repo.getForUpdate(merchantId, memberId);
      if (!member) throw notFound('member_not_found', 'no such member');
      // Corrected by staff, the birthday stays closed to the member; cleared, the member may give it again.
      const updated = await repo.setBirthday(merchantId, memberId, birthday, birthday ? this.now() : null);
      await this.audit.recordStaffAction(
        actor,
        merchantId,
        'member.birthday_corrected',
        { type: 'member', id: memberId },
        { from: birthdayOf(member), to: birthday, reason },
        trx,
      );
      return updated;
    });
  }

  /** The merchant's members whose birthday is one of these days, a page at a time (the birthday gifts job). */
  bornOn(
    merchantId: string,
    days: ReadonlyArray<{ month: number; day: number }>,
    afterId: string | null,
    limit: number,
  ): Promise<Array<{ memberId: string; birthday: Birthday }>> {
    return this.members
      .bornOn(merchantId, days, afterId, limit)
      .then((rows) => rows.map((m) => ({ memberId: m.id, birthday: birthdayOf(m)! })));
  }

  /** The member, for other modules; `trx` to read inside the caller's transaction. */
  find(merchantId: string, memberId: string, trx?: Db): Promise<Member | undefined> {
    return (trx ? this.members.with(trx) : this.members).get(merchantId, memberId);
  }

  findMany(merchantId: string, memberIds: string[]): Promise<Member[]> {
    return this.members.getMany(merchantId, memberIds);
  }

  /** The last 4 phone digits of these members, by member id (a gallery's partitions); unknown ids are left out. */
  phoneSuffixes(merchantId: string, memberIds: string[]): Promise<Map<string, string>> {
    return this.members.phoneSuffixes(merchantId, memberIds);
  }

  /**
   * The member's row, locked until the caller's transaction ends: payments, enrollment and face-data deletion of one
   * member queue up on it.
   */
  lock(trx: Db, merchantId: string, memberId: string): Promise<Member | undefined> {
    return this.members.with(trx).getForUpdate(merchantId, memberId);
  }

  /** Counts a face-data deletion on the member's row (locking it): an enrollment that read the old count stores nothing. */
  countFaceDataDeletion(trx: Db, merchantId: string, memberId: string): Promise<void> {
    return this.members.with(trx).countFaceDataDeletion(merchantId, memberId);
  }
}
