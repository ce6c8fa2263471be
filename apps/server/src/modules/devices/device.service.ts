import { randomUUID } from 'node:crypto';
import type { Device, DeviceKind } from '@shualian/db';
import { importPublicKey, verifyRequest } from '@shualian/device-signing';
import { demoFace } from '../../demo/demo-face.ts';
import type { DeviceActor, StaffActor } from '../../platform/actors.ts';
import { conflict, invalid, notFound, unauthenticated } from '../../platform/domain-errors.ts';
import type { AuditService } from '../audit/index.ts';
import type { DeviceRepository } from './device.repository.ts';
import { hashSecret, newActivationCode, parseActivationCode } from '../../platform/secrets.ts';
import type { TenancyService } from '../tenancy/index.ts';

export interface DeviceView extends Device {
  online: boolean;
}

export interface SignedRequestEvidence {
  merchantId?: string;
  deviceId?: string;
  timestamp?: string;
  nonce?: string;
  signature?: string;
  method: string;
  path: string;
  body: Uint8Array;
}

/** What a device learns about itself: who it is, whose it is, and what it may offer. */
export interface DeviceProfile {
  deviceId: string;
  merchantId: string;
  /** The merchant's brand code, which the member app needs in every link (the kiosk's receipt QR). */
  merchantCode: string;
  merchantName: string;
  storeId: string;
  kind: DeviceKind;
  name: string;
  /** Only a kiosk of the demo merchant seeded on first start: it may play the demo member on a demo camera. */
  demoCamera: boolean;
}

export interface DeviceSettings {
  clockSkewSeconds: number;
  offlineAfterSeconds: number;
  activationCodeTtlHours: number;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Device trust: registration by staff, one-time activation, signed requests, heartbeats and revocation. */
export class DeviceService {
  constructor(
    private readonly devices: DeviceRepository,
    private readonly tenancy: TenancyService,
    private readonly audit: AuditService,
    private readonly settings: DeviceSettings,
    private readonly now: () => Date = () => new Date(),
  ) {}

  /** A device of the merchant, for other modules (a calibration capture names the kiosk it runs on). */
  find(merchantId: string, deviceId: string): Promise<Device | undefined> {
    return this.devices.get(merchantId, deviceId);
  }

  async register(
    actor: StaffActor,
    input: { merchantId: string; storeId: string; kind: DeviceKind; name: string },
  ): Promise<{ device: DeviceView; activationCode: string }> {
    await this.tenancy.storeFor(actor, input.merchantId, input.storeId, 'device.manage');
    const merchant = await this.tenancy.merchantFor(actor, input.merchantId, 'merchant.read');
    const activationCode = newActivationCode(merchant.code);
    const device = await this.devices.insertPending({
      merchantId: input.merchantId,
      id: randomUUID(),
      storeId: input.storeId,
      kind: input.kind,
      name: input.name,
      activationCodeHash: hashSecret(parseActivationCode(activationCode).secret),
      activationExpiresAt: new Date(this.now().getTime() + this.settings.activationCodeTtlHours * 3_600_000),
      createdBy: actor.staffId,
    });
    await this.audit.record({
      merchantId: input.merchantId,
      actorType: 'staff',
      actorId: actor.staffId,
      action: 'device.registered',
      targetType: 'device',
      targetId: device.id,
      details: { storeId: input.storeId, kind: input.kind, name: input.name },
    });
    return { device: this.view(device), activationCode };
  }

  async activate(input: { activationCode: string; publicKey: string; appVersion?: string }): Promise<Device> {
    try {
      await importPublicKey(input.publicKey);
    } catch {
      throw invalid('public_key_invalid', 'publicKey must be a base64url SPKI ECDSA P-256 public key');
    }
    const { merchantCode, secret } = parseActivationCode(input.activationCode);
    const merchantId = merchantCode ? await this.tenancy.merchantIdByCode(merchantCode) : null;
    if (merchantCode && !merchantId)
      throw unauthenticated('activation_code_invalid', 'the activation code is wrong or was already used');
    const codeHash = hashSecret(secret);
    const device = await this.devices.activate(
      merchantId,
      codeHash,
      this.now(),
      input.publicKey,
      input.appVersion ?? null,
    );
    if (!device) {
      const known = await this.devices.findByActivationCode(merchantId, codeHash);
      if (known && known.status === 'pending')
        throw unauthenticated('activation_code_expired', 'the activation code has expired');
      throw unauthenticated('activation_code_invalid', 'the activation code is wrong or was already used');
    }
    await this.audit.record({
      merchantId: device.merchant_id,
      actorType: 'device',
      actorId: device.id,
      action: 'device.activated',
      targetType: 'device',
      targetId: device.id,
      details: { appVersion: input.appVersion ?? null },
    });
    return device;
  }

