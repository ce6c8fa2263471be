import { readFileSync, readdirSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { EMBEDDING_FUSION } from '../config.ts';
import { composeTemplate } from '../template.ts';
import { normalise } from '../vectors.ts';

/** One image of the embedding cache written by lfw-embed-cache.ts. */
export interface CachedImage {
  file: string;
  identity: string;
  /** quality gates the image failed (the analysis keeps them: news photos are often soft) */
  reasons: string[];
  /** null when no face was found */
  raw: Record<string, Float32Array> | null;
}

/** Reads every shard `<prefix>.*.jsonl` of each comma-separated prefix, sorted by file. */
export function readEmbeddingCache(prefixes: string): CachedImage[] {
  const images: CachedImage[] = [];
  const shards = prefixes.split(',').flatMap((prefix) => {
    const dir = dirname(prefix);
    const stem = basename(prefix);
    return readdirSync(dir)
      .filter((n) => n.startsWith(`${stem}.`) && n.endsWith('.jsonl'))
      .sort()
      .map((n) => join(dir, n));
  });
  for (const shard of shards) {
    for (const line of readFileSync(shard, 'utf8').split('\n')) {
      if (!line.trim()) continue;
      const r = JSON.parse(line) as {
        file: string;
        identity: string;
        reasons?: string[];
        variants?: Record<string, string>;
      };
      const raw = r.variants
        ? Object.fromEntries(
            Object.entries(r.variants).map(([k, v]) => {
              const b = Buffer.from(v, 'base64');
              return [k, new Float32Array(b.buffer.slice(b.byteOffset, b.byteOffset + b.byteLength))];
            }),
          )
        : null;
      images.push({ file: r.file, identity: r.identity, reasons: r.reasons ?? [], raw });
    }
  }
  // a file cached twice (a re-run, or descriptors added under another prefix) counts once, its descriptors merged
  const latest = new Map<string, CachedImage>();
  for (const im of images) {
    const before = latest.get(im.file);
    latest.set(im.file, before?.raw && im.raw ? { ...im, raw: { ...before.raw, ...im.raw } } : im);
  }
  return [...latest.values()].sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0));
}

/** The unit mean of the unit vectors of `names` (raw variants), after subtracting `centre` from each when given. */
export function unitMean(raw: Record<string, Float32Array>, names: string[], centre?: Float32Array): Float32Array {
  const d = raw[names[0]!]!.length;
  const out = new Float32Array(d);
  for (const n of names) {
    const v = raw[n]!;
    const c = centre ? v.map((x, i) => x - centre[i]!) : v;
    const u = normalise(c);
    for (let i = 0; i < d; i++) out[i]! += u[i]!;
  }
  return normalise(out);
}

/** The engine's template (template.ts, config.ts) from an image's cached raw descriptors. */
export function templateOf(raw: Record<string, Float32Array>): Float32Array {
  const faceApi = EMBEDDING_FUSION.chipScales.flatMap((s) => {
    const name = s === 1 ? 'fa' : `fa_s${s}`;
    if (!raw[name] || !raw[`${name}_m`])
      throw new Error(`the cache has no ${name} descriptors; re-run lfw-embed-cache.ts`);
    return [raw[name]!, raw[`${name}_m`]!];
  });
  return composeTemplate(faceApi, EMBEDDING_FUSION.faceApiWeight < 1 ? [raw['fr_b1.2']!, raw['fr_b1.2_m']!] : []);
}

/** Identities split in two halves by a fixed hash of the name (1 or 2): fit on one, measure on the other. */
export function halfOf(identity: string, salt = ''): 1 | 2 {
  identity = salt + identity;
  let h = 2166136261;
  for (let i = 0; i < identity.length; i++) h = Math.imul(h ^ identity.charCodeAt(i), 16777619) >>> 0;
  return h % 2 === 0 ? 1 : 2;
}
