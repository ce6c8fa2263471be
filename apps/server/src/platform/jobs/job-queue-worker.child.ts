/**
 * Run by job-queue.int.spec.ts as a second server process: a job queue on the same database that works the
 * `test.compete` jobs beside the spec's own, printing `ran <n>` for each, until it is told to stop (SIGTERM).
 * Arguments: a JSON object { url }.
 */
import { openDatabase } from '@shualian/db';
import { PgBossJobQueue } from './job-queue.ts';

const input = JSON.parse(process.argv[2]!);
const handle = await openDatabase({ url: input.url, poolSize: 5 });
const jobs = new PgBossJobQueue(handle, { pollingIntervalSeconds: 0.5 });
jobs.register('test.compete', async (payload: { n: number }) => void process.stdout.write(`ran ${payload.n}\n`));
await jobs.start();
process.stdout.write('ready\n');
process.once('SIGTERM', async () => {
  await jobs.stop();
  await handle.close();
  process.exit(0);
});
