import { Type } from '@sinclair/typebox';
import { Base64Image, NullableTimestamp, Uuid } from '../../platform/http/shared.schemas.ts';
import { DoorDecisionSchema } from '../door-access/index.ts';
import { CROP_RULES } from './entrance-pipeline.ts';

/** The entrance camera's wire shapes: crops in, what they counted, its configuration, its role at the door. */
export const CameraRole = Type.Union([Type.Literal('entry'), Type.Literal('exit'), Type.Literal('both')], {
  description:
    '`entry`: sees people coming in (starts and continues visits); `exit`: sees people leaving (ends the visit of whoever it recognises; starts none); `both`: one door seen both ways (like entry: visits end after the window)',
});

export const EntranceCrops = Type.Object(
  {
    atMs: Type.Integer({
      minimum: 0,
      maximum: 8_640_000_000_000,
      description:
        "when the camera took the crops: ms since the epoch by the device's clock; within the server's clock window, and never earlier than this camera's last counted crop",
    }),
    crops: Type.Array(
      Type.Object(
        { image: Base64Image },
        {
          additionalProperties: false,
          description: 'one face crop (JPEG, PNG or WebP; base64, a data: URL prefix is accepted)',
        },
      ),
      {
        minItems: 1,
        maxItems: CROP_RULES.maxCropsPerRequest,
        description: 'face crops taken at `atMs`: of one person or of several people seen at once',
      },
    ),
  },
  { additionalProperties: false },
);

export const CropsCounted = Type.Object(
  {
    crops: Type.Array(
      Type.Object({
        index: Type.Integer({ description: 'the crop in the request' }),
        outcome: Type.Union(
          [
            Type.Literal('entered'),
            Type.Literal('seen'),
            Type.Literal('left'),
            Type.Literal('not_counted'),
            Type.Literal('no_face'),
          ],
          {
            description:
              '`entered`: a visit started; `seen`: joined an open visit; `left`: the exit camera ended the visit; `not_counted`: an exit camera saw someone with no open visit; `no_face`: no face the engine could describe',
          },
        ),
        visitor: Type.Union([Type.Literal('member'), Type.Literal('anonymous'), Type.Null()], {
          description: 'a consenting member (named to staff, never to the camera) or an anonymous visitor',
        }),
        visitId: Type.Union([Uuid, Type.Null()]),
        door: DoorDecisionSchema,
      }),
    ),
  },
  { description: 'What each crop counted towards' },
);

export const EntranceCameraConfig = Type.Object(
  {
    deviceId: Uuid,
    storeId: Uuid,
    role: CameraRole,
    lastCropAt: NullableTimestamp,
    visitWindowMinutes: Type.Integer({ description: 'a visit ends after this many minutes unseen' }),
    maxCropsPerRequest: Type.Integer(),
    maxCropsPerSecondPerPerson: Type.Integer({ description: 'send at most this many crops a second of one person' }),
    minEyeDistancePx: Type.Integer({ description: 'faces with the eyes closer than this in the crop are too small' }),
  },
  { description: "The camera's role and what its picker should send" },
);

export const CameraParams = Type.Object({ merchantId: Uuid, deviceId: Uuid });
export const CameraRoleBody = Type.Object({ role: CameraRole }, { additionalProperties: false });
export const EntranceCamera = Type.Object(
  {
    deviceId: Uuid,
    storeId: Uuid,
    name: Type.String(),
    status: Type.Union([Type.Literal('pending'), Type.Literal('active'), Type.Literal('revoked')]),
    role: CameraRole,
    lastCropAt: NullableTimestamp,
  },
  { description: 'An entrance camera and its role at the door' },
);
export const EntranceCameraList = Type.Object(
  { cameras: Type.Array(EntranceCamera) },
  { description: "The store's entrance cameras" },
);
