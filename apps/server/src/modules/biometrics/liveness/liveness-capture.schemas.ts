import { Type } from '@sinclair/typebox';
import { ColourChallengeSchema } from './face-frames.schemas.ts';
import { Nullable, NullableTimestamp, Timestamp, Uuid } from '../../../platform/http/shared.schemas.ts';

/** Liveness calibration: labelled captures, their attempts and verdicts, the report per label. */
const Label = Type.Union(
  [
    Type.Literal('live'),
    Type.Literal('print'),
    Type.Literal('screen'),
    Type.Literal('mask'),
    Type.Literal('other_attack'),
  ],
  { description: 'what is held in front of the kiosk during this capture: a live face, or an attack of this kind' },
);
export const Capture = Type.Object({
  captureId: Uuid,
  deviceId: Uuid,
  label: Label,
  note: Nullable(Type.String()),
  startedBy: Uuid,
  consentVersion: Type.String(),
  startedAt: Timestamp,
  endedAt: NullableTimestamp,
  attempts: Type.Integer({ minimum: 0 }),
  passed: Type.Integer({ minimum: 0, description: 'attempts the live checks passed, as configured' }),
});
const Verdict = Type.Object({
  passed: Type.Boolean({ description: 'every live check passed as configured: a payment would have gone on' }),
  colour: Type.Object({
    passed: Type.Boolean(),
    reason: Nullable(Type.String()),
    stepsConfirmed: Type.Integer(),
    stepsSeen: Type.Integer(),
    chanceInStep: Type.Number(),
    correlation: Type.Number(),
  }),
  passiveLiveFrames: Type.Integer(),
  antispoof: Type.Array(Type.Number()),
  liveness: Type.Array(Type.Number()),
  clearFrames: Type.Integer(),
});
const LabelReport = Type.Object({
  label: Label,
  attempts: Type.Integer(),
  passed: Type.Integer(),
  errorRate: Nullable(
    Type.Number({ description: 'live: the share refused; an attack: the share that passed (null without attempts)' }),
  ),
  log10ChanceInStep: Nullable(Type.Object({ min: Type.Number(), median: Type.Number(), max: Type.Number() })),
  antispoofMedian: Nullable(Type.Number()),
});
export const CaptureParams = Type.Object({ merchantId: Uuid, captureId: Uuid });
export const AttemptParams = Type.Object({ attemptId: Uuid });

export const CalibrationReport = Type.Object(
  {
    captures: Type.Array(Capture),
    labels: Type.Array(LabelReport),
    configured: Type.Object({
      maxChanceInStep: Type.Number(),
      passiveVetoOnlyWhenNoFrameLooksLive: Type.Boolean(),
    }),
    consent: Type.Object({
      version: Type.String(),
      text: Type.Object({ zh: Type.String(), en: Type.String() }),
    }),
  },
  { description: 'Captures, pass rates by label, the configured checks and the consent text' },
);
export const NewCapture = Type.Object(
  {
    deviceId: Uuid,
    label: Label,
    note: Type.Optional(Type.String({ maxLength: 200 })),
    consentVersion: Type.String({ maxLength: 40 }),
  },
  { additionalProperties: false },
);
export const CaptureDeleted = Type.Null({ description: 'Deleted' });

export const OpenCapture = Type.Object(
  { capture: Nullable(Type.Object({ captureId: Uuid, label: Label })) },
  { description: 'The open capture, or null' },
);
export const AttemptStarted = Type.Object(
  { attemptId: Uuid, expiresAt: Timestamp, challenge: ColourChallengeSchema },
  { description: 'The attempt and its colour challenge' },
);
export const AttemptVerdict = Type.Object(
  { attemptId: Uuid, label: Label, verdict: Verdict },
  { description: 'What the live checks measured' },
);
