import * as doorAccess from './0022-door-access.ts';

/** The door-access module's migrations (see schema-migrations.ts). */
export const migrations = { '0022-door-access': doorAccess };
