/**
 * Run by payment-crash.int.spec.ts as a separate process: starts a payment and is killed with SIGKILL in the middle of
 * its transaction (after the ledger entries are written, before the payment row and the commit), as a power cut or
 * an OOM kill would. Arguments: a JSON object { url?, dataDir?, charge, idempotencyKey }.
 */
import { openDatabase } from '@shualian/db';
import type { Kysely, KyselyPlugin } from 'kysely';
import { servicesWithoutFaces } from '../../../test/services.ts';

const input = JSON.parse(process.argv[2]!);
const handle = await openDatabase({ url: input.url, dataDir: input.dataDir });

const dieBeforePaymentRow: KyselyPlugin = {
  transformQuery(args) {
    if (args.node.kind === 'InsertQueryNode' && args.node.into?.table.identifier.name === 'payments') {
      process.stdout.write('killing myself mid-payment\n');
      process.kill(process.pid, 'SIGKILL');
    }
    return args.node;
  },
  async transformResult(args) {
    return args.result;
  },
};

const db = handle.db.withPlugin(dieBeforePaymentRow) as Kysely<typeof handle.db extends Kysely<infer D> ? D : never>;
const { payments } = servicesWithoutFaces(db);
await payments.pay({ ...input.charge, idempotencyKey: input.idempotencyKey });
process.stdout.write('payment finished: the crash did not happen\n');
process.exit(3);
