import type { Device } from '@shualian/db';
import type { Authenticators } from '../../platform/http/authentication.plugin.ts';
import { requireDevice, requireStaff } from '../../platform/http/authentication.plugin.ts';
import { described, errorResponses, MerchantParams, StoreParams } from '../../platform/http/shared.schemas.ts';
import type { App } from '../../platform/http/app.types.ts';
import type { DeviceView } from './device.service.ts';
import type { DeviceService } from './device.service.ts';
import { DEMO_FACE_AXIS } from '../../demo/demo-face.ts';
import { DEMO_MEMBER } from '../../demo/demo-member.ts';
import {
  Activated,
  Activation,
  DemoCameraPicture,
  DeviceBody,
  DeviceList,
  DeviceListQuery,
  DeviceParams,
  DeviceProfile,
  Heartbeat,
  HeartbeatSeen,
  NewDevice,
  RegisteredDevice,
} from './device.schemas.ts';

const iso = (d: Date | null) => d?.toISOString() ?? null;

function present(device: DeviceView) {
  return {
    id: device.id,
    merchantId: device.merchant_id,
    storeId: device.store_id,
    kind: device.kind,
    name: device.name,
    status: device.status,
    online: device.online,
    appVersion: device.app_version,
    lastSeenAt: iso(device.last_seen_at),
    activatedAt: iso(device.activated_at),
    revokedAt: iso(device.revoked_at),
    createdAt: device.created_at.toISOString(),
  };
}

