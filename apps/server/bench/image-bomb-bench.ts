/**
 * /healthz latency on a running server while image bombs are uploaded. Starts `shualian serve` as its own process
 * (embedded database in a temporary folder, demo merchant seeded), waits for the face engine, signs a member up, then:
 *
 *   1. quiet:  /healthz every 50 ms for --quiet seconds, nothing else;
 *   2. attack: the same probe while --attackers clients upload blank PNGs of --bomb size to enrollFace back to back,
 *              for --seconds (an upload in flight when time is up is waited for);
 *   3. after:  staff face detection on a photo (is the engine still there?) and /healthz once more.
 *
 * The probe is open-loop: a request leaves every 50 ms whether or not the last one was answered, so a stalled event
 * loop shows as the latency of every probe sent during the stall, not as one slow sample. Prints one JSON report.
 *
 *   npx tsx apps/server/bench/image-bomb-bench.ts [--bomb 6000x4000] [--attackers 2] [--seconds 30] [--quiet 10]
 */
import { spawn } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import sharp from 'sharp';

const { values } = parseArgs({
  options: {
    bomb: { type: 'string', default: '6000x4000' },
    attackers: { type: 'string', default: '2' },
    seconds: { type: 'string', default: '30' },
    quiet: { type: 'string', default: '10' },
  },
});
const [bombWidth, bombHeight] = values.bomb.split('x').map(Number) as [number, number];
const attackers = Number(values.attackers);
const attackMs = Number(values.seconds) * 1000;
const quietMs = Number(values.quiet) * 1000;
const PROBE_EVERY_MS = 50;
const PHONE = '13700000001';

const serverBin = fileURLToPath(new URL('../bin/shualian.mjs', import.meta.url));
const require = createRequire(import.meta.url);
const samplePhoto = join(dirname(require.resolve('@vladmandic/face-api/package.json')), 'demo', 'sample1.jpg');

async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const probe = createServer().listen(0, () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => resolve(port));
    });
  });
}

// The server as its own process, as it runs in a shop: what is measured is what a load balancer would see.
const dataDir = await mkdtemp(join(tmpdir(), 'shualian-bomb-bench-'));
const port = await freePort();
const base = `http://127.0.0.1:${port}`;
const server = spawn(process.execPath, [serverBin, 'serve'], {
  env: {
    ...process.env,
    PORT: String(port),
    HOST: '127.0.0.1',
    SHUALIAN_DATA_DIR: dataDir,
    LOG_LEVEL: 'info',
    DATABASE_URL: '',
  },
  stdio: ['ignore', 'pipe', 'pipe'],
});
let output = '';
server.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
server.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
const serverExit = new Promise<number | null>((resolve) => server.on('exit', resolve));

