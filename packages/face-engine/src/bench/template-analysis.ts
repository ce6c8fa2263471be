/**
 * Chooses the face template by measurement on the embedding cache (lfw-embed-cache.ts): every genuine pair and every
 * impostor pair between different identities (≈2.7 M on lfw-dev), for each model alone, fusion weights, mirror and
 * multi-crop averaging, centring, cohort score normalisation (cohort and test people disjoint: identities split in
 * halves) and multi-template scoring (max over templates vs fused mean).
 *
 *   nice -n 10 npx tsx packages/face-engine/src/bench/template-analysis.ts --cache /work/cache/h12/lfw-dev
 */
import { parseArgs } from 'node:util';
import { halfOf, readEmbeddingCache, unitMean } from './embedding-cache.ts';

const { values } = parseArgs({
  options: { cache: { type: 'string' }, only: { type: 'string' }, having: { type: 'string' } },
});
// --having VARIANT: only the images whose cache has that descriptor (e.g. fr_b1.2, cached for a subset)
const images = readEmbeddingCache(values.cache!).filter((im) => !values.having || !im.raw || values.having in im.raw);
const N = images.length;
const ok = images.map((im) => im.raw !== null);
const identityIds = new Map<string, number>();
const idOf = images.map(
  (im) => identityIds.get(im.identity) ?? (identityIds.set(im.identity, identityIds.size), identityIds.size - 1),
);
// Identities split in halves by a fixed hash of the name: H1 = cohort / fit, H2 = test.
const half = images.map((im) => halfOf(im.identity));

const variantNames = Object.keys(images.find((im) => im.raw)!.raw!).filter((k) =>
  images.every((im) => !im.raw || k in im.raw),
);

/** Mean of unit vectors of `variant` over the images for which `use` holds: the centre a centred base subtracts. */
function centreOf(variant: string, use: (i: number) => boolean): Float32Array {
  let out: Float32Array | undefined;
  let n = 0;
  images.forEach((im, i) => {
    if (!im.raw || !use(i)) return;
    const v = im.raw[variant]!;
    let norm = 0;
    for (const x of v) norm += x * x;
    norm = Math.sqrt(norm);
    out ??= new Float32Array(v.length);
    for (let k = 0; k < v.length; k++) out[k]! += v[k]! / norm;
    n++;
  });
  return out!.map((x) => x / n);
}

interface BaseSpec {
  variants: string[];
  /** subtract the mean unit vector (fitted on H1 when 'h1', on every image when 'all') */
  centred?: 'all' | 'h1';
}

const BASES: Record<string, BaseSpec> = {
  fa: { variants: ['fa'] },
  'fa+m': { variants: ['fa', 'fa_m'] },
  'fa+m+s': { variants: ['fa', 'fa_m', 'fa_s1.1'] },
  fa4: { variants: ['fa', 'fa_m', 'fa_s1.1', 'fa_s1.1_m'] },
  'fa4-0.9': { variants: ['fa', 'fa_m', 'fa_s0.9', 'fa_s0.9_m'] },
  fa6: { variants: ['fa', 'fa_m', 'fa_s1.1', 'fa_s1.1_m', 'fa_s0.9', 'fa_s0.9_m'] },
  'fa1.1': { variants: ['fa_s1.1', 'fa_s1.1_m'] },
  'fa4-1.2': { variants: ['fa', 'fa_m', 'fa_s1.2', 'fa_s1.2_m'] },
  'fa1.1+1.2': { variants: ['fa_s1.1', 'fa_s1.1_m', 'fa_s1.2', 'fa_s1.2_m'] },
  'fa6-1.2': { variants: ['fa', 'fa_m', 'fa_s1.1', 'fa_s1.1_m', 'fa_s1.2', 'fa_s1.2_m'] },
  'c:fa4': { variants: ['fa', 'fa_m', 'fa_s1.1', 'fa_s1.1_m'], centred: 'all' },
  'c:fa6': { variants: ['fa', 'fa_m', 'fa_s1.1', 'fa_s1.1_m', 'fa_s0.9', 'fa_s0.9_m'], centred: 'all' },
  fr: { variants: ['fr_b1.2'] },
  'fr+m': { variants: ['fr_b1.2', 'fr_b1.2_m'] },
  fr_a: { variants: ['fr_a1.0'] },
  'fr+m+a': { variants: ['fr_b1.2', 'fr_b1.2_m', 'fr_a1.0'] },
  'c:fr+m': { variants: ['fr_b1.2', 'fr_b1.2_m'], centred: 'all' },
  'c:fr+m+a': { variants: ['fr_b1.2', 'fr_b1.2_m', 'fr_a1.0'], centred: 'all' },
  'c1:fr+m': { variants: ['fr_b1.2', 'fr_b1.2_m'], centred: 'h1' },
  frd: { variants: ['frd_b1.2'] },
  frd_a: { variants: ['frd_a1.0'] },
  'frd+a': { variants: ['frd_b1.2', 'frd_a1.0'] },
  'c:frd': { variants: ['frd_b1.2'], centred: 'all' },
  'c:frd+a': { variants: ['frd_b1.2', 'frd_a1.0'], centred: 'all' },
  'c1:frd+a': { variants: ['frd_b1.2', 'frd_a1.0'], centred: 'h1' },
  'c:fa+m': { variants: ['fa', 'fa_m'], centred: 'all' },
};