export function deviceRoutes(services: { devices: DeviceService }, auth: Authenticators, activationsPerMinute: number) {
  return async (app: App) => {
    app.get(
      '/v1/merchants/:merchantId/devices',
      {
        preHandler: auth.staff,
        schema: {
          operationId: 'listDevices',
          tags: ['devices'],
          summary: 'Devices of a merchant (optionally one store), with online/offline from heartbeats',
          description:
            'Every device registered in the merchant (a store manager sees its own store only), pending, active or revoked. `online` is true while heartbeats keep arriving. Public keys are never shown.',
          security: [{ staffSession: [] }],
          params: MerchantParams,
          querystring: DeviceListQuery,
          response: {
            200: DeviceList,
            ...errorResponses({ 403: ['forbidden'], 404: ['merchant_not_found', 'store_not_found'] }),
          },
        },
      },
      async (request) => {
        const devices = await services.devices.list(
          requireStaff(request),
          request.params.merchantId,
          request.query.storeId,
        );
        return { devices: devices.map(present) };
      },
    );

    app.post(
      '/v1/merchants/:merchantId/stores/:storeId/devices',
      {
        preHandler: auth.staff,
        schema: {
          operationId: 'registerDevice',
          tags: ['devices'],
          summary: 'Register a device in a store; returns its one-time activation code',
          description:
            'Creates a pending device. Type its activation code into the device, which then calls `activateDevice` with its public key. The code is shown once and expires (SHUALIAN_ACTIVATION_CODE_TTL_HOURS).',
          security: [{ staffSession: [] }],
          params: StoreParams,
          body: NewDevice,
          response: {
            201: RegisteredDevice,
            ...errorResponses({ 403: ['forbidden'], 404: ['merchant_not_found', 'store_not_found'] }),
          },
        },
      },
      async (request, reply) => {
        const { device, activationCode } = await services.devices.register(requireStaff(request), {
          merchantId: request.params.merchantId,
          storeId: request.params.storeId,
          ...request.body,
        });
        return reply.status(201).send({ device: present(device), activationCode });
      },
    );

    app.post(
      '/v1/merchants/:merchantId/devices/:deviceId/revoke',
      {
        preHandler: auth.staff,
        schema: {
          operationId: 'revokeDevice',
          tags: ['devices'],
          summary: 'Revoke a device: its signed requests are refused from now on',
          description:
            'For a lost, stolen or replaced device. Revocation is final: register the device again to bring it back. Audited.',
          security: [{ staffSession: [] }],
          params: DeviceParams,
          response: {
            200: described(DeviceBody, 'The device, now revoked'),
            ...errorResponses({
              403: ['forbidden'],
              404: ['merchant_not_found', 'device_not_found', 'store_not_found'],
              409: ['device_already_revoked'],
            }),
          },
        },
      },
      async (request) =>
        present(
          await services.devices.revoke(requireStaff(request), request.params.merchantId, request.params.deviceId),
        ),
    );

    app.post(
      '/v1/devices/activate',
      {
        config: { rateLimit: { max: activationsPerMinute, timeWindow: '1 minute' } },
        schema: {
          operationId: 'activateDevice',
          tags: ['devices'],
          summary: 'A device trades its activation code for trust in its public key',
          description:
            'Called by the device itself, unsigned. `publicKey` is the DER SubjectPublicKeyInfo of its ECDSA P-256 key, base64url without padding; every later request of the device is signed with the private key (see the deviceSignature security scheme). The code works once.',
          body: Activation,
          response: {
            200: Activated,
            ...errorResponses({
              400: ['public_key_invalid'],
              401: ['activation_code_invalid', 'activation_code_expired'],
            }),
          },
        },
      },
      async (request) => {
        const device: Device = await services.devices.activate(request.body);
        return {
          deviceId: device.id,
          merchantId: device.merchant_id,
          storeId: device.store_id,
          kind: device.kind,
          name: device.name,
        };
      },
    );

    app.get(
      '/v1/device/profile',
      {
        preHandler: auth.device,
        schema: {
          operationId: 'getDeviceProfile',
          tags: ['devices'],
          summary: 'A device reads who it is: its merchant (with the brand code), store, name and what it may offer',
          description:
            "Signed by the device. The kiosk reads it on start: `merchantCode` goes into the member-app links of its receipt QR codes, and `demoCamera` is true only for a kiosk of the demo merchant seeded on first start (no API can set it), where the kiosk may play the demo member's photo instead of a camera.",
          security: [{ deviceSignature: [] }],
          response: {
            200: DeviceProfile,
            ...errorResponses({ 404: ['merchant_not_found'] }),
          },
        },
      },
      async (request) => services.devices.profile(requireDevice(request)),
    );

    app.get(
      '/v1/device/demo-camera',
      {
        preHandler: auth.device,
        schema: {
          operationId: 'getDemoCameraPicture',
          tags: ['devices'],
          summary: "The demo member's face photo, for the demo merchant's kiosk to play as its demo camera",
          description:
            "Signed by a kiosk of the demo merchant (its profile says `demoCamera: true`); any other device is answered 404 `demo_camera_unavailable`. The kiosk lights the photo with its own screen flashes, like a face in front of it; the server checks the frames exactly as it checks a real camera's.",
          security: [{ deviceSignature: [] }],
          response: {
            200: DemoCameraPicture,
            ...errorResponses({ 404: ['demo_camera_unavailable', 'merchant_not_found'] }),
          },
        },
      },
      async (request) => ({
        image: (await services.devices.demoCameraPicture(requireDevice(request))).toString('base64'),
        memberName: DEMO_MEMBER.name,
        turnAxis: DEMO_FACE_AXIS,
      }),
    );

    app.post(
      '/v1/device/heartbeat',
      {
        preHandler: auth.device,
        schema: {
          operationId: 'deviceHeartbeat',
          tags: ['devices'],
          summary: 'A signed "still here", with the app version the device runs',
          description:
            'Devices call this every minute or so; a device silent for SHUALIAN_DEVICE_OFFLINE_AFTER_SECONDS shows offline. The answer carries the server time, to correct a drifting clock.',
          security: [{ deviceSignature: [] }],
          body: Heartbeat,
          response: {
            200: HeartbeatSeen,
            ...errorResponses({}),
          },
        },
      },
      async (request) => {
        await services.devices.heartbeat(requireDevice(request), request.body.appVersion);
        return { serverTime: new Date().toISOString() };
      },
    );
  };
}
