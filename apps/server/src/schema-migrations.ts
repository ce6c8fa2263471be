import { baselineMigrations } from '@shualian/db';
import { collectMigrations } from './platform/db/module-migrations.ts';
import { migrations as checkout } from './modules/checkout/index.ts';
import { migrations as doorAccess } from './modules/door-access/index.ts';
import { migrations as ledger } from './modules/ledger/index.ts';
import { migrations as loyalty } from './modules/loyalty/index.ts';
import { migrations as members } from './modules/members/index.ts';
import { migrations as payments } from './modules/payments/index.ts';
import { migrations as presence } from './modules/presence/index.ts';
import { migrations as promotions } from './modules/promotions/index.ts';

/**
 * Every migration of the server's schema: the baseline from `@shualian/db`, then each module's own (exported by its
 * door). The server, the `migrate` command and the test databases all migrate with this set.
 */
export const schemaMigrations = collectMigrations(baselineMigrations, {
  checkout,
  doorAccess,
  ledger,
  loyalty,
  members,
  payments,
  presence,
  promotions,
});
