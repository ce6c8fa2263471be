import * as presence from './0017-presence.ts';

/** The presence module's migrations (see schema-migrations.ts). */
export const migrations = { '0017-presence': presence };