  /** Checks a signed device request: fresh, single-use, signed by an active device's key. */
  async authenticate(evidence: SignedRequestEvidence): Promise<DeviceActor> {
    const { merchantId, deviceId, timestamp, nonce, signature } = evidence;
    if (!merchantId || !deviceId || !timestamp || !nonce || !signature) {
      throw unauthenticated('device_signature_missing', 'this route needs a signed device request');
    }
    if (
      !UUID.test(merchantId) ||
      !UUID.test(deviceId) ||
      !/^\d{1,16}$/.test(timestamp) ||
      !/^[\w-]{8,128}$/.test(nonce)
    ) {
      throw unauthenticated('device_signature_malformed', 'device signature headers are malformed');
    }
    const now = this.now();
    const sentAt = Number(timestamp);
    if (Math.abs(now.getTime() - sentAt) > this.settings.clockSkewSeconds * 1000) {
      throw unauthenticated('device_request_stale', 'the request timestamp is outside the allowed window');
    }
    const device = await this.devices.get(merchantId, deviceId);
    if (!device) throw unauthenticated('device_unknown', 'no such device');
    if (device.status === 'revoked') throw unauthenticated('device_revoked', 'this device has been revoked');
    if (device.status !== 'active' || !device.public_key) {
      throw unauthenticated('device_not_activated', 'this device has not been activated');
    }
    const key = await importPublicKey(device.public_key);
    const valid = await verifyRequest(
      key,
      { method: evidence.method, path: evidence.path, timestamp: sentAt, nonce, body: evidence.body },
      signature,
    );
    if (!valid) throw unauthenticated('device_signature_invalid', 'the request signature does not verify');
    if (!(await this.devices.rememberNonce(merchantId, deviceId, nonce, now))) {
      throw unauthenticated('device_request_replayed', 'this signed request was already used');
    }
    return { type: 'device', deviceId, merchantId, storeId: device.store_id, kind: device.kind };
  }

  async heartbeat(actor: DeviceActor, appVersion?: string): Promise<void> {
    await this.devices.touch(actor.merchantId, actor.deviceId, this.now(), appVersion);
  }

  async profile(actor: DeviceActor): Promise<DeviceProfile> {
    const device = await this.devices.get(actor.merchantId, actor.deviceId);
    if (!device) throw unauthenticated('device_unknown', 'no device with this id in this merchant');
    const merchant = await this.tenancy.merchantOfDevice(actor);
    return {
      deviceId: device.id,
      merchantId: merchant.id,
      merchantCode: merchant.code,
      merchantName: merchant.name,
      storeId: device.store_id,
      kind: device.kind,
      name: device.name,
      demoCamera: merchant.demo && device.kind === 'kiosk',
    };
  }

  /** The demo member's face for the kiosk's demo camera; any other merchant's device is told it does not exist. */
  async demoCameraPicture(actor: DeviceActor): Promise<Buffer> {
    if (!(await this.profile(actor)).demoCamera)
      throw notFound('demo_camera_unavailable', "the demo camera exists only in the demo merchant's kiosks");
    return demoFace();
  }

  async list(actor: StaffActor, merchantId: string, storeId?: string): Promise<DeviceView[]> {
    await this.tenancy.merchantFor(actor, merchantId, 'device.read');
    if (storeId) await this.tenancy.storeFor(actor, merchantId, storeId, 'device.read');
    const scopedStore = actor.storeId ?? storeId;
    return (await this.devices.list(merchantId, scopedStore)).map((d) => this.view(d));
  }

  async revoke(actor: StaffActor, merchantId: string, deviceId: string): Promise<DeviceView> {
    const existing = await this.devices.get(merchantId, deviceId);
    await this.tenancy.merchantFor(actor, merchantId, 'device.read');
    if (!existing) throw notFound('device_not_found', 'no such device');
    await this.tenancy.storeFor(actor, merchantId, existing.store_id, 'device.manage');
    const revoked = await this.devices.revoke(merchantId, deviceId, this.now());
    if (!revoked) throw conflict('device_already_revoked', 'this device is already revoked');
    await this.audit.record({
      merchantId,
      actorType: 'staff',
      actorId: actor.staffId,
      action: 'device.revoked',
      targetType: 'device',
      targetId: deviceId,
    });
    return this.view(revoked);
  }

  async forgetExpiredNonces(): Promise<void> {
    await this.devices.forgetNoncesBefore(new Date(this.now().getTime() - 2 * this.settings.clockSkewSeconds * 1000));
  }

  private view(device: Device): DeviceView {
    const lastSeen = device.last_seen_at?.getTime() ?? 0;
    const online =
      device.status === 'active' && this.now().getTime() - lastSeen <= this.settings.offlineAfterSeconds * 1000;
    return { ...device, online };
  }
}