const centres = new Map<string, Float32Array>();
function embeddingsOf(spec: BaseSpec): Array<Float32Array | null> {
  const centreFor = (v: string) => {
    if (!spec.centred) return undefined;
    const key = `${spec.centred}:${v}`;
    if (!centres.has(key)) centres.set(key, centreOf(v, spec.centred === 'h1' ? (i) => half[i] === 1 : () => true));
    return centres.get(key)!;
  };
  return images.map((im) => {
    if (!im.raw) return null;
    // one centre per variant, subtracted before each variant is made unit length
    const d = im.raw[spec.variants[0]!]!.length;
    const out = new Float32Array(d);
    for (const v of spec.variants) {
      const u = unitMean(im.raw, [v], centreFor(v));
      for (let k = 0; k < d; k++) out[k]! += u[k]!;
    }
    let norm = 0;
    for (const x of out) norm += x * x;
    return out.map((x) => x / Math.sqrt(norm));
  });
}

/** Full N×N cosine matrix; −1 wherever an image had no face (a pair with it is rejected). */
const matrices = new Map<string, Float32Array>();
function matrixOf(base: string): Float32Array {
  const cached = matrices.get(base);
  if (cached) return cached;
  const E = embeddingsOf(BASES[base]!);
  const S = new Float32Array(N * N).fill(-1);
  for (let i = 0; i < N; i++) {
    const a = E[i];
    if (!a) continue;
    for (let j = i; j < N; j++) {
      const b = E[j];
      if (!b) continue;
      let dot = 0;
      for (let k = 0; k < a.length; k++) dot += a[k]! * b[k]!;
      S[i * N + j] = dot;
      S[j * N + i] = dot;
    }
  }
  matrices.set(base, S);
  return S;
}

type Fusion = Record<string, number>;
function fusedMatrix(fusion: Fusion): Float32Array {
  const parts = Object.entries(fusion).map(([b, w]) => [matrixOf(b), w] as const);
  const F = new Float32Array(N * N);
  for (const [S, w] of parts) for (let k = 0; k < F.length; k++) F[k]! += w * S[k]!;
  for (let i = 0; i < N; i++) if (!ok[i]) for (let j = 0; j < N; j++) F[i * N + j] = F[j * N + i] = -1;
  return F;
}

interface Split {
  genuine: Float32Array;
  impostor: Float32Array;
  /** highest impostor pairs, highest first */
  top: Array<{ score: number; a: string; b: string }>;
}

