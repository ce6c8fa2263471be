/**
 * Door commands: the server tells a door controller (a relay on the store's network) to open a member-only door.
 *
 * The server signs each command with an Ed25519 key of the door's own; the relay holds only the public key, so it can
 * check a command but never make one. A command is short-lived (`expiresAt`) and single-use (`nonce`): the relay
 * remembers the nonces it accepted until their commands expire. The relay receives, as the JSON body of a POST,
 *   { "scheme": "SHUALIAN-DOOR-ED25519-V1", "payload": "<the command as JSON text>", "signature": "<base64url>" }
 * where the signature covers the UTF-8 bytes of `scheme + "\n" + payload`, exactly as sent (no re-encoding).
 *
 * `createDoorCommandVerifier` is the reference check for relay makers. Pure WebCrypto (Node 20, browsers, Deno).
 */

export const DOOR_COMMAND_SCHEME = 'SHUALIAN-DOOR-ED25519-V1';
/** No command is valid for longer than this, whatever it says; the server issues them for a few seconds. */
export const DOOR_COMMAND_MAX_LIFETIME_MS = 60_000;

export interface DoorCommand {
  type: 'open';
  doorId: string;
  commandId: string;
  /** ms since the epoch, by the server's clock */
  issuedAt: number;
  expiresAt: number;
  nonce: string;
}

export interface SignedDoorCommand {
  scheme: typeof DOOR_COMMAND_SCHEME;
  payload: string;
  signature: string;
}

export type DoorCommandCheck =
  | { ok: true; command: DoorCommand }
  | {
      ok: false;
      reason: 'malformed' | 'bad_signature' | 'wrong_door' | 'not_yet_valid' | 'expired' | 'replayed';
    };

export function signedBytes(payload: string): Uint8Array<ArrayBuffer> {
  return new TextEncoder().encode(`${DOOR_COMMAND_SCHEME}\n${payload}`);
}

/**
 * A relay's check of the commands it receives, for one door. `publicKey` is the door's key as the server shows it
 * (base64url SPKI). `clockSkewMs` allows for the relay's clock being behind or ahead of the server's.
 */
export async function createDoorCommandVerifier(options: {
  publicKey: string;
  doorId: string;
  clockSkewMs?: number;
  now?: () => number;
}): Promise<{ verify(body: unknown): Promise<DoorCommandCheck>; remembered(): number }> {
  const key = await crypto.subtle.importKey('spki', fromBase64Url(options.publicKey), { name: 'Ed25519' }, false, [
    'verify',
  ]);
  const skew = options.clockSkewMs ?? 2_000;
  const now = options.now ?? (() => Date.now());
  /** nonce → when its command expires; forgotten after, when a replay is refused by its expiry anyway */
  const seen = new Map<string, number>();

  return {
    remembered: () => seen.size,
    async verify(body) {
      if (!isEnvelope(body)) return { ok: false, reason: 'malformed' };
      let signature: Uint8Array<ArrayBuffer>;
      try {
        signature = fromBase64Url(body.signature);
      } catch {
        return { ok: false, reason: 'malformed' };
      }
      const valid = await crypto.subtle.verify({ name: 'Ed25519' }, key, signature, signedBytes(body.payload));
      if (!valid) return { ok: false, reason: 'bad_signature' };
      let command: unknown;
      try {
        command = JSON.parse(body.payload);
      } catch {
        return { ok: false, reason: 'malformed' };
      }
      if (!isCommand(command)) return { ok: false, reason: 'malformed' };
      if (command.doorId !== options.doorId) return { ok: false, reason: 'wrong_door' };
      const at = now();
      for (const [nonce, expiresAt] of seen) if (expiresAt + skew < at) seen.delete(nonce);
      if (command.issuedAt - skew > at) return { ok: false, reason: 'not_yet_valid' };
      if (command.expiresAt + skew < at) return { ok: false, reason: 'expired' };
      if (seen.has(command.nonce)) return { ok: false, reason: 'replayed' };
      seen.set(command.nonce, command.expiresAt);
      return { ok: true, command };
    },
  };
}

function isEnvelope(body: unknown): body is SignedDoorCommand {
  if (typeof body !== 'object' || body === null) return false;
  const b = body as Record<string, unknown>;
  return (
    b.scheme === DOOR_COMMAND_SCHEME &&
    typeof b.payload === 'string' &&
    b.payload.length <= 2_000 &&
    typeof b.signature === 'string'
  );
}

function isCommand(value: unknown): value is DoorCommand {
  if (typeof value !== 'object' || value === null) return false;
  const c = value as Record<string, unknown>;
  return (
    c.type === 'open' &&
    typeof c.doorId === 'string' &&
    typeof c.commandId === 'string' &&
    typeof c.nonce === 'string' &&
    c.nonce.length >= 16 &&
    Number.isSafeInteger(c.issuedAt) &&
    Number.isSafeInteger(c.expiresAt) &&
    (c.expiresAt as number) > (c.issuedAt as number) &&
    (c.expiresAt as number) - (c.issuedAt as number) <= DOOR_COMMAND_MAX_LIFETIME_MS
  );
}

function fromBase64Url(text: string): Uint8Array<ArrayBuffer> {
  if (!/^[A-Za-z0-9_-]*$/.test(text)) throw new Error('not base64url');
  const binary = atob(text.replace(/-/g, '+').replace(/_/g, '/'));
  return Uint8Array.from(binary, (c) => c.charCodeAt(0));
}
