export { MerchantSettingsService } from './merchant-settings.service.ts';
export {
  DEFAULT_MERCHANT_SETTINGS,
  maxTopUpFen,
  merchantSettings,
  strangerChanceTarget,
  type MerchantSettings,
} from './merchant-settings.ts';
export { settingsRoutes } from './settings.routes.ts';