function split(F: Float32Array, inSet: (i: number) => boolean, score = (i: number, j: number) => F[i * N + j]!): Split {
  const genuine: number[] = [];
  const impostor: number[] = [];
  let top: Array<{ score: number; i: number; j: number }> = [];
  let floor = -Infinity;
  for (let i = 0; i < N; i++) {
    if (!inSet(i)) continue;
    for (let j = i + 1; j < N; j++) {
      if (!inSet(j)) continue;
      const s = ok[i] && ok[j] ? score(i, j) : -1;
      if (idOf[i] === idOf[j]) genuine.push(s);
      else {
        impostor.push(s);
        if (s > floor) {
          top.push({ score: s, i, j });
          if (top.length > 40) {
            top.sort((x, y) => y.score - x.score);
            top = top.slice(0, 20);
            floor = top[19]!.score;
          }
        }
      }
    }
  }
  top.sort((x, y) => y.score - x.score);
  return {
    genuine: Float32Array.from(genuine),
    impostor: Float32Array.from(impostor).sort(),
    top: top.slice(0, 20).map((t) => ({ score: t.score, a: images[t.i]!.file, b: images[t.j]!.file })),
  };
}

/** TAR at the lowest threshold whose FAR ≤ far (accept iff score > the (⌊far·n⌋+1)-th highest impostor). */
function tarAt(s: Split, far: number): { tar: number; threshold: number } {
  const n = s.impostor.length;
  const allowed = Math.floor(far * n);
  const threshold = s.impostor[n - 1 - allowed]!;
  let accepted = 0;
  for (const g of s.genuine) if (g > threshold) accepted++;
  return { tar: accepted / s.genuine.length, threshold };
}

const r = (v: number, d = 3) => (Number.isFinite(v) ? v.toFixed(d) : String(v));
function row(name: string, s: Split): string {
  const t3 = tarAt(s, 1e-3),
    t4 = tarAt(s, 1e-4),
    t5 = tarAt(s, 1e-5);
  return `| ${name} | ${s.genuine.length} | ${s.impostor.length} | ${r(t3.tar)} @${r(t3.threshold)} | ${r(t4.tar)} @${r(t4.threshold)} | ${r(t5.tar)} @${r(t5.threshold)} | ${r(s.top[0]!.score)} ${r(s.top[1]!.score)} ${r(s.top[2]!.score)} |`;
}
const header =
  '| template | genuine | impostor | TAR @FAR 1e-3 (thr) | TAR @1e-4 (thr) | TAR @1e-5 (thr) | highest 3 impostors |\n| --- | --- | --- | --- | --- | --- | --- |';

const all = () => true;
const h2 = (i: number) => half[i] === 2;

const configs: Array<[string, Fusion]> = [
  ['fa (chip)', { fa: 1 }],
  ["fa + mirror (today's face-api part)", { 'fa+m': 1 }],
  ['fa + mirror + tighter chip', { 'fa+m+s': 1 }],
  ['fa chips 1.0, 1.1 + mirrors (4)', { fa4: 1 }],
  ['fa chips 1.0, 0.9 + mirrors (4)', { 'fa4-0.9': 1 }],
  ['fa chips 1.0, 1.1, 0.9 + mirrors (6)', { fa6: 1 }],
  ['centred fa6', { 'c:fa6': 1 }],
  ['fa chip 1.1 + mirror (2)', { 'fa1.1': 1 }],
  ['fa chips 1.0, 1.2 + mirrors (4)', { 'fa4-1.2': 1 }],
  ['fa chips 1.1, 1.2 + mirrors (4)', { 'fa1.1+1.2': 1 }],
  ['fa chips 1.0, 1.1, 1.2 + mirrors (6)', { 'fa6-1.2': 1 }],
  ['centred fa4', { 'c:fa4': 1 }],
  ['fr (box 1.2)', { fr: 1 }],
  ['fr + mirror', { 'fr+m': 1 }],
  ['fr aligned chip', { fr_a: 1 }],
  ['fr + mirror + aligned', { 'fr+m+a': 1 }],
  ['centred fr + mirror', { 'c:fr+m': 1 }],
  ['centred fr + mirror + aligned', { 'c:fr+m+a': 1 }],
  ['frd (box 1.2)', { frd: 1 }],
  ['frd aligned', { frd_a: 1 }],
  ['frd box + aligned', { 'frd+a': 1 }],
  ['centred frd', { 'c:frd': 1 }],
  ['centred frd box + aligned', { 'c:frd+a': 1 }],
  ['today: 0.75 fa+m + 0.25 fr+m', { 'fa+m': 0.75, 'fr+m': 0.25 }],
];
for (const w of [0.75, 0.85, 0.9, 0.95]) configs.push([`${w} fa4 + ${r(1 - w, 2)} fr+m`, { fa4: w, 'fr+m': 1 - w }]);
for (const w of [0.3, 0.4, 0.5, 0.6, 0.75])
  configs.push([`${w} fa+m + ${r(1 - w, 2)} c:fr+m`, { 'fa+m': w, 'c:fr+m': 1 - w }]);
