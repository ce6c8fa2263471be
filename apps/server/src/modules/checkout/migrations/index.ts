import * as faceSessionPricing from './0013-face-session-pricing.ts';

/** The checkout module's migrations (see schema-migrations.ts). */
export const migrations = { '0013-face-session-pricing': faceSessionPricing };
