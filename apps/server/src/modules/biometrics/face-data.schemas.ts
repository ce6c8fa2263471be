import { Type } from '@sinclair/typebox';
import { Base64Image, NullableTimestamp, Timestamp } from '../../platform/http/shared.schemas.ts';

/** The biometrics module's face-data shapes: enrollment, what is stored, what a deletion removed. */
export const Enrollment = Type.Object(
  { frames: Type.Array(Base64Image, { minItems: 1, maxItems: 5 }) },
  { additionalProperties: false },
);
export const Enrolled = Type.Object(
  {
    templateCount: Type.Integer(),
    framesUsed: Type.Integer(),
    framesRejected: Type.Array(Type.Object({ frame: Type.Integer(), reasons: Type.Array(Type.String()) })),
    replacedPrevious: Type.Boolean(),
  },
  { description: 'Enrolled' },
);

export const FaceDataSummary = Type.Object(
  {
    enrolled: Type.Boolean(),
    templateCount: Type.Integer(),
    enrolledAt: NullableTimestamp,
    model: Type.Union([Type.String(), Type.Null()]),
    rawImagesKept: Type.Integer(),
    consent: Type.Union([Type.Object({ version: Type.String(), grantedAt: Timestamp }), Type.Null()]),
  },
  { description: 'The stored face data' },
);

/** What a deletion of face data (or a withdrawal of consent) removed. */
export const FaceDataDeleted = Type.Object({ templatesDeleted: Type.Integer(), imagesDeleted: Type.Integer() });
