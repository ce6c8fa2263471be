import { existsSync } from 'node:fs';

import { availableParallelism, cpus } from 'node:os';
import { join } from 'node:path';
import sharp from 'sharp';
import { createFaceEngine } from '../node/index.ts';
import { THRESHOLDS } from '../config.ts';
import { imageFilesOf, labelOf, readPairs } from './dataset.ts';
import { analyzeInWorkers } from './pool.ts';
import { confusionAt, cosine, percentile, rank1LeaveOneOut, tarAtFar, type ScoredPair } from './metrics.ts';

export interface BenchOptions {
  dataset: string;
  /** latency runs per frame size */
  runs: number;
  workers: number;
}

const round = (v: number, digits = 3) => Math.round(v * 10 ** digits) / 10 ** digits;

async function frameOf(source: string, width: number, height: number): Promise<Buffer> {
  return sharp(source).resize(width, height, { fit: 'cover' }).jpeg({ quality: 90 }).toBuffer();
}

/** Accuracy on the dataset's pairs (both cores), then per-stage latency on one engine, one thread. */
export async function runBench(options: BenchOptions): Promise<Record<string, unknown>> {
  const pairs = await readPairs(join(options.dataset, 'pairs.csv'));
  const files = imageFilesOf(pairs);
  const { results, seconds } = await analyzeInWorkers(
    files.map((f) => join(options.dataset, f)),
    options.workers,
  );
  const embeddingOf = (f: string) => results.get(join(options.dataset, f))?.embedding ?? null;
  const failed = files.filter((f) => !embeddingOf(f));
  // A pair with an unusable image counts as rejected (similarity −1): that is what a terminal would do.
  const scored: ScoredPair[] = pairs.map((p) => {
    const a = embeddingOf(p.fileX),
      b = embeddingOf(p.fileY);
    return { similarity: a && b ? cosine(a, b) : -1, genuine: p.same === true };
  });
  const impostorMax = Math.max(...scored.filter((p) => !p.genuine).map((p) => p.similarity));
  const atMatch = confusionAt(scored, THRESHOLDS.match);
  const atHigh = confusionAt(scored, THRESHOLDS.high);
  const items = files.flatMap((f) => {
    const e = embeddingOf(f);
    return e ? [{ label: labelOf(f), embedding: e }] : [];
  });

  const engine = await createFaceEngine({ threads: 1 });
  const group = join(options.dataset, 'group', 'bbt1.jpg');
  const source = existsSync(group)
    ? group
    : new URL('../../../../node_modules/@vladmandic/face-api/demo/sample1.jpg', import.meta.url).pathname;
  const latency: Record<string, Record<string, { p50: number; p95: number }>> = {};
  for (const [name, w, h] of [
    ['640x480', 640, 480],
    ['1920x1080', 1920, 1080],
  ] as const) {
    const frame = await frameOf(source, w, h);
    await engine.analyze(frame); // warm-up: first run compiles kernels
    const perStage: Record<string, number[]> = {};
    for (let i = 0; i < options.runs; i++) {
      const { timings } = await engine.analyze(frame);
      for (const [stage, ms] of Object.entries(timings)) (perStage[stage] ??= []).push(ms);
    }
    latency[name] = Object.fromEntries(
      Object.entries(perStage).map(([stage, v]) => [
        stage,
        { p50: round(percentile(v, 0.5), 1), p95: round(percentile(v, 0.95), 1) },
      ]),
    );
  }
  engine.dispose();

  return {
    dataset: options.dataset,
    machine: { cpus: cpus().length, parallelism: availableParallelism(), model: cpus()[0]?.model ?? 'unknown' },
    images: files.length,
    unusableImages: failed,
    pairs: { total: scored.length, genuine: atMatch.genuine, impostor: atMatch.impostor },
    thresholds: THRESHOLDS,
    atMatchThreshold: {
      accuracy: round(atMatch.accuracy),
      tar: round(atMatch.tar),
      falseAccepts: atMatch.falseAccepts,
      falseRejects: atMatch.falseRejects,
    },
    atHighThreshold: { tar: round(atHigh.tar), falseAccepts: atHigh.falseAccepts },
    highestImpostorSimilarity: round(impostorMax, 4),
    tarAtFar0: round(tarAtFar(scored, 0).tar),
    tarAtFar1pct: round(tarAtFar(scored, 0.01).tar),
    rank1LeaveOneOut: round(rank1LeaveOneOut(items)),
    throughput: { workers: options.workers, imagesPerSecond: round(files.length / seconds, 2) },
    latencyMs: latency,
    peakRssMiB: round(process.resourceUsage().maxRSS / 1024, 0),
  };
}
