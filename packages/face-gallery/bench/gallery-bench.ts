/**
 * Gallery search on synthetic identities: each member a random unit centre, its templates noisy captures of it;
 * each query a fresh capture of an enrolled member. Prints one JSON line per size: exact and approximate query
 * latency (one thread), recall@1 of the approximate index against exact search, build time, memory, and the
 * phone-suffix (step-up) query.
 *
 *   npm run bench:gallery -- [--sizes 10000,100000,1000000] [--dimensions 128] [--queries 500]
 */
import { parseArgs } from 'node:util';
import { FaceGallery } from '../src/gallery.ts';
import { seededRandom, syntheticCapture, syntheticIdentity } from '../src/synthetic.ts';

const { values } = parseArgs({
  options: {
    sizes: { type: 'string', default: '10000,100000,1000000' },
    dimensions: { type: 'string', default: '128' },
    queries: { type: 'string', default: '500' },
  },
});
const dimensions = Number(values.dimensions);
const queries = Number(values.queries);
const TEMPLATES_PER_MEMBER = 2;

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

for (const size of values.sizes.split(',').map(Number)) {
  const random = seededRandom(size);
  const members = size / TEMPLATES_PER_MEMBER;
  const centres: Float32Array[] = [];
  const rss0 = process.memoryUsage().rss;
  const gallery = new FaceGallery(dimensions, Number.POSITIVE_INFINITY);
  const buildExact = performance.now();
  const entries = function* () {
    for (let m = 0; m < members; m++) {
      const centre = syntheticIdentity(random, dimensions);
      centres.push(centre);
      for (let t = 0; t < TEMPLATES_PER_MEMBER; t++) {
        yield {
          templateId: `${m}-${t}`,
          memberId: `m${m}`,
          vector: syntheticCapture(random, centre),
          phoneSuffix: String(m % 10_000).padStart(4, '0'),
        };
      }
    }
  };
  gallery.load(entries());
  const exactBuildS = (performance.now() - buildExact) / 1000;
  const probes = Array.from({ length: queries }, () => {
    const member = Math.floor(random() * members);
    return { member, vector: syntheticCapture(random, centres[member]!) };
  });
  const exactLatencies: number[] = [];
  const exactTop: string[] = [];
  for (const probe of probes) {
    const start = performance.now();
    exactTop.push(gallery.searchExact(probe.vector, 1)[0]!.memberId);
    exactLatencies.push(performance.now() - start);
  }
  const suffixLatencies: number[] = [];
  for (const probe of probes) {
    const start = performance.now();
    gallery.search(probe.vector, { k: 5, phoneSuffix: String(probe.member % 10_000).padStart(4, '0') });
    suffixLatencies.push(performance.now() - start);
  }
  const annBuild = performance.now();
  (gallery as unknown as { buildAnn(): void }).buildAnn();
  const annBuildS = (performance.now() - annBuild) / 1000;
  const annLatencies: number[] = [];
  let agree = 0;
  let correct = 0;
  for (const [i, probe] of probes.entries()) {
    const start = performance.now();
    const top = gallery.search(probe.vector, { k: 5 }).matches[0]!.memberId;
    annLatencies.push(performance.now() - start);
    if (top === exactTop[i]) agree++;
    if (top === `m${probe.member}`) correct++;
  }
  for (const list of [exactLatencies, annLatencies, suffixLatencies]) list.sort((a, b) => a - b);
  const ms = (list: number[]) => ({ p50: +percentile(list, 50).toFixed(3), p95: +percentile(list, 95).toFixed(3) });
  console.log(
    JSON.stringify({
      templates: size,
      members,
      dimensions,
      queries,
      exactMs: ms(exactLatencies),
      approximateMs: ms(annLatencies),
      phoneSuffixMs: ms(suffixLatencies),
      recallAt1VsExact: +(agree / queries).toFixed(4),
      approximateTop1Correct: +(correct / queries).toFixed(4),
      buildSeconds: { exact: +exactBuildS.toFixed(1), approximate: +annBuildS.toFixed(1) },
      rssMiB: Math.round((process.memoryUsage().rss - rss0) / 1048576),
    }),
  );
}
