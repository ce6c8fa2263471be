import assert from 'node:assert/strict';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { sql } from 'kysely';
import type { Database } from '@shualian/db';
import type { Kysely } from 'kysely';
import type { EngineRecognizer } from '../biometrics/index.ts';
import { activateCamera, enrolledMember, sendCrops } from '../../../test/entrance.ts';
import { twoPeople, variant } from '../../../test/face-images.ts';
import { createMerchant, createProvider, createTestApp, login, sharedRecognizer } from '../../../test/test-app.ts';
import { loadConfig } from '../../platform/config.ts';
import { startServer } from '../../server.ts';

/**
 * An anonymous visitor's face never comes to rest: after a stranger's crops were counted (beside a consenting
 * member's), neither the database (every column of every table, in every schema) nor the server's data folder (every
 * file: the embedded database's pages and WAL, keys, bundles) holds the stranger's embedding (its bytes, base64, or a
 * list of floats) or any piece of the crops; and once the visit window has passed, not even the process's memory
 * holds their face. The embedding looked for is the engine's own for the same bytes (it is deterministic).
 */
let stranger: Buffer[];
let member: Buffer[];
let strangerEmbeddings: Float32Array[];

before(async () => {
  const engine = ((await sharedRecognizer()) as EngineRecognizer).faceEngine;
  const { a, b } = await twoPeople(engine);
  stranger = [b, await variant(b)];
  member = [a, await variant(a)];
  strangerEmbeddings = [];
  for (const crop of stranger) {
    const first = (await engine.analyze(crop)).subject!.embedding!;
    const again = (await engine.analyze(crop)).subject!.embedding!;
    assert.deepEqual(bytesOf(again), bytesOf(first), 'the engine gives the same embedding for the same bytes');
    strangerEmbeddings.push(first);
  }
});

const bytesOf = (embedding: Float32Array) => Buffer.from(embedding.buffer, embedding.byteOffset, embedding.byteLength);

/** What must not be found: pieces of each embedding and each crop, raw, hex and base64. */
function needles(): Array<{ what: string; bytes: Buffer }> {
  const found: Array<{ what: string; bytes: Buffer }> = [];
  for (const [i, embedding] of strangerEmbeddings.entries()) {
    const raw = bytesOf(embedding);
    for (const at of [0, 100, 256, raw.length - 24]) {
      const piece = raw.subarray(at, at + 24);
      found.push({ what: `embedding ${i} bytes ${at}+24`, bytes: piece });
      found.push({ what: `embedding ${i} hex ${at}+24`, bytes: Buffer.from(piece.toString('hex')) });
    }
    found.push({ what: `embedding ${i} base64`, bytes: Buffer.from(raw.subarray(0, 48).toString('base64')) });
    found.push({ what: `embedding ${i} as text`, bytes: Buffer.from(String(embedding[0]).slice(0, 10)) });
  }
  for (const [i, crop] of stranger.entries()) {
    const middle = crop.subarray(crop.length >> 1, (crop.length >> 1) + 48);
    found.push({ what: `crop ${i} bytes`, bytes: middle });
    found.push({ what: `crop ${i} hex`, bytes: Buffer.from(middle.toString('hex')) });
    found.push({ what: `crop ${i} base64`, bytes: Buffer.from(crop.subarray(0, 48).toString('base64')) });
  }
  return found;
}