for (const w of [0.3, 0.4, 0.5, 0.6])
  configs.push([`${w} fa+m + ${r(1 - w, 2)} c:frd+a`, { 'fa+m': w, 'c:frd+a': 1 - w }]);
for (const w of [0.4, 0.5, 0.6]) configs.push([`${w} fa+m + ${r(1 - w, 2)} frd+a`, { 'fa+m': w, 'frd+a': 1 - w }]);
for (const [a, b, c] of [
  [0.4, 0.2, 0.4],
  [0.4, 0.3, 0.3],
  [0.5, 0.2, 0.3],
  [0.3, 0.3, 0.4],
  [0.34, 0.33, 0.33],
] as const) {
  configs.push([`${a} fa+m + ${b} c:fr+m + ${c} c:frd+a`, { 'fa+m': a, 'c:fr+m': b, 'c:frd+a': c }]);
}

const only = values.only ? new RegExp(values.only) : null;
const failed = images.filter((im) => !im.raw).length;
console.log(
  `# lfw-dev template analysis: ${N} images, ${identityIds.size} identities, ${failed} without a face; variants ${variantNames.join(' ')}\n`,
);
console.log('## Every pair (all identities)\n');
console.log(header);
const splits = new Map<string, Split>();
const available = (fusion: Fusion) =>
  Object.keys(fusion).every((b) => BASES[b]!.variants.every((v) => variantNames.includes(v)));
for (const [name, fusion] of configs) {
  if ((only && !only.test(name)) || !available(fusion)) continue;
  const s = split(fusedMatrix(fusion), all);
  splits.set(name, s);
  console.log(row(name, s));
}

// Cohort normalisation: test half H2, cohort = images of H1 people (disjoint), adaptive s-norm over the top K cohort scores.
function snorm(fusion: Fusion, K: number): { raw: Split; normed: Split } {
  const F = fusedMatrix(fusion);
  const cohort = images.map((_, i) => i).filter((i) => half[i] === 1 && ok[i]);
  const mu = new Float32Array(N),
    sd = new Float32Array(N);
  const buf = new Float32Array(cohort.length);
  for (let i = 0; i < N; i++) {
    if (half[i] !== 2 || !ok[i]) continue;
    cohort.forEach((c, k) => (buf[k] = F[i * N + c]!));
    const topK = buf.slice().sort().slice(-K);
    let m = 0;
    for (const x of topK) m += x;
    m /= K;
    let v = 0;
    for (const x of topK) v += (x - m) ** 2;
    mu[i] = m;
    sd[i] = Math.sqrt(v / K) || 1e-6;
  }
  return {
    raw: split(F, h2),
    normed: split(F, h2, (i, j) => {
      const s = F[i * N + j]!;
      return 0.5 * ((s - mu[i]!) / sd[i]! + (s - mu[j]!) / sd[j]!);
    }),
  };
}

