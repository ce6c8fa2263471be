/**
 * Replays face payment's 1:N decision (identify-decision.ts) on the embedding cache with the shipped template and
 * calibration: people split in halves by name; the first half enroll (the first `--enroll` usable photos of each,
 * fused into one template as enrollment does) and probe with their other photos as members; every photo of the second
 * half probes as a stranger. Gallery = every enrolled person. Repeated over `--splits` different halvings (salted
 * hashes of the names) so that the strangers' attempts number in the thousands.
 *
 *   nice -n 10 npx tsx packages/face-engine/src/bench/identify-replay.ts --cache /work/cache/h12/lfw-dev
 *
 * `--shift-by X` moves the shipped tail by X (e.g. minus its safety margin) to show what the margin costs.
 */
import { parseArgs } from 'node:util';
import { SCORE_CALIBRATION } from '../config.ts';
import { decideIdentity, DEFAULT_IDENTIFY_POLICY, type IdentifyPolicy } from '../identify-decision.ts';
import { shiftCalibration } from '../open-set.ts';
import { fuseTemplates } from '../vectors.ts';
import { halfOf, readEmbeddingCache, templateOf } from './embedding-cache.ts';

const { values } = parseArgs({
  options: {
    cache: { type: 'string' },
    enroll: { type: 'string', default: '1' },
    'shift-by': { type: 'string', default: '0' },
    splits: { type: 'string', default: '10' },
  },
});
const k = Number(values.enroll);
const images = readEmbeddingCache(values.cache!);
const byIdentity = new Map<string, typeof images>();
for (const im of images) byIdentity.set(im.identity, [...(byIdentity.get(im.identity) ?? []), im]);

type Search = { top: { member: string; score: number } | null; second: number | null; entries: number };
const memberSearches: Array<{ identity: string; found: Search | null }> = [];
const strangerSearches: Array<Search | null> = [];
const strangerNames: string[] = [];
let gallerySize = 0;
const embeddings = new Map(images.map((im) => [im.file, im.raw ? templateOf(im.raw) : null]));
for (let split = 0; split < Number(values.splits); split++) {
  const salt = split === 0 ? '' : `split${split}:`;
  const gallery: Array<{ member: string; template: Float32Array }> = [];
  const memberProbes: Array<{ identity: string; embedding: Float32Array | null }> = [];
  const strangerProbes: Array<Float32Array | null> = [];
  for (const [identity, photos] of byIdentity) {
    const embed = (im: (typeof photos)[number]) => embeddings.get(im.file)!;
    if (halfOf(identity, salt) === 2) {
      strangerProbes.push(...photos.map(embed));
      strangerNames.push(...photos.map((im) => im.file));
      continue;
    }
    const usable = photos.filter((im) => im.raw);
    const enrolled = usable.slice(0, k);
    if (enrolled.length === 0) continue;
    gallery.push({ member: identity, template: fuseTemplates(enrolled.map(embed) as Float32Array[]) });
    for (const im of photos) if (!enrolled.includes(im)) memberProbes.push({ identity, embedding: embed(im) });
  }
  const search = (probe: Float32Array): Search => {
    let top: { member: string; score: number } | null = null;
    let second: number | null = null;
    for (const { member, template } of gallery) {
      let score = 0;
      for (let i = 0; i < probe.length; i++) score += probe[i]! * template[i]!;
      if (!top || score > top.score) {
        if (top) second = top.score;
        top = { member, score };
      } else if (second === null || score > second) second = score;
    }
    return { top, second, entries: gallery.length };
  };
  gallerySize += gallery.length / Number(values.splits);
  for (const p of memberProbes)
    memberSearches.push({ identity: p.identity, found: p.embedding ? search(p.embedding) : null });
  for (const e of strangerProbes) strangerSearches.push(e ? search(e) : null);
}

const refuse = { decision: 'refuse' as const, member: null, score: -1 };
const shift = Number(values['shift-by']);
console.log(
  `${values.splits} splits; gallery ≈ ${Math.round(gallerySize)} members (${k} photo${k > 1 ? 's' : ''} each); ${memberSearches.length} member probes, ${strangerSearches.length} stranger probes; ` +
    `calibration ${SCORE_CALIBRATION.measuredOn}${shift ? ` shifted by ${shift}` : ''}`,
);
console.log(
  '| pay target (stranger chance) | strangers paid | members paid (face alone) | members pay or step up | members paid as someone else | strangers stepped up |',
);
console.log('| --- | --- | --- | --- | --- | --- |');
for (const payChance of [1e-3, 1e-4, DEFAULT_IDENTIFY_POLICY.payChance, 1e-6]) {
  const policy: IdentifyPolicy = {
    ...DEFAULT_IDENTIFY_POLICY,
    calibration: shiftCalibration(SCORE_CALIBRATION, shift),
    payChance,
  };
  const m = memberSearches.map(({ identity, found }) => ({
    identity,
    d: found ? decideIdentity(found, policy) : refuse,
  }));
  const s = strangerSearches.map((found) => (found ? decideIdentity(found, policy) : refuse));
  const paid = s.filter((d) => d.decision === 'pay').length;
  const paidWho = [
    ...new Set(s.flatMap((d, i) => (d.decision === 'pay' ? [`${strangerNames[i]} as ${d.member}`] : []))),
  ];
  const rate = (n: number, of: number) => `${(n / of).toFixed(4)} (${n}/${of})`;
  console.log(
    `| ${payChance}${payChance === DEFAULT_IDENTIFY_POLICY.payChance ? ' (default)' : ''} | ${rate(paid, s.length)} | ` +
      `${rate(m.filter((x) => x.d.decision === 'pay' && x.d.member === x.identity).length, m.length)} | ` +
      `${rate(m.filter((x) => x.d.decision !== 'refuse').length, m.length)} | ` +
      `${rate(m.filter((x) => x.d.decision === 'pay' && x.d.member !== x.identity).length, m.length)} | ` +
      `${rate(s.filter((d) => d.decision === 'step_up').length, s.length)} |`,
  );
  if (paidWho.length > 0 && paidWho.length <= 10)
    console.error(`  strangers paid at ${payChance}: ${paidWho.join('; ')}`);
}
