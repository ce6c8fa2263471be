import { randomUUID } from 'node:crypto';
import type { AuditEvent } from '@shualian/db';
import type { MemberActor } from '../../platform/actors.ts';
import type { Db } from '../../platform/db/repository.ts';
import type { Transactions } from '../../platform/db/transactions.ts';
import { conflict, forbidden, invalid } from '../../platform/domain-errors.ts';
import type { AuditService } from '../audit/index.ts';
import type { MemberService } from '../members/index.ts';
import type { MerchantSettingsService } from '../settings/index.ts';
import type { BiometricVault } from './biometric-vault.ts';
import type { FaceTemplateRepository } from './face-template.repository.ts';
import { analyseEnrollmentFrames, ENROLLMENT_RULES, enrolledElsewhere, spoofRefusal } from './enrollment-frames.ts';
import { checkImages } from './image-gate.ts';
import type { ConsentInForce, MemberGallery, Recognizer } from './face.ports.ts';
import type { AuditAction } from '../audit/index.ts';
import { recordEvent } from '../../platform/outbox/index.ts';
import { memberEnrolled } from './face-data.events.ts';

export { ENROLLMENT_RULES } from './enrollment-frames.ts';

export interface EnrollmentResult {
  templateCount: number;
  framesUsed: number;
  framesRejected: Array<{ frame: number; reasons: string[] }>;
  replacedPrevious: boolean;
}

/**
 * What else must end when a member's face data goes, run first in the deleting transaction (checkout ends the
 * member's open face sessions and drops the probes sealed in them); returns how many sessions ended.
 */
export type EndFaceSessions = (trx: Db, merchantId: string, memberId: string) => Promise<number>;

export interface FaceDataDependencies {
  templates: FaceTemplateRepository;
  transactions: Transactions;
  recognizer: () => Promise<Recognizer>;
  gallery: MemberGallery;
  vault: BiometricVault;
  /** Read only: biometrics asks whether consent is in force and never calls the consent module back. */
  consents: ConsentInForce;
  members: MemberService;
  settings: MerchantSettingsService;
  audit: AuditService;
  endFaceSessions: EndFaceSessions;
  /**
   * Told after a member's face data was deleted (committed) outside a consent withdrawal, so what still holds their
   * face in memory (the entrance's tracks) lets go at once. Its failure is not the deletion's.
   */
  faceDeleted?: (merchantId: string, memberId: string) => unknown;
  now?: () => Date;
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
  private readonly templates: FaceTemplateRepository;
  private readonly transactions: Transactions;
  private readonly recognizer: () => Promise<Recognizer>;
  private readonly gallery: MemberGallery;
  private readonly vault: BiometricVault;
  private readonly consents: ConsentInForce;
  private readonly members: MemberService;
  private readonly settings: MerchantSettingsService;
  private readonly auditLog: AuditService;
  private readonly endFaceSessions: EndFaceSessions;
  private readonly faceDeleted: (merchantId: string, memberId: string) => unknown;
  private readonly now: () => Date;

