import { Type } from '@sinclair/typebox';
import { Uuid } from '../../platform/http/shared.schemas.ts';

/** A merchant's settings as read (with the engine's figures beside them) and as changed. */
const Count = Type.Integer({ minimum: 0 });

const MerchantSettings = Type.Object({
  facePayKillSwitch: Type.Boolean({ description: 'face payment off for the whole merchant' }),
  faceStrangerOneIn: Type.Integer({
    minimum: 10_000,
    description:
      'the face alone pays only when a stranger would score as high against this gallery at most once in this many attempts; otherwise the shopper gives the phone digits',
  }),
  maxPaymentFen: Type.Integer({ minimum: 0, description: 'no single payment above this (fen)' }),
  maxPaymentsPerMemberPerHour: Count,
  defaultPerPaymentLimitFen: Type.Integer({
    minimum: 0,
    description: '免密 per-payment limit a member starts with (fen)',
  }),
  defaultDailyLimitFen: Type.Integer({ minimum: 0, description: '免密 daily limit a member starts with (fen)' }),
  maxStepUpFailures: Count,
  maxSpoofFlagsPerDevicePerHour: Count,
  maxStepUpsPerDevicePerHour: Count,
  headTurnWhenFlashNotVisible: Type.Boolean({
    description: 'where the screen flash does not show on the face (strong light), a head turn may prove liveness',
  }),
  headTurnParallax: Type.Boolean({
    description:
      'refuse a head turn whose landmarks move like a flat picture (parallax check); off: computed and reported only',
  }),
  keepRawImages: Type.Boolean({ description: 'keep raw enrollment images (encrypted) for review' }),
  rawImageRetentionDays: Count,
  testPaymentChannel: Type.Boolean({
    description: 'members may top up their own wallets with test money (no real payment); off unless turned on',
  }),
  cashierMaxTopUpFen: Type.Integer({
    minimum: 0,
    description: 'the most a cashier may top up at once at the till (fen)',
  }),
  storeManagerMaxTopUpFen: Type.Integer({
    minimum: 0,
    description: 'the most a store manager may top up at once (fen)',
  }),
  merchantAdminMaxTopUpFen: Type.Integer({
    minimum: 0,
    description: 'the most a merchant or provider admin may top up at once (fen)',
  }),
  entranceStrangerOneIn: Type.Integer({
    minimum: 3_000,
    description:
      "the entrance names a consenting member only when a stranger's crop would score as high at most once in this many crops (lfw-dev's measured tail, no safety margin: see docs/benchmarks.md for the false-greeting rate)",
  }),
  entranceVisitWindowMinutes: Type.Integer({
    minimum: 1,
    maximum: 240,
    description:
      'a visit ends when its person has not been seen for this many minutes; also how long an anonymous face is held in memory',
  }),
});

const OperatingPoint = Type.Object({
  threshold: Type.Number(),
  trueAcceptRate: Type.Number(),
  falseAccepts: Type.Integer(),
});

export const SettingsView = Type.Object({
  merchantId: Uuid,
  settings: MerchantSettings,
  engine: Type.Object(
    {
      modelId: Type.String(),
      thresholds: Type.Object({ match: Type.Number(), high: Type.Number(), margin: Type.Number() }),
      measured: Type.Object({
        measuredOn: Type.String(),
        source: Type.String(),
        dataset: Type.String(),
        genuinePairs: Type.Integer(),
        impostorPairs: Type.Integer(),
        atMatch: OperatingPoint,
        atHigh: OperatingPoint,
        highestImpostor: Type.Object({ facesBbt: Type.Number(), demoPhotos: Type.Number() }),
      }),
    },
    { description: 'the face engine thresholds and their measured trade-off; read-only' },
  ),
  openSet: Type.Object(
    {
      calibration: Type.Object({
        measuredOn: Type.String(),
        source: Type.String(),
        per: Type.Union([Type.Literal('template'), Type.Literal('member')]),
      }),
      gallery: Type.Object({ templates: Type.Integer(), members: Type.Integer() }),
      targets: Type.Array(
        Type.Object({
          oneIn: Type.Integer(),
          current: Type.Boolean({ description: "the merchant's own setting" }),
          payScore: Type.Number({
            description: 'the score a face needs to pay alone at this gallery size (above 1: never)',
          }),
          membersPayAloneAtMost: Type.Number({
            description: "at most this share of members' own attempts reach it (lfw-dev)",
          }),
        }),
      ),
      genuineSource: Type.String(),
    },
    { description: 'what the pay-alone target costs in step-ups at this gallery size; read-only' },
  ),
  devices: Type.Object(
    { activationCodeTtlHours: Type.Integer(), deviceOfflineAfterSeconds: Type.Integer() },
    {
      description:
        "this server's device policy: how long an activation code lasts, when a silent device counts as offline",
    },
  ),
});

// Every key is checked by the domain (`updateSettings`): the body keeps its JSON types as sent, so a string or a
// boolean is refused rather than coerced into a number.
export const SettingsPatch = Type.Object(
  Object.fromEntries(
    Object.entries(MerchantSettings.properties).map(([key, schema]) => [
      key,
      Type.Optional(
        Type.Unknown({ description: `${schema.type}${schema.description ? `: ${schema.description}` : ''}` }),
      ),
    ]),
  ),
  { description: 'any subset of the settings; an unknown key, a wrong type or a negative number is refused' },
);
