import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { cosine } from '@shualian/face-engine';
import type { EngineRecognizer } from '../biometrics/index.ts';
import { activateCamera, enrolledMember, sendCrops, walkingFrames } from '../../../test/entrance.ts';
import { sharedDataset } from '../../../test/shared-datasets.ts';
import {
  createMerchant,
  createProvider,
  createTestApp,
  login,
  sharedRecognizer,
  type TestContext,
} from '../../../test/test-app.ts';

/**
 * Scripted scenarios on faces-bbt (../shared/datasets: 8 people, 5 photos each): people walk up to the entrance
 * camera (frames made from one photo of each: the face growing, drifting, relit, re-encoded), through the server and
 * through `shualian entrance replay` alike. One person seen many times is one visit; different people, the two most
 * alike of the set among them, are different visits; a member without entrance consent stays anonymous; a consenting
 * member, enrolled from another photo of her, is named.
 */
const dataset = sharedDataset('faces-bbt');
const PEOPLE = ['amy', 'bernadette', 'howard', 'leonard', 'penny', 'raj', 'sheldon', 'stuart'] as const;
const photo = (person: string, n: number) => `${person}/${person}${n}.png`;

let ctx: TestContext;
let clock = Date.now();
let lookAlikes: [string, string];
let scenario: Array<{ person: string; camera: 'door' | 'exit'; frame: Buffer }>;

before(async () => {
  ctx = await createTestApp({}, { now: () => new Date(clock) });
  // The two people of the set whose faces score highest together: look-alikes to the engine.
  const engine = ((await sharedRecognizer()) as EngineRecognizer).faceEngine;
  const embeddings = new Map<string, Float32Array>();
  for (const person of PEOPLE) {
    const { subject } = await engine.analyze(await readFile(join(dataset, photo(person, 1))));
    embeddings.set(person, subject!.embedding!);
  }
  let best = -1;
  for (const [i, x] of PEOPLE.entries()) {
    for (const y of PEOPLE.slice(i + 1)) {
      const score = cosine(embeddings.get(x)!, embeddings.get(y)!);
      if (score > best) [best, lookAlikes] = [score, [x, y]];
    }
  }
  // penny: a consenting member; leonard: a member without entrance consent; the look-alikes and raj: strangers
  // (unless the look-alikes are among them, which the scenario allows).
  const walk = async (person: string, frames: number) =>
    (await walkingFrames(await readFile(join(dataset, photo(person, 1))), frames)).map((frame) => ({
      person,
      camera: 'door' as const,
      frame,
    }));
  const [penny, leonard, first, second, raj] = await Promise.all([
    walk('penny', 4),
    walk('leonard', 3),
    walk(lookAlikes[0], 3),
    walk(lookAlikes[1], 3),
    walk('raj', 3),
  ]);
  scenario = [
    penny[0]!,
    penny[1]!,
    first[0]!,
    second[0]!,
    leonard[0]!,
    first[1]!,
    second[1]!,
    penny[2]!,
    raj[0]!,
    leonard[1]!,
    first[2]!,
    second[2]!,
    raj[1]!,
    leonard[2]!,
    raj[2]!,
    { ...penny[3]!, camera: 'exit' },
  ];
});
after(() => ctx.close());

/** What each scenario should come to: one visit per person, named only for penny, penny's ended at the exit. */
function expectVisits(visits: Array<{ visitor: string; person?: string }>, pennyId: string) {
  const people = new Set(scenario.map((s) => s.person));
  assert.equal(visits.length, people.size, `one visit per person: ${JSON.stringify(visits)}`);
  assert.deepEqual(
    visits.filter((v) => v.visitor !== 'anonymous').map((v) => v.visitor),
    [`member:${pennyId}`],
    'only the consenting member is named',
  );
}

