import { randomUUID } from 'node:crypto';
import type { AuditEvent, Database } from '@shualian/db';
import type { Kysely } from 'kysely';
import type { MemberActor } from '../../domain/actors.ts';
import { conflict, forbidden, invalid } from '../../domain/errors.ts';
import { merchantSettings } from '../../domain/merchant-settings.ts';
import { AuditRepository } from '../../repositories/audit.repository.ts';
import { FaceSessionRepository } from '../../repositories/face-session.repository.ts';
import { MemberRepository } from '../../repositories/member.repository.ts';
import { TenancyRepository } from '../../repositories/tenancy.repository.ts';
import type { BiometricVault } from '../biometric-vault.ts';
import type { ConsentService } from '../consent.service.ts';
import { analyseEnrollmentFrames, ENROLLMENT_RULES, enrolledElsewhere, spoofRefusal } from './enrollment-frames.ts';
import { checkImages } from './image-gate.ts';
import type { MemberGallery, Recognizer } from './ports.ts';
import type { AuditAction } from '../../domain/audit-actions.ts';
import { memberEnrolled } from '../../domain/domain-events.ts';
import { recordEvent } from '../../platform/outbox/outbox.recorder.ts';

export { ENROLLMENT_RULES } from './enrollment-frames.ts';

export interface EnrollmentResult {
  templateCount: number;
  framesUsed: number;
  framesRejected: Array<{ frame: number; reasons: string[] }>;
  replacedPrevious: boolean;
}

export interface FaceDataSummary {
  enrolled: boolean;
  templateCount: number;
  enrolledAt: string | null;
  model: string | null;
  rawImagesKept: number;
  consent: { version: string; grantedAt: string } | null;
}

const templateBinding = (memberId: string, templateId: string) => `template|${memberId}|${templateId}`;
const imageBinding = (memberId: string, imageId: string) => `image|${memberId}|${imageId}`;

const toBytes = (vector: Float32Array) => new Uint8Array(vector.buffer, vector.byteOffset, vector.byteLength);
const toVector = (bytes: Buffer) =>
  new Float32Array(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength));

/** Face enrollment, the encrypted template store, the merchant galleries built from it, and real deletion. */
export class FaceDataService {
  constructor(
    private readonly db: Kysely<Database>,
    private readonly recognizer: () => Promise<Recognizer>,
    private readonly gallery: MemberGallery,
    private readonly vault: BiometricVault,
    private readonly consents: ConsentService,
    private readonly now: () => Date = () => new Date(),
  ) {}

