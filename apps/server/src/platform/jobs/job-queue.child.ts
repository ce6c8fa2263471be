/**
 * Run by job-queue.int.spec.ts as a separate process: claims the waiting job and is killed with SIGKILL while its
 * handler runs, as a power cut or an OOM kill would. Arguments: a JSON object { url?, dataDir? }.
 */
import { openDatabase } from '@shualian/db';
import { PgBossJobQueue } from './job-queue.ts';

const input = JSON.parse(process.argv[2]!);
const handle = await openDatabase({ url: input.url, dataDir: input.dataDir });
const jobs = new PgBossJobQueue(handle, { pollingIntervalSeconds: 0.5 });
jobs.register(
  'test.crash',
  async (payload: { n: number }) => {
    process.stdout.write(`claimed job ${payload.n}, killing myself\n`);
    process.kill(process.pid, 'SIGKILL');
  },
  { expireInSeconds: 1, retryDelaySeconds: 1 },
);
await jobs.start();
await jobs.schedule('test.crash', { n: 7 });
