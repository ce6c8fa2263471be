/**
 * How often the entrance greets the wrong person: the entrance's naming (nameAtEntrance: the consenting members'
 * templates only, the open-set policy at the merchant's entrance threshold, clear faces only) replayed on a dataset's
 * embeddings (entrance-embeddings.ts). People are split in halves by name, 10 times over (salted hashes): one half
 * consents (their first photo enrolled), their other photos come in as members; every photo of the other half comes in
 * as a stranger. Each photo is one crop. Also the same with only the people of `--subgroup` (lfw-dev's East Asian
 * names), whose strangers score higher among themselves.
 *
 *   nice -n 10 npx tsx apps/server/bench/entrance-greeting-bench.ts --cache /tmp/entrance-cache/lfw-dev.jsonl \
 *     [--subgroup packages/face-engine/src/bench/lfw-dev-east-asian.txt] [--splits 10]
 */
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { SCORE_CALIBRATION, decideIdentity, THRESHOLDS } from '@shualian/face-engine';
import { EngineGallery } from '../src/modules/biometrics/engine-adapter.ts';
import { nameAtEntrance, type CropReading } from '../src/modules/presence/index.ts';

const { values } = parseArgs({
  options: {
    cache: { type: 'string' },
    subgroup: { type: 'string' },
    splits: { type: 'string', default: '10' },
  },
});

interface Photo {
  file: string;
  identity: string;
  reading: CropReading | null;
}

const photos: Photo[] = readFileSync(values.cache!, 'utf8')
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
    };
    const bytes = r.embedding ? Buffer.from(r.embedding, 'base64') : null;
    return {
      file: r.file,
      identity: r.identity,
      reading: bytes
        ? {
            embedding: new Float32Array(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength)),
            clear: Boolean(r.usable),
            age: r.age ?? null,
            gender: r.gender ?? null,
          }
        : null,
    };
  });

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
    for (const probe of strangerProbes) {
      counts.strangers++;
      const greeted = Boolean(probe.reading && naming(gallery, consenting, probe.reading));
      if (greeted) counts.strangersGreeted++;
      strangerVisits.set(probe.identity, (strangerVisits.get(probe.identity) ?? false) || greeted);
    }
    const memberVisits = new Map<string, boolean>();
    for (const probe of memberProbes) {
      counts.members++;
      const named = probe.reading ? naming(gallery, consenting, probe.reading) : null;
      if (named === probe.identity) counts.membersGreeted++;
      else if (named) counts.greetedAsOther++;
      memberVisits.set(probe.identity, (memberVisits.get(probe.identity) ?? false) || named === probe.identity);
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
