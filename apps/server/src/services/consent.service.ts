import { randomUUID } from 'node:crypto';
import type { Consent, Database } from '@shualian/db';
import type { Kysely } from 'kysely';
import type { MemberActor } from '../domain/actors.ts';
import { BIOMETRIC_PURPOSE, consentText, consentTextHash, CURRENT_CONSENT_VERSION } from '../domain/consent.ts';
import { conflict, invalid, notFound } from '../domain/errors.ts';
import { merchantSettings } from '../domain/merchant-settings.ts';
import { AuditRepository } from '../repositories/audit.repository.ts';
import { TenancyRepository } from '../repositories/tenancy.repository.ts';
import type { FaceDataService } from './face/face-data.service.ts';
import { consentWithdrawn } from '../domain/domain-events.ts';
import { recordEvent } from '../platform/outbox/outbox.recorder.ts';

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

/** Separate, explicit, versioned consent to biometric processing; withdrawing it deletes the face data. */
export class ConsentService {
  constructor(
    private readonly db: Kysely<Database>,
    private readonly faceData: () => FaceDataService,
    private readonly now: () => Date = () => new Date(),
  ) {}

  async document(merchantId: string): Promise<ConsentDocument> {
    const merchant = await new TenancyRepository(this.db).getMerchant(merchantId);
    if (!merchant) throw notFound('merchant_not_found', 'no such merchant');
    const settings = merchantSettings(merchant.settings);
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
    return this.db.transaction().execute(async (trx) => {
      if (existing)
        await trx
          .updateTable('consents')
          .set({ withdrawn_at: this.now() })
          .where('merchant_id', '=', actor.merchantId)
          .where('id', '=', existing.id)
          .execute();
      const consent = await trx
        .insertInto('consents')
        .values({
          merchant_id: actor.merchantId,
          id: randomUUID(),
          member_id: actor.memberId,
          purpose: BIOMETRIC_PURPOSE,
          version: document.version,
          text_sha256: document.sha256,
          granted_at: this.now(),
          device_id: input.deviceId ?? null,
          client_ip: input.clientIp ?? null,
          user_agent: input.userAgent?.slice(0, 300) ?? null,
        })
        .returningAll()
        .executeTakeFirstOrThrow();
      await new AuditRepository(trx).record({
        merchantId: actor.merchantId,
        actorType: 'member',
        actorId: actor.memberId,
        action: 'biometric.consent_granted',
        targetType: 'member',
        targetId: actor.memberId,
        details: { version: document.version, deviceId: input.deviceId ?? null },
      });
      return consent;
    });
  }

  /**
   * Withdraws consent and deletes the member's face data in one transaction, serialised with enrollment on the
   * member's row: an enrollment analysing at this moment stores nothing, one that wrote first is deleted here.
   */
  async withdraw(actor: MemberActor): Promise<{ templatesDeleted: number; imagesDeleted: number }> {
    if (!(await this.active(actor.merchantId, actor.memberId)))
      throw conflict('consent_not_given', 'there is no biometric consent to withdraw');
    return this.db.transaction().execute(async (trx) => {
      const deleted = await this.faceData().deleteWithin(trx, actor.merchantId, actor.memberId, {
        actorType: 'member',
        actorId: actor.memberId,
        reason: 'consent_withdrawn',
      });
      // Read again under the member's lock: a withdrawal sent twice at once withdraws once.
      const existing = await this.active(actor.merchantId, actor.memberId, trx);
      if (!existing) throw conflict('consent_not_given', 'there is no biometric consent to withdraw');
      await trx
        .updateTable('consents')
        .set({ withdrawn_at: this.now() })
        .where('merchant_id', '=', actor.merchantId)
        .where('id', '=', existing.id)
        .execute();
      await new AuditRepository(trx).record({
        merchantId: actor.merchantId,
        actorType: 'member',
        actorId: actor.memberId,
        action: 'biometric.consent_withdrawn',
        targetType: 'member',
        targetId: actor.memberId,
        details: deleted,
      });
      await recordEvent(
        trx,
        consentWithdrawn({ ...actor, consentVersion: existing.version, ...deleted, occurredAt: this.now() }),
      );
      return deleted;
    });
  }

  /** The member's biometric consent in force; `db` is the caller's transaction when it holds the member's lock. */
  active(merchantId: string, memberId: string, db: Kysely<Database> = this.db): Promise<Consent | undefined> {
    return db
      .selectFrom('consents')
      .selectAll()
      .where('merchant_id', '=', merchantId)
      .where('member_id', '=', memberId)
      .where('purpose', '=', BIOMETRIC_PURPOSE)
      .where('withdrawn_at', 'is', null)
      .orderBy('granted_at', 'desc')
      .limit(1)
      .executeTakeFirst();
  }
}
