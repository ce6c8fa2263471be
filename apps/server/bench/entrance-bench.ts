/**
 * The store entrance under load, through the real API, engine and database:
 *
 * 1. crops per second per core: the face engine's pool with `--workers` workers analysing entrance crops back to
 *    back (the engine is the cost: one worker is one core);
 * 2. a store with `--cameras` entrance cameras each picking `--rate` crops a second for `--seconds` and sending them as
 *    the entrance app does: one request at a time per camera, a crop picked while the previous is still unanswered
 *    is dropped for the next (counted as skipped). People walk up one after another (each `--frames` crops, distinct
 *    people of lfw-dev when ../shared is there, else the faces of face-api's demo photos), a consenting member first.
 *    Latency from sending a crop to its answer (the visit and its `visit.started` are committed by then), for every
 *    crop and for those that started a visit, and from the crop's time to the `visit.started` subscriber's handler.
 *
 *   nice -n 10 npx tsx apps/server/bench/entrance-bench.ts [--workers 1] [--cameras 2] [--rate 3] [--seconds 40]
 *     [--analysis entrance|full]
 *   TEST_DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres npx tsx apps/server/bench/entrance-bench.ts
 *
 * Crops are at most 320 px, as the entrance app's picker sends them. `--analysis full` makes the server analyse each
 * crop as it did before the entrance had its own analysis (ENTRANCE_ANALYSIS): the whole engine, as enrollment does.
 * Step 1 measures both analyses, crop about, whichever `--analysis` says. Pin the process to cores with `taskset -c`:
 * the server, its engine workers and the database then share those cores, as on a server of that size.
 */
import { existsSync } from 'node:fs';
import { readFile, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { availableParallelism, cpus, loadavg } from 'node:os';
import { parseArgs } from 'node:util';
import { EngineRecognizer } from '../src/modules/biometrics/engine-adapter.ts';
import { lazyRecognizer } from '../src/modules/biometrics/recognizer-loader.ts';
import type { Recognizer } from '../src/modules/biometrics/index.ts';
import { readCrop } from '../src/modules/presence/index.ts';
import { OutboxDispatcher } from '../src/platform/outbox/index.ts';
import { activateCamera, enrolledMember, sendCrops, walkingFrames } from '../test/entrance.ts';
import sharp from 'sharp';
import { faceCrop, samplePhoto } from '../test/face-images.ts';
import { createMerchant, createProvider, createTestApp, login } from '../test/test-app.ts';

const { values } = parseArgs({
  options: {
    workers: { type: 'string', default: '1' },
    cameras: { type: 'string', default: '2' },
    rate: { type: 'string', default: '3' },
    seconds: { type: 'string', default: '40' },
    frames: { type: 'string', default: '6' },
    throughput: { type: 'string', default: '40' },
    analysis: { type: 'string', default: 'entrance' },
  },
});
const workers = Number(values.workers);
const cameras = Number(values.cameras);
const rate = Number(values.rate);
const seconds = Number(values.seconds);
const framesPerPerson = Number(values.frames);
if (values.analysis !== 'entrance' && values.analysis !== 'full') throw new Error('--analysis is entrance or full');

/** A person walking up to the door, as the picker sends them: at most 320 px a side (CROP_SHAPE.maxSide). */
async function walkingCrops(photo: Buffer, count: number): Promise<Buffer[]> {
  return Promise.all(
    (await walkingFrames(photo, count)).map((frame) =>
      sharp(frame).resize({ width: 320, height: 320, fit: 'inside', withoutEnlargement: true }).jpeg().toBuffer(),
    ),
  );
}

const percentile = (values: number[], p: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted.length ? Math.round(sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))]!) : null;
};

