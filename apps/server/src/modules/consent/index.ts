// The consent module: versioned consent texts, grants and withdrawals (a withdrawal asks biometrics to delete).
// Other modules import only from here (lint: shualian/module-door).
export { ConsentRegister } from './consent-register.ts';
export { consentRoutes } from './consent.routes.ts';
export { ConsentService } from './consent.service.ts';
export { CONSENT_EVENT_TYPES, consentWithdrawn } from './consent.events.ts';
