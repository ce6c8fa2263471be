import { generateDeviceKeyPair } from '@shualian/device-signing';
import type { Database } from '@shualian/db';
import sharp from 'sharp';
import type { Kysely } from 'kysely';
import type { Services } from '../src/container.ts';
import type { MemberActor } from '../src/platform/actors.ts';
import type { App } from '../src/platform/http/app.types.ts';
import { createMember, type TestMerchant } from './fixtures.ts';
import { deviceRequest, type TestDevice } from './test-app.ts';

/**
 * The store entrance in tests: entrance cameras registered and activated as staff and the device do it, crops sent
 * as a camera sends them, and members who gave the biometric consent, enrolled a face and (or not) turned entrance
 * recognition on, through the real services.
 */

/** Registers an entrance camera in the store and activates it with a fresh key pair; `role` set by staff. */
export async function activateCamera(
  app: App,
  authorization: string,
  merchantId: string,
  storeId: string,
  options: { name?: string; role?: 'entry' | 'exit' | 'both' } = {},
): Promise<TestDevice> {
  const registered = await app.inject({
    method: 'POST',
    url: `/v1/merchants/${merchantId}/stores/${storeId}/devices`,
    headers: { authorization },
    payload: { kind: 'entrance_camera', name: options.name ?? 'door' },
  });
  if (registered.statusCode !== 201) throw new Error(`register: ${registered.statusCode} ${registered.body}`);
  const keys = await generateDeviceKeyPair();
  const activated = await app.inject({
    method: 'POST',
    url: '/v1/devices/activate',
    payload: { activationCode: registered.json().activationCode, publicKey: keys.publicKey, appVersion: '1.0.0' },
  });
  if (activated.statusCode !== 200) throw new Error(`activate: ${activated.statusCode} ${activated.body}`);
  const deviceId = activated.json().deviceId as string;
  if (options.role) {
    const set = await app.inject({
      method: 'PUT',
      url: `/v1/merchants/${merchantId}/devices/${deviceId}/entrance-role`,
      headers: { authorization },
      payload: { role: options.role },
    });
    if (set.statusCode !== 200) throw new Error(`role: ${set.statusCode} ${set.body}`);
  }
  return { merchantId, deviceId, privateKey: keys.privateKey };
}

/** A camera's request with crops taken at `atMs`, signed at `signedAt` (the server's clock in tests that move it). */
export function sendCrops(app: App, camera: TestDevice, crops: Array<Buffer | string>, atMs: number, signedAt = atMs) {
  return deviceRequest(app, camera, {
    method: 'POST',
    url: '/v1/entrance/crops',
    payload: { atMs, crops: crops.map((c) => ({ image: typeof c === 'string' ? c : c.toString('base64') })) },
    timestamp: signedAt,
  });
}

/**
 * A member of the shop with face data enrolled from `faces` (biometric consent given), and entrance recognition on
 * when `entrance` is true.
 */
export async function enrolledMember(
  services: Services,
  db: Kysely<Database>,
  shop: TestMerchant,
  member: { phone: string; name: string; faces: Buffer[]; entrance: boolean },
): Promise<MemberActor> {
  const record = await createMember(db, shop.merchantId, member.phone, member.name);
  const actor: MemberActor = { type: 'member', merchantId: shop.merchantId, memberId: record.id };
  const biometric = await services.consents.document(shop.merchantId);
  await services.consents.grant(actor, { version: biometric.version, textSha256: biometric.sha256 });
  await services.faceData.enroll(actor, member.faces);
  if (member.entrance) await turnEntranceOn(services, actor);
  return actor;
}

export async function turnEntranceOn(services: Services, actor: MemberActor): Promise<void> {
  const document = await services.consents.entranceDocument(actor.merchantId);
  await services.consents.grantEntrance(actor, { version: document.version, textSha256: document.sha256 });
}

/**
 * Frames of one person walking up to an entrance camera, made from one photo: the face grows in the frame, the crop
 * drifts a little, the light changes, each frame re-encoded as a camera's JPEG.
 */
export async function walkingFrames(photo: Buffer, count: number): Promise<Buffer[]> {
  const { width = 0, height = 0 } = await sharp(photo).metadata();
  const frames: Buffer[] = [];
  for (let i = 0; i < count; i++) {
    const grow = 1.4 + (0.6 * i) / Math.max(1, count - 1);
    const drift = Math.round(((i % 3) - 1) * width * 0.02);
    const trim = Math.round(width * 0.03);
    frames.push(
      await sharp(photo)
        .extract({
          left: trim + Math.max(0, drift),
          top: trim,
          width: width - 2 * trim - Math.abs(drift),
          height: height - 2 * trim,
        })
        .resize({ width: Math.round(width * grow), height: Math.round(height * grow) })
        .modulate({ brightness: 0.95 + 0.05 * (i % 3) })
        .jpeg({ quality: 80 + (i % 3) * 5 })
        .toBuffer(),
    );
  }
  return frames;
}