  constructor(dependencies: FaceDataDependencies) {
    this.templates = dependencies.templates;
    this.transactions = dependencies.transactions;
    this.recognizer = dependencies.recognizer;
    this.gallery = dependencies.gallery;
    this.vault = dependencies.vault;
    this.consents = dependencies.consents;
    this.members = dependencies.members;
    this.settings = dependencies.settings;
    this.auditLog = dependencies.audit;
    this.endFaceSessions = dependencies.endFaceSessions;
    this.faceDeleted = dependencies.faceDeleted ?? (() => {});
    this.now = dependencies.now ?? (() => new Date());
  }

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
    const member = await this.members.find(actor.merchantId, actor.memberId);
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
      await this.templates.insertReview({
        merchantId: actor.merchantId,
        id: randomUUID(),
        memberId: actor.memberId,
        matchedMemberId: duplicate.memberId,
        score: duplicate.score,
      });
      await this.audit(actor.merchantId, 'member', actor.memberId, 'biometric.enrollment_refused_duplicate', {
        matchedMemberId: duplicate.memberId,
        score: duplicate.score,
      });
      throw conflict('face_already_enrolled', 'this face is already enrolled for another member; ask staff for help');
    }

    const settings = await this.settings.of(actor.merchantId);
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
      const replacedPrevious = await this.transactions.run(async (trx) => {
        const locked = await this.members.lock(trx, actor.merchantId, actor.memberId);
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
        const removed = await this.templates.with(trx).deleteForMember(actor.merchantId, actor.memberId);
        await this.templates
          .with(trx)
          .insertTemplates(
            actor.merchantId,
            actor.memberId,
            recognizer.model,
            { framesUsed: usable.length, clear },
            templates,
          );
        if (images.length > 0) {
          const expiresAt = new Date(this.now().getTime() + settings.rawImageRetentionDays * 86_400_000);
          await this.templates.with(trx).insertImages(actor.merchantId, actor.memberId, expiresAt, images);
        }
        await this.auditLog.record(
          {
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
          },
          trx,
        );
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
  async deleteAll(
    merchantId: string,
    memberId: string,
    by: { actorType: AuditEvent['actor_type']; actorId: string | null; reason: string },
  ): Promise<{ templatesDeleted: number; imagesDeleted: number }> {
    const deleted = await this.transactions.run((trx) => this.deleteWithin(trx, merchantId, memberId, by));
    try {
      await this.faceDeleted(merchantId, memberId);
    } catch (error) {
      console.error('what holds the deleted face in memory could not let go at once; its sweep will', error);
    }
    return deleted;
  }

  /**
   * Deletes the member's face data inside the caller's transaction: templates and images, the member's open face
   * sessions (refused) and every probe sealed in a session that names them; counts the deletion on the member's row,
   * which locks it until commit, so an enrollment analysing at this moment stores nothing. The gallery goes first
   * (from this moment the face is not recognised, even if the write were to fail) and again under the lock, after
   * any enrollment that got there first.
   */
  async deleteWithin(
    trx: Db,
    merchantId: string,
    memberId: string,
    by: { actorType: AuditEvent['actor_type']; actorId: string | null; reason: string },
  ): Promise<{ templatesDeleted: number; imagesDeleted: number }> {
    this.gallery.removeMember(merchantId, memberId);
    // Sessions before the member's row: a payment locks its session, then the member.
    const sessionsEnded = await this.endFaceSessions(trx, merchantId, memberId);
    await this.members.countFaceDataDeletion(trx, merchantId, memberId);
    this.gallery.removeMember(merchantId, memberId);
    const removed = await this.templates.with(trx).deleteForMember(merchantId, memberId);
    await this.auditLog.record(
      {
        merchantId,
        actorType: by.actorType,
        actorId: by.actorId,
        action: 'biometric.deleted',
        targetType: 'member',
        targetId: memberId,
        details: { reason: by.reason, templates: removed.templates, images: removed.images, sessionsEnded },
      },
      trx,
    );
    return { templatesDeleted: removed.templates, imagesDeleted: removed.images };
  }

  async summary(actor: MemberActor): Promise<FaceDataSummary> {
    const { templates, images } = await this.templates.ofMember(actor.merchantId, actor.memberId);
    const consent = await this.consents.active(actor.merchantId, actor.memberId);
    return {
      enrolled: templates.length > 0,
      templateCount: templates.length,
      enrolledAt: templates[0]?.created_at.toISOString() ?? null,
      model: templates[0]?.model ?? null,
      rawImagesKept: images,
      consent: consent ? { version: consent.version, grantedAt: consent.granted_at.toISOString() } : null,
    };
  }

  /** Which of these members have face data enrolled (the staff's member list asks a page at a time). */
  enrolledAmong(merchantId: string, memberIds: string[]): Promise<Set<string>> {
    return this.templates.enrolledAmong(merchantId, memberIds);
  }

  /**
   * Rebuilds every merchant's gallery from the encrypted templates (server start), each member in the partition of
   * their phone suffix (asked of the members module, once per merchant). Returns the member count.
   */
  async loadGalleries(): Promise<number> {
    const recognizer = await this.recognizer();
    const rows = await this.templates.all();
    const byMerchant = new Map<string, Map<string, Array<{ templateId: string; vector: Float32Array }>>>();
    for (const row of rows) {
      if (row.model !== recognizer.model) continue; // templates of another model need re-enrollment
      const plain = await this.vault.decrypt(
        row.merchant_id,
        row.key_version,
        row.ciphertext,
        templateBinding(row.member_id, row.id),
      );
      const byMember = byMerchant.get(row.merchant_id) ?? new Map();
      byMerchant.set(row.merchant_id, byMember);
      const templates = byMember.get(row.member_id) ?? [];
      byMember.set(row.member_id, templates);
      templates.push({ templateId: row.id, vector: toVector(plain) });
    }
    let loaded = 0;
    for (const [merchantId, byMember] of byMerchant) {
      const suffixes = await this.members.phoneSuffixes(merchantId, [...byMember.keys()]);
      for (const [memberId, templates] of byMember) {
        const suffix = suffixes.get(memberId);
        if (suffix === undefined) continue;
        this.gallery.putMember(merchantId, memberId, suffix, templates);
        loaded++;
      }
    }
    return loaded;
  }

  /** Raw images past their retention period are deleted (run periodically). */
  async purgeExpiredImages(): Promise<number> {
    return this.templates.purgeExpiredImages(this.now());
  }

  /** Whether the member has face data now; `trx` holds the member's lock when a payment asks. */
  hasFaceData(merchantId: string, memberId: string, trx?: Db): Promise<boolean> {
    return (trx ? this.templates.with(trx) : this.templates).hasTemplate(merchantId, memberId);
  }

  private audit(
    merchantId: string,
    actorType: AuditEvent['actor_type'],
    actorId: string,
    action: AuditAction,
    details: Record<string, unknown>,
  ) {
    return this.auditLog.record({
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
