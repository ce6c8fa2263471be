import type { Member } from '@shualian/db';
import type { StaffActor } from '../../platform/actors.ts';
import type { TenancyService } from '../tenancy/index.ts';
import type { MemberRepository } from './member.repository.ts';

/** Which of these members have face data enrolled: biometrics answers (the container passes its face-data service). */
export interface EnrolledMembers {
  enrolledAmong(merchantId: string, memberIds: string[]): Promise<Set<string>>;
}

/** Which of these members have biometric consent in force: the consent module answers (its register). */
export interface ConsentingMembers {
  inForceAmong(merchantId: string, memberIds: string[]): Promise<Set<string>>;
}

export interface MemberListEntry {
  member: Member;
  consent: boolean;
  enrolled: boolean;
}

/**
 * The staff's member list: members newest first, each with whether consent is in force and face data enrolled. Those
 * two are asked of the consent and biometrics modules once per page, through ports, as both modules stand on members.
 */
export class MemberListService {
  constructor(
    private readonly members: MemberRepository,
    private readonly tenancy: TenancyService,
    private readonly enrolled: EnrolledMembers,
    private readonly consents: ConsentingMembers,
  ) {}

  async list(
    actor: StaffActor,
    merchantId: string,
    filter: { phoneSuffix?: string; limit: number },
  ): Promise<MemberListEntry[]> {
    await this.tenancy.merchantFor(actor, merchantId, 'member.read');
    const members = await this.members.list(merchantId, filter);
    const ids = members.map((m) => m.id);
    const [enrolled, consenting] = await Promise.all([
      this.enrolled.enrolledAmong(merchantId, ids),
      this.consents.inForceAmong(merchantId, ids),
    ]);
    return members.map((member) => ({
      member,
      consent: consenting.has(member.id),
      enrolled: enrolled.has(member.id),
    }));
  }
}
