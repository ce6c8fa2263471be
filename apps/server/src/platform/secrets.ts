import { createHash, randomBytes, randomInt } from 'node:crypto';

/** Opaque bearer tokens: the client holds the token, the database only its hash. */
export function newToken(): string {
  return randomBytes(32).toString('base64url');
}

export function hashSecret(secret: string): string {
  return createHash('sha256').update(secret).digest('hex');
}

// No 0/O, 1/I/L: activation codes are read off a console screen and typed on a kiosk.
const ACTIVATION_ALPHABET = '23456789ABCDEFGHJKMNPQRSTUVWXYZ';

/** A one-time device activation code, e.g. "K7QM-2XRP-9TCH" (about 74 bits). */
export function newActivationCode(): string {
  const groups: string[] = [];
  for (let g = 0; g < 3; g++) {
    let group = '';
    for (let i = 0; i < 5; i++) group += ACTIVATION_ALPHABET[randomInt(ACTIVATION_ALPHABET.length)];
    groups.push(group);
  }
  return groups.join('-');
}

/** Codes are compared case- and separator-insensitively, as people type them. */
export function normaliseActivationCode(code: string): string {
  return code.toUpperCase().replace(/[^0-9A-Z]/g, '');
}
