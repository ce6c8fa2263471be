import { Type } from '@sinclair/typebox';
import { Uuid } from '../../platform/http/shared.schemas.ts';

/** The face engine as an API: the faces found in a picture, a 1:1 verdict, the closest members of a gallery. */
const Face = Type.Object({
  box: Type.Object({ x: Type.Number(), y: Type.Number(), width: Type.Number(), height: Type.Number() }),
  score: Type.Number(),
  usable: Type.Boolean({ description: 'one clear face that passes every quality gate' }),
  reasons: Type.Array(Type.String(), {
    description: 'named quality problems: face_too_small, bad_pose, too_dark, blurred, eyes_closed, …',
  }),
  pose: Type.Union([
    Type.Object({ yaw: Type.Number(), pitch: Type.Number(), roll: Type.Number(), turn: Type.Number() }),
    Type.Null(),
  ]),
  passiveLive: Type.Boolean(),
  antispoofScore: Type.Union([Type.Number(), Type.Null()]),
  livenessScore: Type.Union([Type.Number(), Type.Null()]),
  age: Type.Union([Type.Number(), Type.Null()]),
  gender: Type.Union([Type.String(), Type.Null()]),
});

export const DetectedFaces = Type.Object(
  {
    width: Type.Integer(),
    height: Type.Integer(),
    faces: Type.Array(Face),
    subject: Type.Union([Type.Integer(), Type.Null()]),
    timingsMs: Type.Record(Type.String(), Type.Number()),
  },
  { description: 'The faces found' },
);

export const Verification = Type.Object(
  { similarity: Type.Number(), same: Type.Boolean(), threshold: Type.Number() },
  { description: 'The similarity and the verdict' },
);

export const IdentifyQuery = Type.Object({
  k: Type.Integer({ minimum: 1, maximum: 20, default: 5 }),
  phoneSuffix: Type.Optional(Type.String({ pattern: '^\\d{4}$' })),
});
export const Identification = Type.Object(
  {
    matches: Type.Array(
      Type.Object({
        memberId: Uuid,
        maskedPhone: Type.Union([Type.String(), Type.Null()]),
        score: Type.Number(),
        match: Type.Boolean(),
        strangerChance: Type.Number({
          description: "the chance a stranger scores this high against the merchant's whole gallery",
        }),
      }),
    ),
    margin: Type.Number(),
    thresholds: Type.Object({
      match: Type.Number(),
      stepUp: Type.Number(),
      margin: Type.Number(),
      duplicate: Type.Number(),
    }),
  },
  { description: 'The best matches, best first' },
);
