import assert from 'node:assert/strict';
import { test } from 'node:test';
import { generateDeviceKeyPair, importPublicKey, signRequest, verifyRequest, type SignableRequest } from './index.ts';

const request: SignableRequest = {
  method: 'POST',
  path: '/v1/device/heartbeat?x=1',
  timestamp: 1_700_000_000_000,
  nonce: 'abc',
  body: new TextEncoder().encode('{"appVersion":"1.0.0"}'),
};

test('a signature verifies with the public key and fails for any changed part', async () => {
  const { privateKey, publicKey } = await generateDeviceKeyPair();
  const key = await importPublicKey(publicKey);
  const signature = await signRequest(privateKey, request);
  assert.equal(await verifyRequest(key, request, signature), true);
  const tampered: SignableRequest[] = [
    { ...request, method: 'PUT' },
    { ...request, path: '/v1/device/heartbeat?x=2' },
    { ...request, timestamp: request.timestamp + 1 },
    { ...request, nonce: 'abd' },
    { ...request, body: new TextEncoder().encode('{"appVersion":"1.0.1"}') },
  ];
  for (const changed of tampered) assert.equal(await verifyRequest(key, changed, signature), false);
  assert.equal(await verifyRequest(key, request, 'not base64!'), false);
});

test('another device key does not verify', async () => {
  const one = await generateDeviceKeyPair();
  const other = await generateDeviceKeyPair();
  const signature = await signRequest(one.privateKey, request);
  assert.equal(await verifyRequest(await importPublicKey(other.publicKey), request, signature), false);
});