async function waitFor(pattern: RegExp, timeoutMs: number): Promise<RegExpMatchArray> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const found = output.match(pattern);
    if (found) return found;
    if (Date.now() > until || server.exitCode !== null)
      throw new Error(`timed out waiting for ${pattern}; server output:\n${output.slice(-3000)}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

async function call(method: string, path: string, body?: unknown, headers: Record<string, string> = {}) {
  const start = performance.now();
  const response = await fetch(base + path, {
    method,
    headers: body === undefined ? headers : { ...headers, 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
    signal: AbortSignal.timeout(180_000),
  });
  const text = await response.text();
  return { status: response.status, body: text ? JSON.parse(text) : null, ms: performance.now() - start };
}

const pct = (values: number[], p: number) => {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  return Math.round(sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]! * 10) / 10;
};
const summary = (ms: number[]) => ({ probes: ms.length, p50: pct(ms, 50), p99: pct(ms, 99), max: pct(ms, 100) });

/** /healthz every 50 ms until `stop` resolves; latencies of every probe, answered or not (a failure counts as its time). */
async function probeHealth(stop: Promise<unknown>): Promise<{ ms: number[]; failed: number }> {
  const ms: number[] = [];
  let failed = 0;
  const inFlight: Array<Promise<void>> = [];
  let stopped = false;
  void stop.then(() => (stopped = true));
  while (!stopped) {
    const start = performance.now();
    inFlight.push(
      fetch(`${base}/healthz`, { signal: AbortSignal.timeout(120_000) })
        .then(async (r) => {
          await r.arrayBuffer();
          if (r.status !== 200) failed++;
        })
        .catch(() => void failed++)
        .finally(() => void ms.push(performance.now() - start)),
    );
    await new Promise((resolve) => setTimeout(resolve, PROBE_EVERY_MS));
  }
  await Promise.all(inFlight);
  return { ms, failed };
}

try {
  await waitFor(/Shualian is running at/, 120_000);
  await waitFor(/face engine loaded|face engine or galleries failed/, 180_000);

  // A member of the demo shop with biometric consent: the one who uploads the bombs.
  await call('POST', '/v1/members/otp', { merchantCode: 'yabo', phone: PHONE });
  const code = (await waitFor(new RegExp(`to ${PHONE}: .*?(\\d{6})`), 10_000))[1];
  const registered = await call('POST', '/v1/members/register', { merchantCode: 'yabo', phone: PHONE, code });
  const member = { authorization: `Bearer ${registered.body.token}` };
  const consent = (await call('GET', '/v1/members/consent-document?merchantCode=yabo')).body;
  await call(
    'POST',
    '/v1/member/consents',
    { version: consent.version, textSha256: consent.sha256, accepted: true },
    member,
  );
  const staffToken = (await call('POST', '/v1/auth/login', { username: 'boss', password: 'shualian-demo' })).body
    .token as string;
  const photo = await readFile(samplePhoto);
  const detect = async () => {
    const form = new FormData();
    form.append('image', new Blob([photo], { type: 'image/jpeg' }), 'photo.jpg');
    const start = performance.now();
    const response = await fetch(`${base}/v1/face/detect`, {
      method: 'POST',
      body: form,
      headers: { authorization: `Bearer ${staffToken}` },
      signal: AbortSignal.timeout(180_000),
    });
    const body = (await response.json()) as { faces?: unknown[]; error?: { code: string } };
    return {
      status: response.status,
      faces: body.faces?.length ?? null,
      error: body.error?.code ?? null,
      ms: Math.round(performance.now() - start),
    };
  };
  const before = await detect();

  const quiet = await probeHealth(new Promise((resolve) => setTimeout(resolve, quietMs)));

  const bomb = (
    await sharp({ create: { width: bombWidth, height: bombHeight, channels: 3, background: '#ffffff' } })
      .png()
      .toBuffer()
  ).toString('base64');
  const uploads: Array<{ status: number; code: string | null; ms: number }> = [];
  const attackEnds = Date.now() + attackMs;
  const attack = Promise.all(
    Array.from({ length: attackers }, async () => {
      while (Date.now() < attackEnds) {
        const r = await call('POST', '/v1/member/face', { frames: [bomb] }, member).catch((error: unknown) => ({
          status: 0,
          body: { error: { code: String(error) } },
          ms: 0,
        }));
        uploads.push({ status: r.status, code: r.body?.error?.code ?? null, ms: r.ms });
      }
    }),
  );
  const underAttack = await probeHealth(attack);

  const afterwards = await detect();
  const statuses: Record<string, number> = {};
  for (const u of uploads)
    statuses[`${u.status} ${u.code ?? ''}`.trim()] = (statuses[`${u.status} ${u.code ?? ''}`.trim()] ?? 0) + 1;
  const [load1] = (await readFile('/proc/loadavg', 'utf8').catch(() => '')).split(' ');
  console.log(
    JSON.stringify({
      bomb: `${bombWidth}x${bombHeight} blank PNG, ${Math.round((bomb.length * 3) / 4 / 1024)} KB, to enrollFace`,
      attackers,
      attackSeconds: attackMs / 1000,
      healthzMs: {
        quiet: { ...summary(quiet.ms), failed: quiet.failed },
        underAttack: { ...summary(underAttack.ms), failed: underAttack.failed },
      },
      uploads: {
        count: uploads.length,
        statuses,
        latencyMs: {
          p50: pct(
            uploads.map((u) => u.ms),
            50,
          ),
          max: pct(
            uploads.map((u) => u.ms),
            100,
          ),
        },
      },
      faceDetectOnPhoto: { before, after: afterwards },
      serverPeakRssMiB: await peakRss(server.pid),
      loadAverage1m: load1 ? Number(load1) : null,
    }),
  );
} finally {
  server.kill('SIGTERM');
  const exited = await Promise.race([
    serverExit,
    new Promise((resolve) => setTimeout(() => resolve('timeout'), 15_000)),
  ]);
  if (exited === 'timeout') {
    console.error('the server ignored SIGTERM for 15 s; killing it');
    server.kill('SIGKILL');
    await serverExit;
  }
  await rm(dataDir, { recursive: true, force: true });
}

/** The server process's peak resident memory (VmHWM), worker threads included. */
async function peakRss(pid: number | undefined): Promise<number | null> {
  const status = await readFile(`/proc/${pid}/status`, 'utf8').catch(() => '');
  const kb = status.match(/VmHWM:\s+(\d+) kB/)?.[1];
  return kb ? Math.round(Number(kb) / 1024) : null;
}
