/**
 * Run by outbox-crash.int.spec.ts as a separate process: a payment the wallet cannot cover (rolled back), then one
 * that commits, and a SIGKILL right after the commit, before any dispatcher could deliver its event.
 * Arguments: a JSON object { url?, dataDir?, charge }.
 */
import { openDatabase } from '@shualian/db';
import { servicesWithoutFaces } from '../../../test/services.ts';

const input = JSON.parse(process.argv[2]!);
const handle = await openDatabase({ url: input.url, dataDir: input.dataDir });
const { payments } = servicesWithoutFaces(handle.db);
await payments.pay({ ...input.charge, amountFen: 6000, idempotencyKey: 'outbox-crash-too-much' }).then(
  () => process.exit(3),
  (error: { code?: string }) => process.stdout.write(`refused: ${error.code}\n`),
);
const paid = await payments.pay({ ...input.charge, idempotencyKey: 'outbox-crash-paid' });
process.stdout.write(`committed ${paid.paymentId}, killing myself before dispatch\n`);
process.kill(process.pid, 'SIGKILL');
