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
import { twoPeople, variant } from '../../test/face-images.ts';
import { sharedRecognizer } from '../../test/test-app.ts';

/**
 * The evaluation commands as they are run on held-out data: the `shualian` binary, CSV files, one JSON line per row.
 * Two real people cut from one of face-api's demo photos: one enrolled (with a comma in her file name, which the CSV
 * quotes), the other a stranger; plus a picture with no face and a file that is not there.
 */
const run = promisify(execFile);
const bin = fileURLToPath(new URL('../../bin/shualian.mjs', import.meta.url));
let dir: string;

before(async () => {
  dir = await mkdtemp(join(tmpdir(), 'shualian-face-cli-'));
  const { a, b } = await twoPeople(((await sharedRecognizer()) as EngineRecognizer).faceEngine);
  await writeFile(join(dir, 'alice, enrolled.jpg'), a);
  await writeFile(join(dir, 'alice-again.jpg'), await variant(a));
  await writeFile(join(dir, 'bob.jpg'), b);
  await writeFile(
    join(dir, 'wall.jpg'),
    await sharp({ create: { width: 320, height: 240, channels: 3, background: '#777' } })
      .jpeg()
      .toBuffer(),
  );
  await writeFile(join(dir, 'enroll.csv'), 'file,member\n"alice, enrolled.jpg",alice\n');
  await writeFile(
    join(dir, 'probes.csv'),
    'file,note\nalice-again.jpg,member\nbob.jpg,stranger\nwall.jpg,no face\nmissing.jpg,not there\n',
  );
});
after(() => rm(dir, { recursive: true, force: true }));

const lines = (stdout: string) =>
  stdout
    .trim()
    .split('\n')
    .map((l) => JSON.parse(l) as Record<string, unknown>);

test(
  'face identify: one line per probe with the decision face payment would take, nothing paid for a stranger',
  { timeout: 180_000 },
  async () => {
    const { stdout } = await run(
      process.execPath,
      [
        bin,
        'face',
        'identify',
        '--images',
        dir,
        '--enroll',
        join(dir, 'enroll.csv'),
        '--probes',
        join(dir, 'probes.csv'),
      ],
      { env: { ...process.env, SHUALIAN_FACE_WORKERS: '1' } },
    );
    const byFile = new Map(lines(stdout).map((l) => [l.file, l]));
    assert.deepEqual([...byFile.keys()].sort(), ['alice-again.jpg', 'bob.jpg', 'missing.jpg', 'wall.jpg']);
    for (const line of byFile.values()) {
      assert.deepEqual(Object.keys(line).sort(), ['decision', 'file', 'margin', 'member', 'score', 'strangerChance']);
      assert.ok(['pay', 'step_up', 'refuse'].includes(line.decision as string));
      assert.ok((line.strangerChance as number) >= 0 && (line.strangerChance as number) <= 1);
    }
    const alice = byFile.get('alice-again.jpg')!;
    assert.notEqual(alice.decision, 'refuse');
    assert.equal(alice.member, 'alice');
    assert.notEqual(byFile.get('bob.jpg')!.decision, 'pay');
    assert.deepEqual(byFile.get('wall.jpg'), {
      file: 'wall.jpg',
      decision: 'refuse',
      member: null,
      score: 0,
      margin: 0,
      strangerChance: 1,
    });
    assert.equal(byFile.get('missing.jpg')!.decision, 'refuse');
  },
);

test('face liveness: one line per image with the passive scores', { timeout: 180_000 }, async () => {
  await writeFile(join(dir, 'list.csv'), 'file\nalice-again.jpg\nwall.jpg\n');
  const { stdout } = await run(
    process.execPath,
    [bin, 'face', 'liveness', '--images', dir, '--list', join(dir, 'list.csv')],
    { env: { ...process.env, SHUALIAN_FACE_WORKERS: '1' } },
  );
  const byFile = new Map(lines(stdout).map((l) => [l.file, l]));
  const alice = byFile.get('alice-again.jpg') as { live: boolean; scores: { antispoof: number; liveness: number } };
  assert.equal(typeof alice.live, 'boolean');
  assert.ok(alice.scores.antispoof > 0 && alice.scores.liveness > 0);
  assert.deepEqual(byFile.get('wall.jpg'), {
    file: 'wall.jpg',
    live: false,
    scores: { antispoof: null, liveness: null },
  });
});
