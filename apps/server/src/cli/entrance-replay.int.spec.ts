import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import sharp from 'sharp';
import type { EngineRecognizer } from '../modules/biometrics/index.ts';
import { walkingFrames } from '../../test/entrance.ts';
import { twoPeople } from '../../test/face-images.ts';
import { sharedRecognizer } from '../../test/test-app.ts';
import { cameraRoleOf } from './entrance-replay.command.ts';

/**
 * `shualian entrance replay` as it is run on held-out sequences: the binary, CSV files, one JSON line per visit.
 * Two real people cut from one of face-api's demo photos walk up to the door: one enrolled (consenting), the other a
 * stranger; the member leaves through the exit camera, the stranger is still in at the end of the sequence; a wall
 * with no face and a file that is not there are told on stderr and count nobody.
 */
const run = promisify(execFile);
const bin = fileURLToPath(new URL('../../bin/shualian.mjs', import.meta.url));
let dir: string;
const T = 1_764_000_000_000;

before(async () => {
  dir = await mkdtemp(join(tmpdir(), 'shualian-entrance-cli-'));
  const { a, b } = await twoPeople(((await sharedRecognizer()) as EngineRecognizer).faceEngine);
  await writeFile(join(dir, 'alice, enrolled.jpg'), a);
  const alice = await walkingFrames(a, 3);
  const bob = await walkingFrames(b, 3);
  for (const [i, frame] of alice.entries()) await writeFile(join(dir, `alice-${i}.jpg`), frame);
  for (const [i, frame] of bob.entries()) await writeFile(join(dir, `bob-${i}.jpg`), frame);
  await writeFile(
    join(dir, 'wall.jpg'),
    await sharp({ create: { width: 320, height: 240, channels: 3, background: '#777' } })
      .jpeg()
      .toBuffer(),
  );
  await writeFile(join(dir, 'enroll.csv'), 'file,member\n"alice, enrolled.jpg",alice\n');
  // Out of time order on purpose: the sequence is the times, not the rows.
  await writeFile(
    join(dir, 'frames.csv'),
    [
      'file,camera,atMs',
      `alice-0.jpg,door,${T}`,
      `bob-0.jpg,door,${T + 1500}`,
      `alice-1.jpg,door,${T + 1000}`,
      `wall.jpg,door,${T + 2000}`,
      `bob-1.jpg,door,${T + 2500}`,
      `missing.jpg,door,${T + 2600}`,
      `alice-2.jpg,exit,${T + 3000}`,
      `bob-2.jpg,door,${T + 4000}`,
    ].join('\n'),
  );
});
after(() => rm(dir, { recursive: true, force: true }));

test('entrance replay: one line per visit as it ends, the consenting member named, the stranger anonymous', async () => {
  const { stdout, stderr } = await run(process.execPath, [
    bin,
    'entrance',
    'replay',
    '--images',
    dir,
    '--frames',
    join(dir, 'frames.csv'),
    '--enroll',
    join(dir, 'enroll.csv'),
  ]);
  const lines = stdout
    .trim()
    .split('\n')
    .map((l) => JSON.parse(l) as Record<string, unknown>);
  assert.equal(lines.length, 2, stdout);
  assert.deepEqual(Object.keys(lines[0]!), ['visitor', 'enteredAtMs', 'leftAtMs', 'ageBand', 'gender']);
  assert.deepEqual(
    lines.map((l) => [l.visitor, l.enteredAtMs, l.leftAtMs]),
    [
      ['member:alice', T, T + 3000],
      ['anonymous', T + 1500, T + 4000],
    ],
  );
  for (const line of lines) {
    assert.ok(['<18', '18-24', '25-34', '35-44', '45-54', '55+'].includes(String(line.ageBand)));
    assert.ok(['female', 'male'].includes(String(line.gender)));
  }
  assert.match(stderr, /wall\.jpg: not counted/);
  assert.match(stderr, /missing\.jpg: not counted/);
  assert.match(stderr, /gallery: 1 members/);
});

test('entrance replay without enrolled members counts everyone anonymously', async () => {
  const { stdout } = await run(process.execPath, [
    bin,
    'entrance',
    'replay',
    '--images',
    dir,
    '--frames',
    join(dir, 'frames.csv'),
  ]);
  assert.deepEqual(
    stdout
      .trim()
      .split('\n')
      .map((l) => (JSON.parse(l) as { visitor: string }).visitor),
    ['anonymous', 'anonymous'],
  );
});

test("a camera's role comes from its name", () => {
  assert.deepEqual(
    ['door', 'entry-2', 'exit', 'exit2', 'Out back', 'both-ways', 'outlet', 'bothell'].map(cameraRoleOf),
    ['entry', 'entry', 'exit', 'exit', 'exit', 'both', 'entry', 'entry'],
  );
});