  async enroll(
    actor: MemberActor,
    frames: Buffer[],
    context: { deviceId?: string | null } = {},
  ): Promise<EnrollmentResult> {
    if (frames.length < ENROLLMENT_RULES.minFrames || frames.length > ENROLLMENT_RULES.maxFrames) {
      throw invalid(
        'frame_count_invalid',
        `send ${ENROLLMENT_RULES.minFrames} to ${ENROLLMENT_RULES.maxFrames} frames`,
      );
    }
    if (!(await this.consents.active(actor.merchantId, actor.memberId))) {
      throw forbidden('consent_required', 'the member has not given biometric consent');
    }
    const member = await new MemberRepository(this.db).get(actor.merchantId, actor.memberId);
    if (!member) throw invalid('member_not_found', 'no such member');
    await checkImages(frames, (i) => `frames[${i}]`);
    const recognizer = await this.recognizer();

    const { usable, rejected, probe, clear } = await analyseEnrollmentFrames(recognizer, frames, async (frame) => {
      await this.audit(actor.merchantId, 'member', actor.memberId, 'biometric.enrollment_spoof_suspected', {
        frame,
        deviceId: context.deviceId ?? null,
      });
      throw spoofRefusal();
    });
    const duplicate = enrolledElsewhere(recognizer, this.gallery, actor.merchantId, actor.memberId, probe);
    if (duplicate) {
      await this.db
        .insertInto('enrollment_reviews')
        .values({
          merchant_id: actor.merchantId,
          id: randomUUID(),
          member_id: actor.memberId,
          matched_member_id: duplicate.memberId,
          score: duplicate.score,
        })
        .execute();
      await this.audit(actor.merchantId, 'member', actor.memberId, 'biometric.enrollment_refused_duplicate', {
        matchedMemberId: duplicate.memberId,
        score: duplicate.score,
      });
      throw conflict('face_already_enrolled', 'this face is already enrolled for another member; ask staff for help');
    }

    const merchant = await new TenancyRepository(this.db).getMerchant(actor.merchantId);
    const settings = merchantSettings(merchant?.settings);
    const templates = await Promise.all(
      usable.map(async (u) => {
        const templateId = randomUUID();
        const sealed = await this.vault.encrypt(
          actor.merchantId,
          toBytes(u.embedding),
          templateBinding(actor.memberId, templateId),
        );
        return { templateId, vector: u.embedding, sealed };
      }),
    );
    const images = settings.keepRawImages
      ? await Promise.all(
          usable.map(async (u) => {
            const imageId = randomUUID();
            return {
              imageId,
              sealed: await this.vault.encrypt(actor.merchantId, u.image, imageBinding(actor.memberId, imageId)),
            };
          }),
        )
      : [];

    // Consent is checked again where the template is written, with the member's row locked: a withdrawal or deletion
    // that came while the frames were analysed has either committed (and this enrollment stores nothing) or waits
    // until this one has, and then removes what it stored.
    let inGallery = false;
    try {
      const replacedPrevious = await this.db.transaction().execute(async (trx) => {
        const locked = await new MemberRepository(trx).getForUpdate(actor.merchantId, actor.memberId);
        if (!locked) throw invalid('member_not_found', 'no such member');
        if (!(await this.consents.active(actor.merchantId, actor.memberId, trx))) {
          throw forbidden(
            'consent_withdrawn',
            'biometric consent was withdrawn while the face was being enrolled; nothing was stored',
          );
        }
        if (locked.face_data_deletions !== member.face_data_deletions) {
          throw conflict(
            'face_data_deleted',
            'the face data was deleted while the face was being enrolled; nothing was stored',
          );
        }
        const removed = await this.deleteRows(trx, actor.merchantId, actor.memberId);
        await trx
          .insertInto('face_templates')
          .values(
            templates.map((t) => ({
              merchant_id: actor.merchantId,
              id: t.templateId,
              member_id: actor.memberId,
              key_version: t.sealed.keyVersion,
              ciphertext: t.sealed.ciphertext,
              model: recognizer.model,
              quality: JSON.stringify({ framesUsed: usable.length, clear }),
            })),
          )
          .execute();
        if (images.length > 0) {
          const expiresAt = new Date(this.now().getTime() + settings.rawImageRetentionDays * 86_400_000);
          await trx
            .insertInto('face_images')
            .values(
              images.map((i) => ({
                merchant_id: actor.merchantId,
                id: i.imageId,
                member_id: actor.memberId,
                key_version: i.sealed.keyVersion,
                ciphertext: i.sealed.ciphertext,
                expires_at: expiresAt,
              })),
            )
            .execute();
        }
        await new AuditRepository(trx).record({
          merchantId: actor.merchantId,
          actorType: 'member',
          actorId: actor.memberId,
          action: removed.templates > 0 ? 'biometric.re_enrolled' : 'biometric.enrolled',
          targetType: 'member',
          targetId: actor.memberId,
          details: {
            templates: templates.length,
            rawImagesKept: settings.keepRawImages,
            deviceId: context.deviceId ?? null,
          },
        });
        await recordEvent(
          trx,
          memberEnrolled({
            ...actor,
            templates: templates.length,
            replacedPrevious: removed.templates > 0,
            deviceId: context.deviceId ?? null,
            occurredAt: this.now(),
          }),
        );
        // Last, still under the lock: the gallery changes in the order the database does.
        this.gallery.putMember(
          actor.merchantId,
          actor.memberId,
          member.phone_suffix,
          templates.map((t) => ({ templateId: t.templateId, vector: t.vector })),
        );
        inGallery = true;
        return removed.templates > 0;
      });
      return { templateCount: templates.length, framesUsed: usable.length, framesRejected: rejected, replacedPrevious };
    } catch (error) {
      // The write did not commit: the face must not be recognised from it (a previous enrollment returns on restart).
      if (inGallery) this.gallery.removeMember(actor.merchantId, actor.memberId);
      throw error;
    }
  }

  /** Deletes every template and image of the member and takes them out of the gallery (see `deleteWithin`). */
  deleteAll(
    merchantId: string,
    memberId: string,
    by: { actorType: AuditEvent['actor_type']; actorId: string | null; reason: string },
  ): Promise<{ templatesDeleted: number; imagesDeleted: number }> {
    return this.db.transaction().execute((trx) => this.deleteWithin(trx, merchantId, memberId, by));
  }

