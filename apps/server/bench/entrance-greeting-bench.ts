/**
 * How often the entrance greets the wrong person: the entrance's naming (nameAtEntrance: the consenting members'
 * templates only, the open-set policy at the merchant's entrance threshold, clear faces only) replayed on a dataset's
 * embeddings (entrance-embeddings.ts). People are split in halves by name, 10 times over (salted hashes): one half
 * consents (their first photo enrolled), their other photos come in as members; every photo of the other half comes in
 * as a stranger. Each photo is one crop. Also the same with only the people of `--subgroup` (lfw-dev's East Asian
 * names), whose strangers score higher among themselves.
 *
 *   nice -n 10 npx tsx apps/server/bench/entrance-greeting-bench.ts --cache /tmp/entrance-cache/lfw-dev.jsonl \
 *     [--subgroup packages/face-engine/src/bench/lfw-dev-east-asian.txt] [--splits 10] [--probes <cache>]
 *
 * `--probes`: the crops (members' other photos, strangers' photos) are read from this cache instead, made with
 * `entrance-embeddings.ts --analysis entrance`, while members stay enrolled from `--cache` (the full analysis, as
 * enrollment makes templates). Last, how the visit tracker tells two crops apart: the share of pairs of crops of
 * different people, and of the same person, that reach its same-face score. `--probe-passes 1|2`: the crops' templates
 * composed from the first 1 or 2 of the cached chip descriptors (chip 1.0, then its mirror) instead.
 */
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { composeTemplate, cosine, SCORE_CALIBRATION, decideIdentity, THRESHOLDS } from '@shualian/face-engine';
import { EngineGallery } from '../src/modules/biometrics/engine-adapter.ts';
import { nameAtEntrance, type CropReading } from '../src/modules/presence/index.ts';

const { values } = parseArgs({
  options: {
    cache: { type: 'string' },
    subgroup: { type: 'string' },
    splits: { type: 'string', default: '10' },
    probes: { type: 'string' },
    'probe-passes': { type: 'string' },
  },
});

interface Photo {
  file: string;
  identity: string;
  reading: CropReading | null;
}

const readCache = (path: string, passes: number | null = null): Photo[] =>
  readFileSync(path, 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((line) => {
      const r = JSON.parse(line) as {
        file: string;
        identity: string;
        usable?: boolean;
        age?: number | null;
        gender?: 'female' | 'male' | null;
        embedding: string | null;
        descriptors?: string[];
      };
      const vector = (base64: string) => {
        const bytes = Buffer.from(base64, 'base64');
        return new Float32Array(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength));
      };
      const embedding =
        passes && r.descriptors
          ? composeTemplate(r.descriptors.slice(0, passes).map(vector))
          : r.embedding && vector(r.embedding);
      return {
        file: r.file,
        identity: r.identity,
        reading: embedding
          ? {
              embedding,
              clear: Boolean(r.usable),
              age: r.age ?? null,
              gender: r.gender ?? null,
            }
          : null,
      };
    });
const photos = readCache(values.cache!);
const ownProbes = Boolean(values.probes || values['probe-passes']);
const probeOf = new Map(
  ownProbes
    ? readCache(values.probes ?? values.cache!, values['probe-passes'] ? Number(values['probe-passes']) : null).map(
        (p) => [p.file, p.reading],
      )
    : [],
);
const probe = (p: Photo): CropReading | null => (ownProbes ? (probeOf.get(p.file) ?? null) : p.reading);

function halfOf(identity: string, salt: string): 1 | 2 {
  const text = salt + identity;
  let h = 2166136261;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 16777619) >>> 0;
  return h % 2 === 0 ? 1 : 2;
}

type Naming = (gallery: EngineGallery, consenting: Set<string>, reading: CropReading) => string | null;

/** The shipped naming at a target, or (for comparison) the same with payment's calibration. */
const shipped =
  (oneIn: number): Naming =>
  (gallery, consenting, reading) =>
    nameAtEntrance(gallery, 'bench', reading, consenting, oneIn).member;
const withPaymentCalibration =
  (oneIn: number): Naming =>
  (gallery, consenting, reading) => {
    if (!reading.clear) return null;
    const { matches } = gallery.search('bench', reading.embedding, { k: 2, members: consenting });
    const verdict = decideIdentity(
      {
        top: matches[0] ? { member: matches[0].memberId, score: matches[0].score } : null,
        second: matches[1]?.score ?? null,
        entries: gallery.extent('bench', consenting).templates,
      },
      { calibration: SCORE_CALIBRATION, payChance: 1 / oneIn, margin: THRESHOLDS.margin, stepUpScore: Infinity },
    );
    return verdict.decision === 'pay' ? verdict.member : null;
  };

