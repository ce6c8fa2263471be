export { CALIBRATION_CONSENT_VERSION, calibrationConsentText } from './consent-texts.ts';
export { ConsentService } from './consent.service.ts';