test('through the server: one visit per person however many frames, look-alikes apart, only the consenting member named', async () => {
  const db = ctx.database.db;
  const shop = await createMerchant(db, await createProvider(db), 'bbt');
  const manager = await login(ctx.app, 'bbt-manager');
  const door = await activateCamera(ctx.app, manager, shop.merchantId, shop.storeIds[0], { role: 'entry' });
  const exit = await activateCamera(ctx.app, manager, shop.merchantId, shop.storeIds[0], { name: 'out', role: 'exit' });
  const penny = await enrolledMember(ctx.services, db, shop, {
    phone: '13900000001',
    name: 'Penny',
    faces: [await readFile(join(dataset, photo('penny', 5)))],
    entrance: true,
  });
  const leonard = await enrolledMember(ctx.services, db, shop, {
    phone: '13900000002',
    name: 'Leonard',
    faces: [await readFile(join(dataset, photo('leonard', 5)))],
    entrance: false,
  });

  const visitOf = new Map<string, Set<string>>();
  for (const step of scenario) {
    clock += 3000;
    const response = await sendCrops(ctx.app, step.camera === 'door' ? door : exit, [step.frame], clock);
    assert.equal(response.statusCode, 200, response.body);
    const [crop] = response.json().crops as Array<{ outcome: string; visitor: string; visitId: string }>;
    assert.notEqual(crop!.outcome, 'no_face', `${step.person}: a face`);
    visitOf.set(step.person, (visitOf.get(step.person) ?? new Set()).add(crop!.visitId));
  }
  for (const [person, visits] of visitOf) assert.equal(visits.size, 1, `${person}: one visit`);
  assert.equal(new Set([...visitOf.values()].map((v) => [...v][0])).size, visitOf.size, 'nobody shares a visit');

  clock += 11 * 60_000;
  await ctx.services.entrance.closeStaleVisits();
  const visits = await db
    .selectFrom('presence_visits')
    .selectAll()
    .where('merchant_id', '=', shop.merchantId)
    .orderBy('entered_at')
    .execute();
  expectVisits(
    visits.map((v) => ({ visitor: v.member_id ? `member:${v.member_id}` : 'anonymous' })),
    penny.memberId,
  );
  assert.ok(!visits.some((v) => v.member_id === leonard.memberId), 'leonard did not agree: never named');
  const pennys = visits.find((v) => v.member_id === penny.memberId)!;
  assert.equal(pennys.end_reason, 'exit');
  assert.ok(visits.filter((v) => !v.member_id).every((v) => v.end_reason === 'timeout' && v.age_band && v.gender));
});

test('through `shualian entrance replay`: the same visits from the same frames', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'shualian-entrance-replay-'));
  try {
    const rows = ['file,camera,atMs'];
    for (const [i, step] of scenario.entries()) {
      const file = `frame-${String(i).padStart(2, '0')}.jpg`;
      await writeFile(join(dir, file), step.frame);
      rows.push(`${file},${step.camera},${1_700_000_000_000 + i * 3000}`);
    }
    await writeFile(join(dir, 'frames.csv'), `${rows.join('\n')}\n`);
    await writeFile(join(dir, 'penny5.png'), await readFile(join(dataset, photo('penny', 5))));
    await writeFile(join(dir, 'leonard5.png'), await readFile(join(dataset, photo('leonard', 5))));
    // Only penny consented to entrance recognition; leonard's face data is not the entrance's to use.
    await writeFile(join(dir, 'enroll.csv'), 'file,member\npenny5.png,penny\n');
    const bin = fileURLToPath(new URL('../../../bin/shualian.mjs', import.meta.url));
    const { stdout } = await promisify(execFile)(
      process.execPath,
      [
        bin,
        'entrance',
        'replay',
        '--images',
        dir,
        '--frames',
        join(dir, 'frames.csv'),
        '--enroll',
        join(dir, 'enroll.csv'),
      ],
      { env: { ...process.env, SHUALIAN_FACE_WORKERS: '1' } },
    );
    const visits = stdout
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as { visitor: string; enteredAtMs: number; leftAtMs: number; ageBand: string | null });
    expectVisits(visits, 'penny');
    const penny = visits.find((v) => v.visitor === 'member:penny')!;
    assert.deepEqual([penny.enteredAtMs, penny.leftAtMs], [1_700_000_000_000, 1_700_000_000_000 + 15 * 3000]);
    assert.ok(visits.every((v) => v.ageBand !== undefined));
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
});
