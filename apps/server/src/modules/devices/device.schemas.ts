import { Type } from '@sinclair/typebox';
import { NullableTimestamp, Timestamp, Uuid } from '../../platform/http/shared.schemas.ts';

/** Devices: the fleet as staff see it, activation, and what a signed device reads about itself. */
const DeviceKind = Type.Union([Type.Literal('kiosk'), Type.Literal('entrance_camera'), Type.Literal('member_app')]);

export const DeviceBody = Type.Object({
  id: Uuid,
  merchantId: Uuid,
  storeId: Uuid,
  kind: DeviceKind,
  name: Type.String(),
  status: Type.Union([Type.Literal('pending'), Type.Literal('active'), Type.Literal('revoked')]),
  online: Type.Boolean(),
  appVersion: Type.Union([Type.String(), Type.Null()]),
  lastSeenAt: NullableTimestamp,
  activatedAt: NullableTimestamp,
  revokedAt: NullableTimestamp,
  createdAt: Timestamp,
});

export const DeviceListQuery = Type.Object({ storeId: Type.Optional(Uuid) });
export const DeviceList = Type.Object({ devices: Type.Array(DeviceBody) }, { description: 'The devices, by store' });

export const NewDevice = Type.Object(
  { kind: DeviceKind, name: Type.String({ minLength: 1, maxLength: 80 }) },
  { additionalProperties: false },
);
export const RegisteredDevice = Type.Object(
  {
    device: DeviceBody,
    activationCode: Type.String({
      description: 'shown once; valid until used or expired. It leads with the merchant code: YABO-K7QM2-XRP9T-CH4Z8',
    }),
  },
  { description: 'The pending device and its activation code' },
);
export const DeviceParams = Type.Object({ merchantId: Uuid, deviceId: Uuid });

export const Activation = Type.Object(
  {
    activationCode: Type.String({
      minLength: 4,
      maxLength: 80,
      description: 'as shown; case and separators do not matter. A code without its merchant part still works',
    }),
    publicKey: Type.String({ minLength: 40, maxLength: 400, description: 'base64url SPKI, ECDSA P-256' }),
    appVersion: Type.Optional(Type.String({ maxLength: 40 })),
  },
  { additionalProperties: false },
);
export const Activated = Type.Object(
  { deviceId: Uuid, merchantId: Uuid, storeId: Uuid, kind: DeviceKind, name: Type.String() },
  { description: 'Activated: the ids the device puts in its signed requests' },
);

export const DeviceProfile = Type.Object(
  {
    deviceId: Uuid,
    merchantId: Uuid,
    merchantCode: Type.String(),
    merchantName: Type.String(),
    storeId: Uuid,
    kind: DeviceKind,
    name: Type.String(),
    demoCamera: Type.Boolean(),
  },
  { description: 'The device and its merchant' },
);
export const DemoCameraPicture = Type.Object(
  {
    image: Type.String({ description: 'JPEG, base64' }),
    memberName: Type.String(),
    turnAxis: Type.Object(
      { centreX: Type.Number(), radius: Type.Number() },
      { description: 'where the face turns in the picture (pixels), for a head-turn step-up' },
    ),
  },
  { description: 'The picture the demo camera plays' },
);

export const Heartbeat = Type.Object(
  { appVersion: Type.Optional(Type.String({ maxLength: 40 })) },
  { additionalProperties: false },
);
export const HeartbeatSeen = Type.Object({ serverTime: Timestamp }, { description: 'Seen; the server time' });
