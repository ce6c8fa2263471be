import { Type } from '@sinclair/typebox';
import type { MerchantSettingsService } from './merchant-settings.service.ts';
import type { Authenticators } from '../../platform/http/authentication.plugin.ts';
import { requireStaff } from '../../platform/http/authentication.plugin.ts';
import { described, errorResponses, MerchantParams, Uuid } from '../../platform/http/shared.schemas.ts';
import type { App } from '../../platform/http/app.types.ts';

const staff = { security: [{ staffSession: [] }] };
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
});

const OperatingPoint = Type.Object({
  threshold: Type.Number(),
  trueAcceptRate: Type.Number(),
  falseAccepts: Type.Integer(),
});

const SettingsView = Type.Object({
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
const SettingsPatch = Type.Object(
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

/** Face-pay and biometric-data settings of a merchant, with the face engine's measured thresholds beside them. */
export function settingsRoutes(services: { merchantSettings: MerchantSettingsService }, auth: Authenticators) {
  return async (app: App) => {
    app.addHook('preHandler', auth.staff);

    app.get(
      '/v1/merchants/:merchantId/settings',
      {
        schema: {
          ...staff,
          operationId: 'getMerchantSettings',
          tags: ['settings'],
          summary: 'Face-pay settings (kill switch, limits, risk rules, raw-image retention) and the engine thresholds',
          description:
            'Readable by every staff member of the merchant; the engine figures and device policy are read-only.',
          params: MerchantParams,
          response: {
            200: described(SettingsView, 'The settings'),
            ...errorResponses({ 403: ['forbidden'], 404: ['merchant_not_found'] }),
          },
        },
      },
      async (request) => services.merchantSettings.get(requireStaff(request), request.params.merchantId),
    );

    app.patch(
      '/v1/merchants/:merchantId/settings',
      {
        schema: {
          ...staff,
          operationId: 'updateMerchantSettings',
          tags: ['settings'],
          summary: 'Change some settings (merchant and provider admins); every change is audited',
          description:
            'Send only the settings to change. Values keep their JSON types: a string is never read as a number.',
          params: MerchantParams,
          body: SettingsPatch,
          response: {
            200: described(SettingsView, 'The settings after the change'),
            ...errorResponses({
              400: ['settings_empty', 'setting_unknown', 'setting_invalid'],
              403: ['forbidden'],
              404: ['merchant_not_found'],
            }),
          },
        },
      },
      async (request) =>
        services.merchantSettings.update(
          requireStaff(request),
          request.params.merchantId,
          request.body as Record<string, unknown>,
        ),
    );
  };
}