/** People to walk in: one photo each. */
async function people(): Promise<Buffer[]> {
  const lfw = ['../shared/datasets/lfw-dev', '../../shared/datasets/lfw-dev', '../../../shared/datasets/lfw-dev'].find(
    (dir) => existsSync(join(dir, 'identities.csv')),
  );
  if (lfw) {
    const folders = (await readdir(lfw, { withFileTypes: true })).filter((e) => e.isDirectory()).map((e) => e.name);
    return Promise.all(
      folders.slice(0, 400).map(async (name) => readFile(join(lfw, name, (await readdir(join(lfw, name)))[0]!))),
    );
  }
  const recognizer = await EngineRecognizer.load({ workers: 1 });
  const found: Buffer[] = [];
  for (const n of [1, 2, 3, 4, 5, 6] as const) {
    const { faces } = await recognizer.faceEngine.analyze(await readFile(samplePhoto(n)));
    for (const face of faces.filter((f) => f.quality.ok)) found.push(await faceCrop(samplePhoto(n), face.box));
  }
  await recognizer.close();
  return found;
}

const photos = await people();
// A first analysis on a starved core can take seconds: the bench measures waiting, not the deadline.
const engine = await EngineRecognizer.load({ workers, jobDeadlineMs: 30_000 });
/** The server's recognizer, analysing entrance crops as every other picture (the whole engine). */
const fullAnalysis: Recognizer = Object.assign(Object.create(engine) as EngineRecognizer, {
  analyze: (image: Buffer) => engine.analyze(image),
});
const recognizer = values.analysis === 'full' ? fullAnalysis : engine;

// 1. Crops per second per core: the engine alone, every worker kept busy, each analysis in turn, round by round.
const crops = await walkingCrops(photos[0]!, 4);
const sample = await Promise.all(
  Array.from({ length: Number(values.throughput) }, async (_, i) =>
    i < 4 ? crops[i]! : (await walkingCrops(photos[i % photos.length]!, 1))[0]!,
  ),
);
for (const crop of sample.slice(0, workers * 2)) await readCrop(recognizer, crop); // warm up
const engineSeconds = { entrance: 0, full: 0 };
// CPU time of this process (every thread): what a crop costs whatever share of the cores other work leaves us.
const engineCpuMs = { entrance: 0, full: 0 };
const cpuMs = (since: NodeJS.CpuUsage) => {
  const used = process.cpuUsage(since);
  return (used.user + used.system) / 1000;
};
for (let round = 0; round < 4; round++) {
  for (const [name, analysing] of [
    ['entrance', engine],
    ['full', fullAnalysis],
  ] as const) {
    const part = sample.filter((_, i) => i % 4 === round);
    let next = 0;
    const start = performance.now();
    const cpuStart = process.cpuUsage();
    await Promise.all(
      Array.from({ length: workers }, async () => {
        while (next < part.length) await readCrop(analysing, part[next++]!);
      }),
    );
    engineSeconds[name] += (performance.now() - start) / 1000;
    engineCpuMs[name] += cpuMs(cpuStart);
  }
}
const engineRate = (name: 'entrance' | 'full') => Number((sample.length / engineSeconds[name]).toFixed(2));

// 2. A store's cameras at a steady rate, through the API.
const ctx = await createTestApp({}, { recognizer: lazyRecognizer(async () => recognizer) });
const db = ctx.database.db;
const shop = await createMerchant(db, await createProvider(db), 'bench');
const manager = await login(ctx.app, 'bench-manager');
const doors = [];
for (let c = 0; c < cameras; c++)
  doors.push(await activateCamera(ctx.app, manager, shop.merchantId, shop.storeIds[0], { name: `door ${c}` }));
const member = await enrolledMember(ctx.services, db, shop, {
  phone: '13500000001',
  name: '会员',
  faces: [photos[0]!],
  entrance: true,
});
void member;

// The crop's time (atMs) is when it was sent, so the visit's start is the moment its first crop left the camera.
const delivered: number[] = [];
const dispatcher = new OutboxDispatcher(ctx.database);
dispatcher.subscribe({
  name: 'bench.visit-started',
  eventTypes: ['visit.started'],
  handle: async (event) => void delivered.push(Date.now() - Date.parse(String(event.payload.enteredAt))),
});
await dispatcher.start();

