// The settings module: each merchant's settings; every module reads them through MerchantSettingsService.of.
// Other modules import only from here (lint: shualian/module-door).
export { MerchantSettingsService } from './merchant-settings.service.ts';
export {
  DEFAULT_MERCHANT_SETTINGS,
  maxTopUpFen,
  merchantSettings,
  strangerChanceTarget,
  type MerchantSettings,
} from './merchant-settings.ts';
export { settingsRoutes } from './settings.routes.ts';