console.log('\n## Cohort score normalisation (test: H2 people only; cohort: H1 people)\n');
console.log(header);
const cohortConfigs = configs.filter(
  ([name, fusion]) => available(fusion) && /^today|^0\.9 fa4|^fa chips 1\.0, 1\.1 \+|^fa \+ mirror \(/.test(name),
);
for (const [name, fusion] of cohortConfigs) {
  if (only && !only.test(name)) continue;
  for (const K of [50, 200]) {
    const { raw, normed } = snorm(fusion, K);
    if (K === 50) console.log(row(`${name}, raw`, raw));
    console.log(row(`${name}, s-norm top-${K}`, normed));
  }
}

// Centre fitted on H1 only vs on every image, measured on H2: does fitting the centre on the test people leak?
console.log('\n## Centre fitted on other people (H1) vs on all, measured on H2 pairs\n');
console.log(header);
for (const [name, fusion] of [
  ['c:fr+m (centre from all)', { 'c:fr+m': 1 }],
  ['c1:fr+m (centre from H1)', { 'c1:fr+m': 1 }],
  ['c:frd+a (centre from all)', { 'c:frd+a': 1 }],
  ['c1:frd+a (centre from H1)', { 'c1:frd+a': 1 }],
] as Array<[string, Fusion]>) {
  if ((only && !only.test(name)) || !available(fusion)) continue;
  console.log(row(name, split(fusedMatrix(fusion), h2)));
}

// Multi-template: people with ≥ 3 usable photos enroll k = 2 (first two), probe the rest; every other image is a
// stranger probe against each member. Per-member scores: max over templates, score against the fused mean, both.
function multiTemplate(fusion: Fusion): string[] {
  const F = fusedMatrix(fusion);
  const byId = new Map<number, number[]>();
  images.forEach((_, i) => ok[i] && byId.set(idOf[i]!, [...(byId.get(idOf[i]!) ?? []), i]));
  const members = [...byId.values()].filter((l) => l.length >= 3);
  const scores = { one: [[], []], max: [[], []], mean: [[], []], both: [[], []] } as Record<
    string,
    [number[], number[]]
  >;
  for (const photos of members) {
    const enrolled = photos.slice(0, 2);
    const [t0, t1] = enrolled as [number, number];
    const meanNorm = Math.sqrt(F[t0 * N + t0]! + F[t1 * N + t1]! + 2 * F[t0 * N + t1]!);
    for (let p = 0; p < N; p++) {
      if (enrolled.includes(p)) continue;
      const genuine = idOf[p] === idOf[t0] ? 0 : 1;
      const a = ok[p] ? F[p * N + t0]! : -1;
      const b = ok[p] ? F[p * N + t1]! : -1;
      const mean = ok[p] ? (a + b) / meanNorm : -1;
      scores.one![genuine]!.push(a);
      scores.max![genuine]!.push(Math.max(a, b));
      scores.mean![genuine]!.push(mean);
      scores.both![genuine]!.push(Math.max(Math.max(a, b), mean));
    }
  }
  return Object.entries(scores).map(([how, [g, i]]) => {
    const s: Split = {
      genuine: Float32Array.from(g),
      impostor: Float32Array.from(i).sort(),
      top: [...Float32Array.from(i).sort()]
        .slice(-3)
        .reverse()
        .map((score) => ({ score, a: '', b: '' })),
    };
    return row(
      `${how === 'one' ? 'first photo only' : how === 'max' ? 'max over 2 templates' : how === 'mean' ? 'fused mean of 2' : 'max(max, mean)'} (${members.length} members)`,
      s,
    );
  });
}
console.log(
  '\n## Multi-template scoring (people with ≥ 3 photos enroll 2, probe the rest; strangers = all other images)\n',
);
for (const [name, fusion] of cohortConfigs) {
  if (only && !only.test(name)) continue;
  console.log(`\n${name}\n`);
  console.log(header);
  for (const line of multiTemplate(fusion)) console.log(line);
}

console.log('\n## Highest impostor pairs\n');
for (const [name, s] of splits) {
  if (!/^today|^fa chips 1\.0, 1\.1 \+|^fa \+ mirror \(/.test(name)) continue;
  console.log(
    `${name}: ${s.top
      .slice(0, 12)
      .map((t) => `${r(t.score)} ${t.a} / ${t.b}`)
      .join('; ')}`,
  );
}