const all: number[] = [];
const entered: number[] = [];
const outcomes: Record<string, number> = {};
let refused = 0;
let skipped = 0;
const refusals: Record<string, number> = {};
let inFlight = 0;
const pending: Promise<void>[] = [];
const started = performance.now();
const storeCpuStart = process.cpuUsage();
const interval = 1000 / rate;
for (let c = 0; c < cameras; c++) {
  // Each camera sees its own stream of people, one after another; the first person of camera 0 is the member.
  const stream = photos.filter((_, i) => i % cameras === c);
  let tickNo = 0;
  let walking: Buffer[] = [];
  let busy = false;
  pending.push(
    (async () => {
      while (performance.now() - started < seconds * 1000) {
        const due = started + tickNo * interval + (c * interval) / cameras;
        await new Promise((resolve) => setTimeout(resolve, Math.max(0, due - performance.now())));
        if (walking.length === 0) {
          const person = stream[Math.floor(tickNo / framesPerPerson) % stream.length]!;
          walking = await walkingCrops(person, framesPerPerson);
        }
        const crop = walking.shift()!;
        tickNo++;
        if (busy) {
          skipped++;
          continue;
        }
        busy = true;
        const sent = performance.now();
        inFlight++;
        void sendCrops(ctx.app, doors[c]!, [crop], Date.now()).then((response) => {
          inFlight--;
          busy = false;
          const took = performance.now() - sent;
          if (response.statusCode !== 200) {
            refused++;
            const code = (response.json() as { error?: { code?: string } }).error?.code ?? String(response.statusCode);
            refusals[code] = (refusals[code] ?? 0) + 1;
            return;
          }
          const [result] = response.json().crops as Array<{ outcome: string; visitId: string | null }>;
          outcomes[result!.outcome] = (outcomes[result!.outcome] ?? 0) + 1;
          all.push(took);
          if (result!.outcome === 'entered') entered.push(took);
        });
      }
    })(),
  );
}
await Promise.all(pending);
// Let the last requests answer.
while (inFlight > 0) await new Promise((resolve) => setTimeout(resolve, 100));
const storeCpuMs = cpuMs(storeCpuStart);
const storeSeconds = (performance.now() - started) / 1000;
await dispatcher.drain();
await dispatcher.stop();

console.log(
  JSON.stringify(
    {
      machine: {
        cpus: cpus().length,
        coresAllowed: availableParallelism(),
        model: cpus()[0]?.model,
        node: process.version,
        loadAverage: loadavg(),
      },
      database: ctx.database.kind,
      workers,
      analysis: values.analysis,
      engineOnly: {
        crops: sample.length,
        cropsPerSecond: { entrance: engineRate('entrance'), full: engineRate('full') },
        entranceOverFull: Number((engineSeconds.full / engineSeconds.entrance).toFixed(2)),
        cpuMsPerCrop: {
          entrance: Math.round(engineCpuMs.entrance / sample.length),
          full: Math.round(engineCpuMs.full / sample.length),
        },
        coresUsed: Number(
          ((engineCpuMs.entrance + engineCpuMs.full) / 1000 / (engineSeconds.entrance + engineSeconds.full)).toFixed(2),
        ),
      },
      store: {
        cameras,
        cropsPerSecondPerCamera: rate,
        seconds,
        picked: all.length + refused + skipped,
        skipped,
        sent: all.length + refused,
        answeredPerSecond: Number((all.length / seconds).toFixed(2)),
        // the whole process: API, signatures, database, engine, and this bench's own crop making
        cpuMsPerAnsweredCrop: Math.round(storeCpuMs / Math.max(1, all.length)),
        coresUsed: Number((storeCpuMs / 1000 / storeSeconds).toFixed(2)),
        refused,
        refusals,
        outcomes,
        latencyMs: { p50: percentile(all, 0.5), p95: percentile(all, 0.95), max: percentile(all, 1) },
        visitStartedMs: {
          count: entered.length,
          p50: percentile(entered, 0.5),
          p95: percentile(entered, 0.95),
          toSubscriberP50: percentile(delivered, 0.5),
          toSubscriberP95: percentile(delivered, 0.95),
        },
      },
    },
    null,
    2,
  ),
);
await ctx.close();
await engine.close();
