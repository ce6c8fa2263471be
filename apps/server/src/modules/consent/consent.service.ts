import { randomUUID } from 'node:crypto';
import type { Consent } from '@shualian/db';
import type { MemberActor } from '../../platform/actors.ts';
import type { Db } from '../../platform/db/repository.ts';
import type { Transactions } from '../../platform/db/transactions.ts';
import { conflict, invalid, notFound } from '../../platform/domain-errors.ts';
import type { AuditService } from '../audit/index.ts';
import type { FaceDataService } from '../biometrics/index.ts';
import type { MerchantSettingsService } from '../settings/index.ts';
import type { TenancyService } from '../tenancy/index.ts';
import {
  BIOMETRIC_PURPOSE,
  consentText,
  consentTextHash,
  CURRENT_CONSENT_VERSION,
  CURRENT_ENTRANCE_CONSENT_VERSION,
  ENTRANCE_PURPOSE,
  entranceConsentText,
} from './consent-texts.ts';
import type { ConsentRegister } from './consent-register.ts';
import type { ConsentRepository } from './consent.repository.ts';
import { recordEvent } from '../../platform/outbox/index.ts';
import { consentWithdrawn } from './consent.events.ts';

export interface ConsentDocument {
  purpose: string;
  version: string;
  sha256: string;
  /** Whether enrollment photos are kept (encrypted) at this merchant, and for how long. */
  rawImagesKept: boolean;
  retentionDays: number;
  zh: string;
  en: string;
}

/** The entrance consent's text as the member app shows it. */
export interface EntranceConsentDocument {
  purpose: typeof ENTRANCE_PURPOSE;
  version: string;
  sha256: string;
  /** after how many minutes unseen a visit ends at this merchant (the text says so) */
  visitWindowMinutes: number;
  zh: string;
  en: string;
}

/** Whether the member has "recognise me when I enter" on, and the text they would agree to. */
/**
 * Told when a member's recognition at the entrance changed: `recognisable` false means they must not be recognised from
 * now on. Awaited after the change committed; a failure there is logged, not the member's (the minute sweep ends
 * what it missed).
 */
export type EntranceConsentListener = (merchantId: string, memberId: string, recognisable: boolean) => unknown;

export interface EntranceConsentStatus {
  on: boolean;
  /** the version the member agreed to (null: off) */
  version: string | null;
  grantedAt: Date | null;
  /** whether the member has face data to be recognised by (enrolled for face payment); without it, on does nothing */
  faceEnrolled: boolean;
  document: EntranceConsentDocument;
}

/**
 * Separate, explicit, versioned consent to biometric processing (withdrawing it deletes the face data), and the
 * entrance's own consent to be recognised when entering (off by default; withdrawing it takes effect at the next crop).
 */
export class ConsentService {
  constructor(
    private readonly consents: ConsentRepository,
    private readonly register: ConsentRegister,
    private readonly transactions: Transactions,
    private readonly faceData: FaceDataService,
    private readonly tenancy: TenancyService,
    private readonly settings: MerchantSettingsService,
    private readonly audit: AuditService,
    private readonly now: () => Date = () => new Date(),
    /**
     * Told after a member's entrance recognition changed (committed): on, the entrance reads who consents afresh; off
     * (withdrawn, or their face deleted with the biometric consent), it forgets them at once.
     */
    private readonly entranceConsentChanged: EntranceConsentListener = () => {},
  ) {}

  /** The document of the merchant a code names (the member app knows its merchant by code before sign-in). */
  async documentByCode(merchantCode: string): Promise<ConsentDocument> {
    const merchant = await this.tenancy.merchantByCode(merchantCode);
    if (!merchant) throw notFound('merchant_not_found', 'no such merchant');
    return this.document(merchant.id);
  }

  async document(merchantId: string): Promise<ConsentDocument> {
    const merchant = await this.tenancy.merchant(merchantId);
    if (!merchant) throw notFound('merchant_not_found', 'no such merchant');
    const settings = await this.settings.of(merchantId);
    const retentionDays = settings.rawImageRetentionDays;
    const text = consentText(merchant.name, { kept: settings.keepRawImages, retentionDays });
    return {
      purpose: BIOMETRIC_PURPOSE,
      version: CURRENT_CONSENT_VERSION,
      sha256: consentTextHash(text),
      rawImagesKept: settings.keepRawImages,
      retentionDays,
      ...text,
    };
  }