  /**
   * Deletes the member's face data inside the caller's transaction: templates and images, the member's open face
   * sessions (refused) and every probe sealed in a session that names them; counts the deletion on the member's row,
   * which locks it until commit, so an enrollment analysing at this moment stores nothing. The gallery goes first
   * (from this moment the face is not recognised, even if the write were to fail) and again under the lock, after
   * any enrollment that got there first.
   */
  async deleteWithin(
    trx: Kysely<Database>,
    merchantId: string,
    memberId: string,
    by: { actorType: AuditEvent['actor_type']; actorId: string | null; reason: string },
  ): Promise<{ templatesDeleted: number; imagesDeleted: number }> {
    this.gallery.removeMember(merchantId, memberId);
    // Sessions before the member's row: a payment locks its session, then the member.
    const sessionsEnded = await new FaceSessionRepository(trx).endForMember(merchantId, memberId, this.now());
    await new MemberRepository(trx).countFaceDataDeletion(merchantId, memberId);
    this.gallery.removeMember(merchantId, memberId);
    const removed = await this.deleteRows(trx, merchantId, memberId);
    await new AuditRepository(trx).record({
      merchantId,
      actorType: by.actorType,
      actorId: by.actorId,
      action: 'biometric.deleted',
      targetType: 'member',
      targetId: memberId,
      details: { reason: by.reason, templates: removed.templates, images: removed.images, sessionsEnded },
    });
    return { templatesDeleted: removed.templates, imagesDeleted: removed.images };
  }

  async summary(actor: MemberActor): Promise<FaceDataSummary> {
    const templates = await this.db
      .selectFrom('face_templates')
      .select(['created_at', 'model'])
      .where('merchant_id', '=', actor.merchantId)
      .where('member_id', '=', actor.memberId)
      .orderBy('created_at')
      .execute();
    const images = await this.db
      .selectFrom('face_images')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('merchant_id', '=', actor.merchantId)
      .where('member_id', '=', actor.memberId)
      .executeTakeFirstOrThrow();
    const consent = await this.consents.active(actor.merchantId, actor.memberId);
    return {
      enrolled: templates.length > 0,
      templateCount: templates.length,
      enrolledAt: templates[0]?.created_at.toISOString() ?? null,
      model: templates[0]?.model ?? null,
      rawImagesKept: Number(images.n),
      consent: consent ? { version: consent.version, grantedAt: consent.granted_at.toISOString() } : null,
    };
  }

  /** Rebuilds every merchant's gallery from the encrypted templates (server start). Returns the member count. */
  async loadGalleries(): Promise<number> {
    const recognizer = await this.recognizer();
    const rows = await this.db
      .selectFrom('face_templates')
      .innerJoin('members', (join) =>
        join
          .onRef('members.merchant_id', '=', 'face_templates.merchant_id')
          .onRef('members.id', '=', 'face_templates.member_id'),
      )
      .select([
        'face_templates.merchant_id',
        'face_templates.id',
        'face_templates.member_id',
        'face_templates.key_version',
        'face_templates.ciphertext',
        'face_templates.model',
        'members.phone_suffix',
      ])
      .execute();
    const byMember = new Map<
      string,
      {
        merchantId: string;
        memberId: string;
        suffix: string;
        templates: Array<{ templateId: string; vector: Float32Array }>;
      }
    >();
    for (const row of rows) {
      if (row.model !== recognizer.model) continue; // templates of another model need re-enrollment
      const plain = await this.vault.decrypt(
        row.merchant_id,
        row.key_version,
        row.ciphertext,
        templateBinding(row.member_id, row.id),
      );
      const key = `${row.merchant_id}/${row.member_id}`;
      const entry = byMember.get(key) ?? {
        merchantId: row.merchant_id,
        memberId: row.member_id,
        suffix: row.phone_suffix,
        templates: [],
      };
      entry.templates.push({ templateId: row.id, vector: toVector(plain) });
      byMember.set(key, entry);
    }
    for (const m of byMember.values()) this.gallery.putMember(m.merchantId, m.memberId, m.suffix, m.templates);
    return byMember.size;
  }

  /** Raw images past their retention period are deleted (run periodically). */
  async purgeExpiredImages(): Promise<number> {
    const result = await this.db.deleteFrom('face_images').where('expires_at', '<=', this.now()).executeTakeFirst();
    return Number(result.numDeletedRows);
  }

  private async deleteRows(
    trx: Kysely<Database>,
    merchantId: string,
    memberId: string,
  ): Promise<{ templates: number; images: number }> {
    const templates = await trx
      .deleteFrom('face_templates')
      .where('merchant_id', '=', merchantId)
      .where('member_id', '=', memberId)
      .executeTakeFirst();
    const images = await trx
      .deleteFrom('face_images')
      .where('merchant_id', '=', merchantId)
      .where('member_id', '=', memberId)
      .executeTakeFirst();
    return { templates: Number(templates.numDeletedRows), images: Number(images.numDeletedRows) };
  }

  private audit(
    merchantId: string,
    actorType: AuditEvent['actor_type'],
    actorId: string,
    action: AuditAction,
    details: Record<string, unknown>,
  ) {
    return new AuditRepository(this.db).record({
      merchantId,
      actorType,
      actorId,
      action,
      targetType: 'member',
      targetId: actorId,
      details,
    });
  }
}
