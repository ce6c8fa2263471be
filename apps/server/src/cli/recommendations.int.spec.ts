import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';

/**
 * `shualian recs recommend` as it is run on held-out data: the binary, CSV files as another system writes them (BOM,
 * CRLF, quoted fields with commas, dates and date-times), one JSON line per member; bad input refused with a message
 * and a non-zero exit, nothing printed.
 */
const run = promisify(execFile);
const bin = fileURLToPath(new URL('../../bin/shualian.mjs', import.meta.url));
let dir: string;
const file = (name: string) => join(dir, name);

before(async () => {
  dir = await mkdtemp(join(tmpdir(), 'shualian-recs-cli-'));
  const tx = [
    'member,at,item',
    'ann,2025-03-01,milk',
    'ann,2025-03-01,"bread, white"',
    'ann,2025-03-08T09:30:00+08:00,milk',
    'bob,2025-03-02 18:05,milk',
    'bob,2025-03-02 18:05,eggs',
    'cat,2025-03-03T10:00:00Z,"bread, white"',
    'cat,2025-03-03T10:00:00Z,butter',
    'dan,2025-03-04,tea',
  ];
  await writeFile(file('tx.csv'), `\uFEFF${tx.join('\r\n')}\r\n`);
  await writeFile(
    file('members.csv'),
    'member,note\r\nann,regular\r\nnewcomer,never bought\r\n\r\nbob,\r\nann,again\r\n',
  );
  await writeFile(file('no-item.csv'), 'member,at,product\nann,2025-03-01,milk\n');
  await writeFile(file('bad-date.csv'), 'member,at,item\nann,2025-03-01,milk\nbob,2025-02-30,eggs\n');
  await writeFile(file('header-only.csv'), 'member,at,item\n');
});
after(() => rm(dir, { recursive: true, force: true }));

const recommend = (...args: string[]) =>
  run(process.execPath, [bin, 'recs', 'recommend', ...args], { timeout: 60_000 });

async function refused(args: string[], message: RegExp): Promise<void> {
  await assert.rejects(recommend(...args), (error: { code: number; stdout: string; stderr: string }) => {
    assert.notEqual(error.code, 0);
    assert.equal(error.stdout, '');
    assert.match(error.stderr, message);
    return true;
  });
}

test('recs recommend: one line per member of MEMBERS.csv, k items best first, a newcomer gets what sells most', async () => {
  const { stdout } = await recommend('--transactions', file('tx.csv'), '--members', file('members.csv'), '--k', '3');
  const lines = stdout
    .trim()
    .split('\n')
    .map((line) => JSON.parse(line) as { member: string; items: string[] });
  assert.deepEqual(
    lines.map((l) => l.member),
    ['ann', 'newcomer', 'bob'],
    'in file order, each once',
  );
  for (const line of lines) {
    assert.equal(line.items.length, 3);
    assert.equal(new Set(line.items).size, 3);
  }
  // milk is in three baskets (ann's two, bob's), "bread, white" in two, butter, eggs and tea in one: tea's is the
  // latest, and what sells now counts more than what sold before.
  assert.deepEqual(lines[1]!.items, ['milk', 'bread, white', 'tea']);
  assert.equal(lines[0]!.items[0], 'milk', 'ann buys milk every time');
});

test('recs recommend: k larger than the catalogue gives every item; k defaults to 10', async () => {
  const { stdout } = await recommend('--transactions', file('tx.csv'), '--members', file('members.csv'));
  const first = JSON.parse(stdout.split('\n')[0]!) as { items: string[] };
  assert.deepEqual([...first.items].sort(), ['bread, white', 'butter', 'eggs', 'milk', 'tea']);
});

test('recs recommend: bad input is refused with a message and a non-zero exit', async () => {
  const members = ['--members', file('members.csv')];
  await refused(['--transactions', file('missing.csv'), ...members], /cannot read .*missing\.csv: ENOENT/);
  await refused(['--transactions', file('no-item.csv'), ...members], /no "item" column/);
  await refused(['--transactions', file('bad-date.csv'), ...members], /row 3: "2025-02-30" is not an ISO date/);
  await refused(['--transactions', file('header-only.csv'), ...members], /no purchases/);
  await refused(['--transactions', file('tx.csv'), '--members', file('nobody.csv')], /cannot read .*nobody\.csv/);
  for (const k of ['0', '-3', '2.5', 'ten', '1001']) {
    await refused(['--transactions', file('tx.csv'), ...members, '--k', k], /k must be a whole number from 1 to 1000/);
  }
  await refused(['--members', file('members.csv')], /--transactions/);
});
