/**
 * How a Shualian device signs its requests, shared by the server (verify) and the device apps (sign). Pure WebCrypto,
 * so it runs unchanged in Node 20 and in the browser.
 *
 * A device holds an ECDSA P-256 key pair made at activation; the server keeps only the public key. Each request carries
 *   x-shualian-merchant, x-shualian-device, x-shualian-timestamp (unix ms), x-shualian-nonce, x-shualian-signature
 * where the signature (IEEE P1363, base64url) covers the canonical string below. The timestamp bounds a request's life;
 * the nonce, remembered by the server for that window, makes each signed request single-use.
 */

export const SIGNATURE_SCHEME = 'SHUALIAN-ECDSA-P256-SHA256-V1';
export const DEVICE_HEADERS = {
  merchant: 'x-shualian-merchant',
  device: 'x-shualian-device',
  timestamp: 'x-shualian-timestamp',
  nonce: 'x-shualian-nonce',
  signature: 'x-shualian-signature',
} as const;

const ALGORITHM = { name: 'ECDSA', namedCurve: 'P-256' } as const;
const SIGN_PARAMS = { name: 'ECDSA', hash: 'SHA-256' } as const;

export interface SignableRequest {
  method: string;
  /** Path with query string, exactly as sent. */
  path: string;
  timestamp: number;
  nonce: string;
  body: Uint8Array;
}

export async function canonicalRequest(request: SignableRequest): Promise<string> {
  return [
    SIGNATURE_SCHEME,
    request.method.toUpperCase(),
    request.path,
    String(request.timestamp),
    request.nonce,
    await sha256Hex(request.body),
  ].join('\n');
}

/** `extractable: false` keeps the private key inside the browser's key store (IndexedDB holds the CryptoKey itself). */
export async function generateDeviceKeyPair(
  options: { extractable?: boolean } = {},
): Promise<{ privateKey: CryptoKey; publicKey: string }> {
  const pair = await crypto.subtle.generateKey(ALGORITHM, options.extractable ?? true, ['sign', 'verify']);
  const spki = await crypto.subtle.exportKey('spki', pair.publicKey);
  return { privateKey: pair.privateKey, publicKey: toBase64Url(new Uint8Array(spki)) };
}

export async function importPublicKey(publicKey: string): Promise<CryptoKey> {
  return crypto.subtle.importKey('spki', fromBase64Url(publicKey), ALGORITHM, true, ['verify']);
}

export async function signRequest(privateKey: CryptoKey, request: SignableRequest): Promise<string> {
  const data = new TextEncoder().encode(await canonicalRequest(request));
  const signature = await crypto.subtle.sign(SIGN_PARAMS, privateKey, data);
  return toBase64Url(new Uint8Array(signature));
}

export async function verifyRequest(
  publicKey: CryptoKey,
  request: SignableRequest,
  signature: string,
): Promise<boolean> {
  let signatureBytes: Uint8Array<ArrayBuffer>;
  try {
    signatureBytes = fromBase64Url(signature);
  } catch {
    return false;
  }
  const data = new TextEncoder().encode(await canonicalRequest(request));
  return crypto.subtle.verify(SIGN_PARAMS, publicKey, signatureBytes, data);
}

/** Headers for one signed request; a fresh nonce and the current time unless given. */
export async function signedHeaders(
  credential: { merchantId: string; deviceId: string; privateKey: CryptoKey },
  request: { method: string; path: string; body?: Uint8Array | string; timestamp?: number; nonce?: string },
): Promise<Record<string, string>> {
  const body =
    typeof request.body === 'string' ? new TextEncoder().encode(request.body) : (request.body ?? new Uint8Array());
  const signable: SignableRequest = {
    method: request.method,
    path: request.path,
    body,
    timestamp: request.timestamp ?? Date.now(),
    nonce: request.nonce ?? randomNonce(),
  };
  return {
    [DEVICE_HEADERS.merchant]: credential.merchantId,
    [DEVICE_HEADERS.device]: credential.deviceId,
    [DEVICE_HEADERS.timestamp]: String(signable.timestamp),
    [DEVICE_HEADERS.nonce]: signable.nonce,
    [DEVICE_HEADERS.signature]: await signRequest(credential.privateKey, signable),
  };
}

export function randomNonce(): string {
  return toBase64Url(crypto.getRandomValues(new Uint8Array(16)));
}

async function sha256Hex(data: Uint8Array): Promise<string> {
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', new Uint8Array(data)));
  return Array.from(digest, (b) => b.toString(16).padStart(2, '0')).join('');
}

function toBase64Url(bytes: Uint8Array): string {
  let binary = '';
  for (const b of bytes) binary += String.fromCharCode(b);
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

function fromBase64Url(text: string): Uint8Array<ArrayBuffer> {
  if (!/^[A-Za-z0-9_-]*$/.test(text)) throw new Error('not base64url');
  const binary = atob(text.replace(/-/g, '+').replace(/_/g, '/'));
  return Uint8Array.from(binary, (c) => c.charCodeAt(0));
}

export {
  createDoorCommandVerifier,
  DOOR_COMMAND_MAX_LIFETIME_MS,
  DOOR_COMMAND_SCHEME,
  signedBytes as doorCommandSignedBytes,
  type DoorCommand,
  type DoorCommandCheck,
  type SignedDoorCommand,
} from './door-command.ts';
