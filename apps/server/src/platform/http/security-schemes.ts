import { DEVICE_HEADERS, SIGNATURE_SCHEME } from '@shualian/device-signing';

const deviceSignature = `Every request of a store device (kiosk, entrance camera) is signed with the device's own ECDSA P-256 key.
Full specification with a worked example: docs/device-signing.md.

**Key.** At activation (\`activateDevice\`) the device sends its public key as the DER SubjectPublicKeyInfo (SPKI),
base64url without padding; the private key never leaves the device.

**Headers** on every signed request:
- \`${DEVICE_HEADERS.merchant}\`: the merchant id (UUID) and \`${DEVICE_HEADERS.device}\`: the device id (UUID), both
  from activation; they pick the key and are not signed
- \`${DEVICE_HEADERS.timestamp}\`: unix time in milliseconds, decimal; refused outside the server's window
  (±SHUALIAN_DEVICE_CLOCK_SKEW_SECONDS, 300 s by default)
- \`${DEVICE_HEADERS.nonce}\`: 8-128 characters of A-Z a-z 0-9 _ -, never reused by the device
- \`${DEVICE_HEADERS.signature}\`: the signature (below)

**Canonical request**: these six lines joined by a line feed (\\n, 0x0A), with no line feed at the end:
1. \`${SIGNATURE_SCHEME}\`
2. the HTTP method in upper case
3. the path and query string exactly as in the request line (no scheme or host, nothing re-encoded or reordered)
4. the timestamp, exactly as in its header
5. the nonce, exactly as in its header
6. the SHA-256 of the body bytes exactly as sent, in lower-case hex (no body: the hash of zero bytes,
   e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855)

**Signature**: ECDSA on P-256 with SHA-256 over the UTF-8 bytes of the canonical request, in IEEE P1363 form
(r then s, 32 bytes each, big-endian: 64 bytes; not DER), base64url without padding (86 characters).

Bodies of signed requests are JSON (\`content-type: application/json\`).`;

/** How callers prove who they are; shown in the OpenAPI document. */
export const securitySchemes = {
  staffSession: {
    type: 'http',
    scheme: 'bearer',
    description: 'Staff session token from `login` (POST /v1/auth/login).',
  },
  memberSession: {
    type: 'http',
    scheme: 'bearer',
    description: 'Member session token from `registerMember` (POST /v1/members/register).',
  },
  deviceSignature: { type: 'apiKey', in: 'header', name: DEVICE_HEADERS.signature, description: deviceSignature },
} as const;
