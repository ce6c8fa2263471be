/**
 * Member-only doors: what an open command costs the server and a relay. Signs commands as the server does (a door's
 * Ed25519 key derived from the master key), checks them with the reference verifier a relay runs, and sends them one
 * after another to a relay on this machine (a real HTTP server that verifies each) through the server's HttpDoorRelay.
 *
 *   npx tsx apps/server/bench/door-command-bench.ts [--commands N]   (default 2000)
 */
import { randomBytes, randomUUID } from 'node:crypto';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { parseArgs } from 'node:util';
import { cpus } from 'node:os';
import { createDoorCommandVerifier } from '@shualian/device-signing';
import { DoorKeys, HttpDoorRelay } from '../src/modules/door-access/index.ts';

const { values } = parseArgs({ options: { commands: { type: 'string', default: '2000' } } });
const n = Number(values.commands);
const keys = new DoorKeys(randomBytes(32));
const merchantId = randomUUID();
const doorId = randomUUID();
const verifier = await createDoorCommandVerifier({ publicKey: keys.publicKey(merchantId, doorId), doorId });

let start = performance.now();
const signed = Array.from({ length: n }, () => keys.open(merchantId, doorId, Date.now()).signed);
const signMs = performance.now() - start;

start = performance.now();
for (const command of signed) if (!(await verifier.verify(command)).ok) throw new Error('a command did not verify');
const verifyMs = performance.now() - start;

const relayVerifier = await createDoorCommandVerifier({ publicKey: keys.publicKey(merchantId, doorId), doorId });
const server = createServer(async (request, response) => {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  const check = await relayVerifier.verify(JSON.parse(Buffer.concat(chunks).toString('utf8')));
  response.writeHead(check.ok ? 200 : 403).end();
});
await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/open`;
const relay = new HttpDoorRelay(2_000);
const roundTrips: number[] = [];
for (let i = 0; i < Math.min(n, 1000); i++) {
  const t0 = performance.now();
  const answer = await relay.send(url, keys.open(merchantId, doorId, Date.now()).signed);
  roundTrips.push(performance.now() - t0);
  if (!answer.ok) throw new Error(`relay refused: ${answer.error}`);
}
server.close();
roundTrips.sort((a, b) => a - b);
const at = (q: number) => roundTrips[Math.min(roundTrips.length - 1, Math.floor(q * roundTrips.length))]!.toFixed(2);
console.log(
  JSON.stringify({
    machine: `${cpus()[0]?.model ?? 'cpu'} × ${cpus().length}`,
    commands: n,
    signPerSecond: Math.round((n / signMs) * 1000),
    verifyPerSecond: Math.round((n / verifyMs) * 1000),
    relayRoundTripMs: { p50: at(0.5), p95: at(0.95), max: at(1) },
  }),
);
