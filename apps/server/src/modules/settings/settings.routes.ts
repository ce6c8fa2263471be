import type { MerchantSettingsService } from './merchant-settings.service.ts';
import type { Authenticators } from '../../platform/http/authentication.plugin.ts';
import { requireStaff } from '../../platform/http/authentication.plugin.ts';
import { described, errorResponses, MerchantParams } from '../../platform/http/shared.schemas.ts';
import type { App } from '../../platform/http/app.types.ts';
import { SettingsPatch, SettingsView } from './settings.schemas.ts';

const staff = { security: [{ staffSession: [] }] };
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
