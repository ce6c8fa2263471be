import type { StaffActor } from '../../platform/actors.ts';
import { DomainError } from '../../platform/domain-errors.ts';
import { maskPhone } from '../members/index.ts';
import type { AuditService } from '../audit/index.ts';
import type { MemberService } from '../members/index.ts';
import type { RateCounterRepository } from '../../platform/db/rate-counter.repository.ts';
import type { TenancyService } from '../tenancy/index.ts';
import { checkImages } from './image-gate.ts';
import type { FaceInspection, MemberGallery, Recognizer } from './face.ports.ts';

/** The engine's checks offered as an API: detect and quality-check, 1:1 verify, 1:N identify in a merchant gallery. */
export class FaceCheckService {
  constructor(
    private readonly counters: RateCounterRepository,
    private readonly members: MemberService,
    private readonly auditLog: AuditService,
    private readonly recognizer: () => Promise<Recognizer>,
    private readonly gallery: MemberGallery,
    private readonly tenancy: TenancyService,
    private readonly now: () => Date = () => new Date(),
    private readonly identifyPerStaffPerHour = 60,
  ) {}

  async detect(image: Buffer): Promise<FaceInspection> {
    await checkImages([image], () => 'image');
    return (await this.recognizer()).inspect(image);
  }

  async verify(a: Buffer, b: Buffer): Promise<{ similarity: number; same: boolean; threshold: number }> {
    await checkImages([a, b], (i) => ['imageA', 'imageB'][i]!);
    const recognizer = await this.recognizer();
    const [first, second] = [
      await this.singleFace(recognizer, a, 'imageA'),
      await this.singleFace(recognizer, b, 'imageB'),
    ];
    const similarity = recognizer.similarity(first, second);
    return { similarity, same: similarity >= recognizer.thresholds.match, threshold: recognizer.thresholds.match };
  }

  /**
   * Who is the person in this photo? A merchant-admin power (a cashier may not look anyone up), limited per staff
   * member per hour, and audited with the members it named. The image is read only once the caller may search.
   */
  async identify(
    actor: StaffActor,
    merchantId: string,
    readImage: () => Promise<Buffer>,
    options: { k: number; phoneSuffix?: string },
  ) {
    await this.tenancy.merchantFor(actor, merchantId, 'face.identify');
    const taken = await this.counters.take(
      merchantId,
      `face_identify:staff:${actor.staffId}`,
      { limit: this.identifyPerStaffPerHour, windowSeconds: 3600 },
      this.now(),
    );
    if (!taken.allowed) {
      throw new DomainError(
        'rate_limited',
        'identify_limit',
        `at most ${this.identifyPerStaffPerHour} photo searches an hour; try again later`,
        {
          retryAfterSeconds: taken.retryAfterSeconds,
        },
      );
    }
    const image = await readImage();
    await checkImages([image], () => 'image');
    const recognizer = await this.recognizer();
    const probe = await this.singleFace(recognizer, image, 'image');
    const { matches, margin } = this.gallery.search(merchantId, probe, options);
    const extent = this.gallery.extent(merchantId);
    const members = new Map(
      (
        await this.members.findMany(
          merchantId,
          matches.map((m) => m.memberId),
        )
      ).map((m) => [m.id, m]),
    );
    const result = {
      matches: matches.map((m) => ({
        memberId: m.memberId,
        maskedPhone: members.has(m.memberId) ? maskPhone(members.get(m.memberId)!.phone) : null,
        score: m.score,
        match: m.score >= recognizer.thresholds.match,
        strangerChance: recognizer.strangerChance(m.score, extent),
      })),
      margin,
      thresholds: recognizer.thresholds,
    };
    await this.auditLog.record({
      merchantId,
      actorType: 'staff',
      actorId: actor.staffId,
      action: 'face.identified',
      targetType: 'merchant',
      targetId: merchantId,
      details: {
        candidates: result.matches.length,
        matchedMemberIds: result.matches.filter((m) => m.match).map((m) => m.memberId),
        phoneSuffixGiven: options.phoneSuffix !== undefined,
      },
    });
    return result;
  }

  /** The one face of an image, or the reason there is not exactly one usable face. */
  private async singleFace(recognizer: Recognizer, image: Buffer, field: string): Promise<Float32Array> {
    const inspection = await recognizer.inspect(image);
    if (inspection.faces.length === 0) throw new DomainError('invalid', 'no_face', `${field}: no face was found`);
    if (inspection.faces.length > 1) {
      throw new DomainError(
        'invalid',
        'multiple_faces',
        `${field}: ${inspection.faces.length} faces were found; exactly one is needed`,
        { faces: inspection.faces.length },
      );
    }
    const face = inspection.faces[0]!;
    const blocking = face.reasons.filter((r) => ['face_too_small', 'too_dark', 'too_bright', 'blurred'].includes(r));
    if (blocking.length > 0)
      throw new DomainError(
        'invalid',
        blocking[0]!,
        `${field}: the face is ${blocking.join(', ').replace(/_/g, ' ')}`,
        { reasons: face.reasons },
      );
    if (!face.embedding)
      throw new DomainError('invalid', 'face_unusable', `${field}: the face could not be described`, {
        reasons: face.reasons,
      });
    return face.embedding;
  }
}