  /** Records consent to the exact text the member was shown (its version and hash must be the current ones). */
  async grant(
    actor: MemberActor,
    input: {
      version: string;
      textSha256: string;
      deviceId?: string | null;
      clientIp?: string | null;
      userAgent?: string | null;
    },
  ): Promise<Consent> {
    const document = await this.document(actor.merchantId);
    if (input.version !== document.version || input.textSha256 !== document.sha256) {
      throw invalid('consent_text_outdated', 'the consent text has changed; show the member the current version', {
        version: document.version,
      });
    }
    const existing = await this.active(actor.merchantId, actor.memberId);
    if (existing?.version === document.version) return existing;
    return this.transactions.run(async (trx) => {
      const consents = this.consents.with(trx);
      if (existing) await consents.withdraw(actor.merchantId, existing.id, this.now());
      const consent = await consents.insert({
        merchantId: actor.merchantId,
        id: randomUUID(),
        memberId: actor.memberId,
        purpose: BIOMETRIC_PURPOSE,
        version: document.version,
        textSha256: document.sha256,
        grantedAt: this.now(),
        deviceId: input.deviceId ?? null,
        clientIp: input.clientIp ?? null,
        userAgent: input.userAgent?.slice(0, 300) ?? null,
      });
      await this.audit.record(
        {
          merchantId: actor.merchantId,
          actorType: 'member',
          actorId: actor.memberId,
          action: 'biometric.consent_granted',
          targetType: 'member',
          targetId: actor.memberId,
          details: { version: document.version, deviceId: input.deviceId ?? null },
        },
        trx,
      );
      return consent;
    });
  }

  /**
   * Withdraws consent and asks biometrics to delete the face data, in one transaction serialised with enrollment on
   * the member's row: an enrollment analysing at this moment stores nothing, one that wrote first is deleted here.
   */
  async withdraw(actor: MemberActor): Promise<{ templatesDeleted: number; imagesDeleted: number }> {
    if (!(await this.active(actor.merchantId, actor.memberId)))
      throw conflict('consent_not_given', 'there is no biometric consent to withdraw');
    const deleted = await this.transactions.run(async (trx) => {
      const deleted = await this.faceData.deleteWithin(trx, actor.merchantId, actor.memberId, {
        actorType: 'member',
        actorId: actor.memberId,
        reason: 'consent_withdrawn',
      });
      // Read again under the member's lock: a withdrawal sent twice at once withdraws once.
      const existing = await this.active(actor.merchantId, actor.memberId, trx);
      if (!existing) throw conflict('consent_not_given', 'there is no biometric consent to withdraw');
      await this.consents.with(trx).withdraw(actor.merchantId, existing.id, this.now());
      // Recognition at the entrance stands on the face just deleted: it ends with it, and the member turns it on
      // again themselves after a new enrollment.
      const entranceOff = await this.consents
        .with(trx)
        .withdrawPurpose(actor.merchantId, actor.memberId, ENTRANCE_PURPOSE, this.now());
      if (entranceOff > 0)
        await this.audit.record(
          {
            merchantId: actor.merchantId,
            actorType: 'member',
            actorId: actor.memberId,
            action: 'entrance.consent_withdrawn',
            targetType: 'member',
            targetId: actor.memberId,
            details: { with: 'biometric.consent_withdrawn' },
          },
          trx,
        );
      await this.audit.record(
        {
          merchantId: actor.merchantId,
          actorType: 'member',
          actorId: actor.memberId,
          action: 'biometric.consent_withdrawn',
          targetType: 'member',
          targetId: actor.memberId,
          details: deleted,
        },
        trx,
      );
      await recordEvent(
        trx,
        consentWithdrawn({ ...actor, consentVersion: existing.version, ...deleted, occurredAt: this.now() }),
      );
      return deleted;
    });
    await this.tellEntrance(actor.merchantId, actor.memberId, false);
    return deleted;
  }

  private async tellEntrance(merchantId: string, memberId: string, recognisable: boolean): Promise<void> {
    try {
      await this.entranceConsentChanged(merchantId, memberId, recognisable);
    } catch (error) {
      console.error('the entrance could not take in a consent change at once; its sweep will', error);
    }
  }

  /** The member's biometric consent in force; `trx` is the caller's transaction when it holds the member's lock. */
  active(merchantId: string, memberId: string, trx?: Db): Promise<Consent | undefined> {
    return this.register.active(merchantId, memberId, trx);
  }