function replay(people: Set<string> | null, naming: Naming) {
  const counts = {
    strangers: 0,
    strangersGreeted: 0,
    members: 0,
    membersGreeted: 0,
    greetedAsOther: 0,
    gallery: 0,
    // every photo of one person taken as the crops of one visit: greeted when any crop is named
    strangerVisits: 0,
    strangerVisitsGreeted: 0,
    memberVisits: 0,
    memberVisitsGreeted: 0,
  };
  const byIdentity = new Map<string, Photo[]>();
  for (const p of photos) {
    if (people && !people.has(p.identity)) continue;
    byIdentity.set(p.identity, [...(byIdentity.get(p.identity) ?? []), p]);
  }
  for (let split = 0; split < Number(values.splits); split++) {
    const salt = split === 0 ? '' : `split${split}:`;
    const gallery = new EngineGallery();
    const consenting = new Set<string>();
    const memberProbes: Photo[] = [];
    const strangerProbes: Photo[] = [];
    for (const [identity, own] of byIdentity) {
      if (halfOf(identity, salt) === 2) {
        strangerProbes.push(...own);
        continue;
      }
      const enrolled = own.find((p) => p.reading);
      if (!enrolled) continue;
      gallery.putMember('bench', identity, '0000', [
        { templateId: enrolled.file, vector: enrolled.reading!.embedding },
      ]);
      consenting.add(identity);
      memberProbes.push(...own.filter((p) => p !== enrolled));
    }
    counts.gallery += consenting.size;
    const strangerVisits = new Map<string, boolean>();
    for (const stranger of strangerProbes) {
      counts.strangers++;
      const reading = probe(stranger);
      const greeted = Boolean(reading && naming(gallery, consenting, reading));
      if (greeted) counts.strangersGreeted++;
      strangerVisits.set(stranger.identity, (strangerVisits.get(stranger.identity) ?? false) || greeted);
    }
    const memberVisits = new Map<string, boolean>();
    for (const own of memberProbes) {
      counts.members++;
      const reading = probe(own);
      const named = reading ? naming(gallery, consenting, reading) : null;
      if (named === own.identity) counts.membersGreeted++;
      else if (named) counts.greetedAsOther++;
      memberVisits.set(own.identity, (memberVisits.get(own.identity) ?? false) || named === own.identity);
    }
    counts.strangerVisits += strangerVisits.size;
    counts.strangerVisitsGreeted += [...strangerVisits.values()].filter(Boolean).length;
    counts.memberVisits += memberVisits.size;
    counts.memberVisitsGreeted += [...memberVisits.values()].filter(Boolean).length;
  }
  return { ...counts, gallery: Math.round(counts.gallery / Number(values.splits)) };
}

const subgroup = values.subgroup
  ? new Set(
      readFileSync(values.subgroup, 'utf8')
        .split('\n')
        .map((l) => l.trim())
        .filter((l) => l && !l.startsWith('#')),
    )
  : null;
const clear = photos.filter((p) => p.reading?.clear).length;
console.log(`photos ${photos.length}, with a face ${photos.filter((p) => p.reading).length}, clear ${clear}`);
console.log(
  '| people | calibration | 1 in | gallery | stranger crops: greeted | rate | member crops: named | as another | stranger visits greeted | member visits named |',
);
console.log('| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |');
for (const [label, people] of [
  ['all', null],
  ['East Asian', subgroup],
] as const) {
  if (label !== 'all' && !people) continue;
  for (const oneIn of [100, 1_000, 3_000, 10_000, 100_000]) {
    for (const [calibration, naming] of [
      ['entrance (as measured)', shipped(oneIn)],
      ...(oneIn === 100 ? [['payment (shifted)', withPaymentCalibration(oneIn)] as const] : []),
    ] as const) {
      const r = replay(people, naming);
      console.log(
        `| ${label} | ${calibration} | ${oneIn.toLocaleString('en')} | ${r.gallery} | ${r.strangersGreeted} / ${r.strangers} | ${(r.strangersGreeted / r.strangers).toExponential(1)} | ${(r.membersGreeted / r.members).toFixed(3)} of ${r.members} | ${r.greetedAsOther} | ${r.strangerVisitsGreeted} / ${r.strangerVisits} | ${(r.memberVisitsGreeted / r.memberVisits).toFixed(3)} of ${r.memberVisits} |`,
      );
    }
  }
}

{
  // The tracker: two crops are one person at the engine's 1:1 match score (trackerRules).
  const crops = photos.flatMap((p) => {
    const reading = probe(p);
    return reading ? [{ identity: p.identity, embedding: reading.embedding }] : [];
  });
  let impostor = 0;
  let impostorSame = 0;
  let genuine = 0;
  let genuineSame = 0;
  for (let i = 0; i < crops.length; i++) {
    for (let j = i + 1; j < crops.length; j++) {
      const same = cosine(crops[i]!.embedding, crops[j]!.embedding) >= THRESHOLDS.match;
      if (crops[i]!.identity === crops[j]!.identity) {
        genuine++;
        if (same) genuineSame++;
      } else {
        impostor++;
        if (same) impostorSame++;
      }
    }
  }
  console.log(
    `tracker at ${THRESHOLDS.match}: ${impostorSame} of ${impostor} pairs of different people taken for one (${(impostorSame / impostor).toExponential(1)}), ${genuineSame} of ${genuine} pairs of one person (${(genuineSame / genuine).toFixed(3)})`,
  );
}
