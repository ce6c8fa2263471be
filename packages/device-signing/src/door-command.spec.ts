import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  createDoorCommandVerifier,
  DOOR_COMMAND_SCHEME,
  signedBytes,
  type DoorCommand,
  type SignedDoorCommand,
} from './door-command.ts';

/** The reference relay check on commands signed here with WebCrypto, as the server signs them with node:crypto. */
async function doorKey() {
  const pair = (await crypto.subtle.generateKey({ name: 'Ed25519' }, true, ['sign', 'verify'])) as CryptoKeyPair;
  const spki = new Uint8Array(await crypto.subtle.exportKey('spki', pair.publicKey));
  return { privateKey: pair.privateKey, publicKey: Buffer.from(spki).toString('base64url') };
}

async function sign(privateKey: CryptoKey, command: DoorCommand): Promise<SignedDoorCommand> {
  const payload = JSON.stringify(command);
  const signature = new Uint8Array(await crypto.subtle.sign({ name: 'Ed25519' }, privateKey, signedBytes(payload)));
  return { scheme: DOOR_COMMAND_SCHEME, payload, signature: Buffer.from(signature).toString('base64url') };
}

const T = 1_790_000_000_000;
const open = (over: Partial<DoorCommand> = {}): DoorCommand => ({
  type: 'open',
  doorId: 'door-1',
  commandId: 'c-1',
  issuedAt: T,
  expiresAt: T + 5_000,
  nonce: 'AAAAAAAAAAAAAAAAAAAAAA',
  ...over,
});

test('a command verifies once, within its life, for its door, under its key', async () => {
  const key = await doorKey();
  let now = T + 1_000;
  const verifier = await createDoorCommandVerifier({ publicKey: key.publicKey, doorId: 'door-1', now: () => now });
  const command = await sign(key.privateKey, open());
  assert.deepEqual(await verifier.verify(command), { ok: true, command: open() });
  assert.deepEqual(await verifier.verify(command), { ok: false, reason: 'replayed' });
  assert.deepEqual(
    await verifier.verify(await sign(key.privateKey, open({ doorId: 'door-2', nonce: 'B'.repeat(22) }))),
    {
      ok: false,
      reason: 'wrong_door',
    },
  );
  const other = await doorKey();
  assert.deepEqual(await verifier.verify(await sign(other.privateKey, open({ nonce: 'C'.repeat(22) }))), {
    ok: false,
    reason: 'bad_signature',
  });
  assert.deepEqual(await verifier.verify(await sign(key.privateKey, open({ expiresAt: T + 3_600_000 }))), {
    ok: false,
    reason: 'malformed',
  });
  assert.deepEqual(await verifier.verify({ ...command, scheme: 'SOMETHING-ELSE' }), { ok: false, reason: 'malformed' });
  now = T + 5_000 + 2_001;
  assert.deepEqual(await verifier.verify(await sign(key.privateKey, open({ nonce: 'D'.repeat(22) }))), {
    ok: false,
    reason: 'expired',
  });
  assert.equal(verifier.remembered(), 0, 'nonces are forgotten once their commands expired');
});