  /** The entrance consent's current text at this merchant. */
  async entranceDocument(merchantId: string): Promise<EntranceConsentDocument> {
    const merchant = await this.tenancy.merchant(merchantId);
    if (!merchant) throw notFound('merchant_not_found', 'no such merchant');
    const { entranceVisitWindowMinutes } = await this.settings.of(merchantId);
    const text = entranceConsentText(merchant.name, entranceVisitWindowMinutes);
    return {
      purpose: ENTRANCE_PURPOSE,
      version: CURRENT_ENTRANCE_CONSENT_VERSION,
      sha256: consentTextHash(text),
      visitWindowMinutes: entranceVisitWindowMinutes,
      ...text,
    };
  }

  async entranceDocumentByCode(merchantCode: string): Promise<EntranceConsentDocument> {
    const merchant = await this.tenancy.merchantByCode(merchantCode);
    if (!merchant) throw notFound('merchant_not_found', 'no such merchant');
    return this.entranceDocument(merchant.id);
  }

  /** Whether the member's entrance recognition is on (their consent in force), with the current text. */
  async entranceStatus(actor: MemberActor): Promise<EntranceConsentStatus> {
    const [consent, document, enrolled] = await Promise.all([
      this.register.entranceActive(actor.merchantId, actor.memberId),
      this.entranceDocument(actor.merchantId),
      this.faceData.enrolledAmong(actor.merchantId, [actor.memberId]),
    ]);
    return {
      on: Boolean(consent),
      version: consent?.version ?? null,
      grantedAt: consent?.granted_at ?? null,
      faceEnrolled: enrolled.has(actor.memberId),
      document,
    };
  }

  /**
   * Turns entrance recognition on: consent to the exact text shown (its version and hash must be the current ones).
   * Consent to the same version again returns the one in force; a newer version replaces an older one.
   */
  async grantEntrance(
    actor: MemberActor,
    input: { version: string; textSha256: string; clientIp?: string | null; userAgent?: string | null },
  ): Promise<Consent> {
    const document = await this.entranceDocument(actor.merchantId);
    if (input.version !== document.version || input.textSha256 !== document.sha256) {
      throw invalid('consent_text_outdated', 'the consent text has changed; show the member the current version', {
        version: document.version,
      });
    }
    const consent = await this.transactions.run(async (trx) => {
      const existing = await this.register.entranceActive(actor.merchantId, actor.memberId, trx);
      if (existing?.version === document.version) return existing;
      const consents = this.consents.with(trx);
      if (existing) await consents.withdraw(actor.merchantId, existing.id, this.now());
      const consent = await consents.insert({
        merchantId: actor.merchantId,
        id: randomUUID(),
        memberId: actor.memberId,
        purpose: ENTRANCE_PURPOSE,
        version: document.version,
        textSha256: document.sha256,
        grantedAt: this.now(),
        deviceId: null,
        clientIp: input.clientIp ?? null,
        userAgent: input.userAgent?.slice(0, 300) ?? null,
      });
      await this.audit.record(
        {
          merchantId: actor.merchantId,
          actorType: 'member',
          actorId: actor.memberId,
          action: 'entrance.consent_granted',
          targetType: 'member',
          targetId: actor.memberId,
          details: { version: document.version },
        },
        trx,
      );
      return consent;
    });
    await this.tellEntrance(actor.merchantId, actor.memberId, true);
    return consent;
  }

  /**
   * Turns entrance recognition off, at once: the entrance reads consent for every crop it names, so from the next crop
   * on the member is counted anonymously (their open visit ends there), and the staff view stops showing them now.
   * Visits recorded while the consent was in force are kept.
   */
  async withdrawEntrance(actor: MemberActor): Promise<{ withdrawnAt: Date }> {
    const withdrawn = await this.transactions.run(async (trx) => {
      const existing = await this.register.entranceActive(actor.merchantId, actor.memberId, trx);
      if (!existing) throw conflict('consent_not_given', 'entrance recognition is not on');
      const at = this.now();
      // Every grant in force goes (two taps at once may have recorded two); a withdrawal sent twice withdraws once.
      const withdrawn = await this.consents
        .with(trx)
        .withdrawPurpose(actor.merchantId, actor.memberId, ENTRANCE_PURPOSE, at);
      if (withdrawn === 0) throw conflict('consent_not_given', 'entrance recognition is not on');
      await this.audit.record(
        {
          merchantId: actor.merchantId,
          actorType: 'member',
          actorId: actor.memberId,
          action: 'entrance.consent_withdrawn',
          targetType: 'member',
          targetId: actor.memberId,
          details: { version: existing.version },
        },
        trx,
      );
      return { withdrawnAt: at };
    });
    await this.tellEntrance(actor.merchantId, actor.memberId, false);
    return withdrawn;
  }
}
