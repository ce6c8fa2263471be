import type { Consent } from '@shualian/db';
import type { Db } from '../../platform/db/repository.ts';
import { BIOMETRIC_PURPOSE, ENTRANCE_PURPOSE } from './consent-texts.ts';
import type { ConsentRepository } from './consent.repository.ts';

/**
 * Which consents are in force: the biometric one, read by the consent service and by biometrics (enrollment checks it
 * under the member's lock); the entrance one, read by presence for every crop it names. It holds no reference to
 * biometrics, so biometrics can read it without a cycle.
 */
export class ConsentRegister {
  constructor(private readonly consents: ConsentRepository) {}

  /** The member's biometric consent in force; `trx` is the caller's transaction when it holds the member's lock. */
  active(merchantId: string, memberId: string, trx?: Db): Promise<Consent | undefined> {
    return (trx ? this.consents.with(trx) : this.consents).active(merchantId, memberId, BIOMETRIC_PURPOSE);
  }

  /** Which of these members have biometric consent in force (the staff's member list asks a page at a time). */
  inForceAmong(merchantId: string, memberIds: string[]): Promise<Set<string>> {
    return this.consents.inForceAmong(merchantId, memberIds, BIOMETRIC_PURPOSE);
  }

  /** The member's consent to recognition at the entrance in force; `trx` to read inside the caller's transaction. */
  entranceActive(merchantId: string, memberId: string, trx?: Db): Promise<Consent | undefined> {
    return (trx ? this.consents.with(trx) : this.consents).active(merchantId, memberId, ENTRANCE_PURPOSE);
  }

  /** Which of these members have consent to recognition at the entrance in force. */
  entranceInForceAmong(merchantId: string, memberIds: string[], trx?: Db): Promise<Set<string>> {
    return (trx ? this.consents.with(trx) : this.consents).inForceAmong(merchantId, memberIds, ENTRANCE_PURPOSE);
  }

  /** Every member of the merchant with consent to recognition at the entrance in force. */
  entranceConsenting(merchantId: string): Promise<Set<string>> {
    return this.consents.everyoneInForce(merchantId, ENTRANCE_PURPOSE);
  }
}