/** A list of 16 or more numbers with decimals: how a vector looks as JSON, as text or as a Postgres array. */
const FLOAT_LIST = /[[{](\s*-?\d+\.\d+(?:e-?\d+)?\s*,){15,}/i;

function assertClean(where: string, content: Buffer): void {
  for (const needle of needles()) {
    assert.equal(content.indexOf(needle.bytes), -1, `${where} holds the stranger's ${needle.what}`);
  }
}

/** Every row of every table of every schema but the system's, as text (bytea as hex, arrays as JSON). */
async function everyRow(db: Kysely<Database>): Promise<Array<{ table: string; text: string }>> {
  const tables = await sql<{ schema: string; name: string }>`
    select table_schema as schema, table_name as name from information_schema.tables
     where table_type = 'BASE TABLE' and table_schema not in ('pg_catalog', 'information_schema')`.execute(db);
  const rows: Array<{ table: string; text: string }> = [];
  for (const t of tables.rows) {
    const result = await sql<{
      row: string;
    }>`select row_to_json(t)::text as row from ${sql.table(`${t.schema}.${t.name}`)} t`.execute(db);
    for (const r of result.rows) rows.push({ table: `${t.schema}.${t.name}`, text: r.row });
  }
  return rows;
}

test('the scan finds what it looks for (so a clean result means something)', () => {
  const planted = Buffer.concat([Buffer.from('page header '), bytesOf(strangerEmbeddings[0]!), Buffer.from(' tail')]);
  assert.throws(() => assertClean('a planted page', planted), /embedding 0 bytes/);
  assert.throws(() => assertClean('a planted crop', Buffer.concat([Buffer.alloc(10), stranger[1]!])), /crop 1 bytes/);
  assert.match(`{"v":[${Array.from(strangerEmbeddings[0]!.subarray(0, 20)).join(',')}]}`, FLOAT_LIST);
});

test("no stranger's embedding or crop reaches any table, on either database; memory lets go after the window", async () => {
  let clock = Date.now();
  const ctx = await createTestApp({}, { now: () => new Date(clock) });
  try {
    const db = ctx.database.db;
    const shop = await createMerchant(db, await createProvider(db), 'at-rest');
    const manager = await login(ctx.app, 'at-rest-manager');
    const door = await activateCamera(ctx.app, manager, shop.merchantId, shop.storeIds[0]);
    await enrolledMember(ctx.services, db, shop, {
      phone: '13600000009',
      name: '王芳',
      faces: [member[0]!],
      entrance: true,
    });
    for (const crops of [[stranger[0]!], [member[1]!, stranger[1]!], [stranger[0]!, stranger[1]!]]) {
      clock += 2000;
      const response = await sendCrops(ctx.app, door, crops, clock);
      assert.equal(response.statusCode, 200, response.body);
    }
    const visits = await db
      .selectFrom('presence_visits')
      .selectAll()
      .where('merchant_id', '=', shop.merchantId)
      .execute();
    assert.deepEqual(visits.map((v) => Boolean(v.member_id)).sort(), [false, true], 'a stranger and a member counted');
    assert.ok(ctx.services.entrance.trackedFaces() >= 2, 'their faces are held while they are in');

    for (const row of await everyRow(db)) {
      assertClean(`table ${row.table}`, Buffer.from(row.text));
      assert.doesNotMatch(row.text, FLOAT_LIST, `table ${row.table} holds a list of floats`);
    }

    clock += 10 * 60_000 + 1;
    await ctx.services.entrance.expireTracks();
    assert.equal(ctx.services.entrance.trackedFaces(), 0, 'after the window no face is held, even with no crop coming');
    assert.ok(
      (
        await db.selectFrom('presence_visits').select('left_at').where('merchant_id', '=', shop.merchantId).execute()
      ).every((v) => v.left_at),
    );
  } finally {
    await ctx.close();
  }
});

describeDataFolder();

/** The real server in a data folder of its own (embedded database), then every file of the folder read back. */
function describeDataFolder() {
  let dataDir: string;
  before(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'shualian-at-rest-'));
  });
  after(() => rm(dataDir, { recursive: true, force: true }));

  test("no stranger's embedding or crop reaches the server's data folder", async () => {
    const server = await startServer({
      ...loadConfig({ SHUALIAN_DATA_DIR: dataDir, LOG_LEVEL: 'silent', SHUALIAN_FACE_WORKERS: '1' }),
      databaseUrl: undefined,
      seedDemo: false,
      port: 0,
      host: '127.0.0.1',
    });
    try {
      const db = server.database.db;
      const shop = await createMerchant(db, await createProvider(db), 'folder');
      const manager = await login(server.app, 'folder-manager');
      const door = await activateCamera(server.app, manager, shop.merchantId, shop.storeIds[0]);
      await enrolledMember(server.services, db, shop, {
        phone: '13600000010',
        name: '赵强',
        faces: [member[0]!],
        entrance: true,
      });
      let at = Date.now();
      for (const crops of [[stranger[0]!], [member[1]!, stranger[1]!], [stranger[1]!]]) {
        at = Math.max(at + 1, Date.now());
        const response = await sendCrops(server.app, door, crops, at);
        assert.equal(response.statusCode, 200, response.body);
      }
      const counted = await db.selectFrom('presence_visits').select('member_id').execute();
      assert.equal(counted.filter((v) => !v.member_id).length, 1, 'the stranger was counted');
    } finally {
      await server.stop();
    }
    let files = 0;
    for (const file of await filesUnder(dataDir)) {
      assertClean(file, await readFile(file));
      files++;
    }
    assert.ok(files > 10, `the data folder was read (${files} files)`);
  });
}

async function filesUnder(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true, recursive: true });
  return entries.filter((e) => e.isFile()).map((e) => join(e.parentPath, e.name));
}
