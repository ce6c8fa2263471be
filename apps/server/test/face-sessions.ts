import { randomUUID } from 'node:crypto';
import type { Database, FaceSessionStatus } from '@shualian/db';
import { embeddingDimensions, MODEL_ID } from '@shualian/face-engine';
import type { Kysely } from 'kysely';
import type { Services } from '../src/container.ts';

/**
 * Face sessions and face data written straight to the database, in the state a test starts from, so that what comes
 * next (a step-up answer, a payment, a deletion) runs through the real service without first running the engine on
 * camera frames. Templates and probes are sealed by the real vault, exactly as enrollment and the kiosk flow seal them.
 */

/** A unit vector pointing its own way: as far from every other such vector as faces of two strangers. */
export function randomFace(seed = Math.random(), dimensions = embeddingDimensions): Float32Array {
  let state = Math.floor(seed * 2 ** 31) || 1;
  const next = () => ((state = (state * 48271) % 2147483647) / 2147483647) * 2 - 1;
  const vector = Float32Array.from({ length: dimensions }, next);
  const norm = Math.hypot(...vector);
  return vector.map((v) => v / norm);
}

const bytes = (vector: Float32Array) => new Uint8Array(vector.buffer, vector.byteOffset, vector.byteLength);

/** Stores one face template for the member (sealed as enrollment seals it) and puts the member in the gallery. */
export async function storeTemplate(
  services: Services,
  db: Kysely<Database>,
  member: { merchantId: string; memberId: string; phoneSuffix: string },
  vector: Float32Array,
): Promise<string> {
  const templateId = randomUUID();
  const sealed = await services.vault.encrypt(
    member.merchantId,
    bytes(vector),
    `template|${member.memberId}|${templateId}`,
  );
  await db
    .insertInto('face_templates')
    .values({
      merchant_id: member.merchantId,
      id: templateId,
      member_id: member.memberId,
      key_version: sealed.keyVersion,
      ciphertext: sealed.ciphertext,
      model: MODEL_ID,
    })
    .execute();
  services.gallery.putMember(member.merchantId, member.memberId, member.phoneSuffix, [{ templateId, vector }]);
  return templateId;
}

export interface SessionFixture {
  merchantId: string;
  storeId: string;
  deviceId: string;
  status: FaceSessionStatus;
  stepUp?: 'phone_suffix' | 'full_phone' | 'pin' | 'head_turn' | null;
  memberId?: string | null;
  candidates?: string[];
  amountFen?: number;
  verification?: 'face' | 'face+phone_suffix' | 'face+full_phone' | 'face+pin';
  /** The shopper's face as the flash frames gave it, sealed into the decision as the kiosk flow seals it. */
  probe?: Float32Array;
  headTurn?: { side: 'left' | 'right'; turnAtMs: number };
  failedAttempts?: number;
  expiresAt?: Date;
}

/** A face session in the given state; returns its id. */
export async function insertFaceSession(
  services: Services,
  db: Kysely<Database>,
  fixture: SessionFixture,
): Promise<string> {
  const id = randomUUID();
  const amountFen = fixture.amountFen ?? 2500;
  const decision: Record<string, unknown> = { verification: fixture.verification ?? 'face' };
  if (fixture.probe)
    decision.probe = await services.vault.encrypt(fixture.merchantId, bytes(fixture.probe), `probe|${id}`);
  if (fixture.headTurn) decision.headTurn = fixture.headTurn;
  await db
    .insertInto('face_sessions')
    .values({
      merchant_id: fixture.merchantId,
      id,
      store_id: fixture.storeId,
      device_id: fixture.deviceId,
      amount_fen: amountFen,
      items: JSON.stringify([
        {
          productId: randomUUID(),
          name: 'Duck neck',
          quantity: 1,
          unitPriceFen: amountFen,
          memberPriceFen: null,
          lineTotalFen: amountFen,
        },
      ]),
      status: fixture.status,
      challenge: JSON.stringify({}),
      candidates: JSON.stringify(fixture.candidates ?? (fixture.memberId ? [fixture.memberId] : [])),
      step_up: fixture.stepUp ?? null,
      failed_attempts: fixture.failedAttempts ?? 0,
      member_id: fixture.memberId ?? null,
      decision: JSON.stringify(decision),
      expires_at: fixture.expiresAt ?? new Date(Date.now() + 90_000),
    })
    .execute();
  return id;
}

/** Whether the session's decision still holds a sealed probe. */
export async function holdsProbe(db: Kysely<Database>, sessionId: string): Promise<boolean> {
  const row = await db
    .selectFrom('face_sessions')
    .select('decision')
    .where('id', '=', sessionId)
    .executeTakeFirstOrThrow();
  return Boolean((row.decision as { probe?: unknown }).probe);
}
