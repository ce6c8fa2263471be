/**
 * One pass of the face engine over a labelled dataset (identities.csv: file,identity), as the entrance analyses a
 * crop: the subject's embedding, whether it passes every quality gate, and the age and gender estimates. Written as
 * JSON lines to a cache outside the repository (it is face data: keep it out of the project), resumable; read by
 * entrance-greeting-bench.ts.
 *
 *   nice -n 10 npx tsx apps/server/bench/entrance-embeddings.ts --dataset ../shared/datasets/lfw-dev \
 *     --out /tmp/entrance-cache/lfw-dev.jsonl [--workers 1] [--analysis full|entrance]
 *
 * `--analysis entrance` analyses as the server does an entrance crop (ENTRANCE_ANALYSIS: small detector input, the
 * 2-pass probe); `full` (the default) as enrollment does, which makes the members' templates.
 */
import { appendFileSync, existsSync, mkdirSync, readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { parseArgs } from 'node:util';
import { ENTRANCE_ANALYSIS } from '@shualian/face-engine';
import { EngineRecognizer } from '../src/modules/biometrics/engine-adapter.ts';

const { values } = parseArgs({
  options: {
    dataset: { type: 'string' },
    out: { type: 'string' },
    workers: { type: 'string', default: '1' },
    analysis: { type: 'string', default: 'full' },
  },
});
const dataset = values.dataset!;
const out = values.out!;
if (values.analysis !== 'full' && values.analysis !== 'entrance') throw new Error('--analysis is full or entrance');
const options = values.analysis === 'entrance' ? ENTRANCE_ANALYSIS : {};
mkdirSync(dirname(out), { recursive: true });

const rows = readFileSync(join(dataset, 'identities.csv'), 'utf8')
  .trim()
  .split('\n')
  .slice(1)
  .map((line) => line.split(',') as [string, string]);
const done = new Set(
  existsSync(out)
    ? readFileSync(out, 'utf8')
        .split('\n')
        .filter(Boolean)
        .map((l) => (JSON.parse(l) as { file: string }).file)
    : [],
);
const todo = rows.filter(([file]) => !done.has(file));
const width = Number(values.workers);
const recognizer = await EngineRecognizer.load({ workers: width });
const started = performance.now();
let next = 0;
let finished = 0;
await Promise.all(
  Array.from({ length: width }, async () => {
    while (next < todo.length) {
      const [file, identity] = todo[next++]!;
      let line: Record<string, unknown>;
      try {
        const result = await recognizer.faceEngine.analyze(await readFile(join(dataset, file)), {
          ...options,
          descriptors: true,
        });
        const face = result.subject;
        line = {
          file,
          identity,
          usable: Boolean(face?.quality.ok),
          age: face?.age ?? null,
          gender: face?.gender ?? null,
          embedding: face?.embedding
            ? Buffer.from(face.embedding.buffer, face.embedding.byteOffset, face.embedding.byteLength).toString(
                'base64',
              )
            : null,
          // face-api's descriptor of each chip and mirror, to compose cheaper probes (entrance-greeting-bench.ts)
          descriptors: face?.descriptors?.map((d) =>
            Buffer.from(d.buffer, d.byteOffset, d.byteLength).toString('base64'),
          ),
        };
      } catch (error) {
        line = { file, identity, error: error instanceof Error ? error.message : String(error), embedding: null };
      }
      appendFileSync(out, `${JSON.stringify(line)}\n`);
      if (++finished % 100 === 0)
        process.stderr.write(`${finished}/${todo.length} in ${Math.round((performance.now() - started) / 1000)} s\n`);
    }
  }),
);
await recognizer.close();
