import { Repository } from '../../platform/db/repository.ts';

interface Sealed {
  keyVersion: number;
  ciphertext: string;
}

/** Face templates and kept enrollment images (both encrypted), and the enrollments held for review. */
export class FaceTemplateRepository extends Repository {
  async insertTemplates(
    merchantId: string,
    memberId: string,
    model: string,
    quality: Record<string, unknown>,
    templates: Array<{ templateId: string; sealed: Sealed }>,
  ): Promise<void> {
    await this.db
      .insertInto('face_templates')
      .values(
        templates.map((t) => ({
          merchant_id: merchantId,
          id: t.templateId,
          member_id: memberId,
          key_version: t.sealed.keyVersion,
          ciphertext: t.sealed.ciphertext,
          model,
          quality: JSON.stringify(quality),
        })),
      )
      .execute();
  }

  async insertImages(
    merchantId: string,
    memberId: string,
    expiresAt: Date,
    images: Array<{ imageId: string; sealed: Sealed }>,
  ): Promise<void> {
    await this.db
      .insertInto('face_images')
      .values(
        images.map((i) => ({
          merchant_id: merchantId,
          id: i.imageId,
          member_id: memberId,
          key_version: i.sealed.keyVersion,
          ciphertext: i.sealed.ciphertext,
          expires_at: expiresAt,
        })),
      )
      .execute();
  }

  async insertReview(review: {
    merchantId: string;
    id: string;
    memberId: string;
    matchedMemberId: string;
    score: number;
  }) {
    await this.db
      .insertInto('enrollment_reviews')
      .values({
        merchant_id: review.merchantId,
        id: review.id,
        member_id: review.memberId,
        matched_member_id: review.matchedMemberId,
        score: review.score,
      })
      .execute();
  }

  async deleteForMember(merchantId: string, memberId: string): Promise<{ templates: number; images: number }> {
    const templates = await this.db
      .deleteFrom('face_templates')
      .where('merchant_id', '=', merchantId)
      .where('member_id', '=', memberId)
      .executeTakeFirst();
    const images = await this.db
      .deleteFrom('face_images')
      .where('merchant_id', '=', merchantId)
      .where('member_id', '=', memberId)
      .executeTakeFirst();
    return { templates: Number(templates.numDeletedRows), images: Number(images.numDeletedRows) };
  }

  /** The member's templates, oldest first (when and with which model they were made), and how many images are kept. */
  async ofMember(merchantId: string, memberId: string) {
    const templates = await this.db
      .selectFrom('face_templates')
      .select(['created_at', 'model'])
      .where('merchant_id', '=', merchantId)
      .where('member_id', '=', memberId)
      .orderBy('created_at')
      .execute();
    const images = await this.db
      .selectFrom('face_images')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('merchant_id', '=', merchantId)
      .where('member_id', '=', memberId)
      .executeTakeFirstOrThrow();
    return { templates, images: Number(images.n) };
  }

  async hasTemplate(merchantId: string, memberId: string): Promise<boolean> {
    const face = await this.db
      .selectFrom('face_templates')
      .select('id')
      .where('merchant_id', '=', merchantId)
      .where('member_id', '=', memberId)
      .limit(1)
      .executeTakeFirst();
    return Boolean(face);
  }

  /** Which of these members have at least one template. */
  async enrolledAmong(merchantId: string, memberIds: string[]): Promise<Set<string>> {
    if (memberIds.length === 0) return new Set();
    const rows = await this.db
      .selectFrom('face_templates')
      .select('member_id')
      .distinct()
      .where('merchant_id', '=', merchantId)
      .where('member_id', 'in', memberIds)
      .execute();
    return new Set(rows.map((r) => r.member_id));
  }

  /** Every template: what the galleries are built from at start. */
  all() {
    return this.db
      .selectFrom('face_templates')
      .select(['merchant_id', 'id', 'member_id', 'key_version', 'ciphertext', 'model'])
      .execute();
  }

  async purgeExpiredImages(now: Date): Promise<number> {
    const result = await this.db.deleteFrom('face_images').where('expires_at', '<=', now).executeTakeFirst();
    return Number(result.numDeletedRows);
  }
}
