/**
 * The README promises Node.js 20: every package the lock file installs must say it runs there, or `npm ci` greets a
 * newcomer with engine warnings (and the package may use what Node 20 lacks).
 */
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { test } from 'node:test';
import semver from 'semver';

const root = new URL('../../../', import.meta.url);

test('every installed package accepts the oldest Node.js the project supports', async () => {
  const manifest = JSON.parse(await readFile(new URL('package.json', root), 'utf8')) as { engines: { node: string } };
  const lock = JSON.parse(await readFile(new URL('package-lock.json', root), 'utf8')) as {
    packages: Record<string, { version?: string; engines?: { node?: string } | string[] }>;
  };
  const oldest = semver.minVersion(manifest.engines.node)!;
  assert.equal(oldest.major, 20, `the project supports Node ${manifest.engines.node}`);
  const refusing = Object.entries(lock.packages)
    .filter(([, entry]) => entry.engines && !Array.isArray(entry.engines) && entry.engines.node)
    .filter(([, entry]) => !semver.satisfies(oldest, (entry.engines as { node: string }).node))
    .map(([path, entry]) => `${path}@${entry.version} wants node ${(entry.engines as { node: string }).node}`);
  assert.deepEqual(refusing, [], `packages that refuse Node ${oldest}`);
});
