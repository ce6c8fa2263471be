import {
  createPrivateKey,
  createPublicKey,
  hkdfSync,
  randomBytes,
  randomUUID,
  sign,
  type KeyObject,
} from 'node:crypto';
import {
  DOOR_COMMAND_SCHEME,
  doorCommandSignedBytes,
  type DoorCommand,
  type SignedDoorCommand,
} from '@shualian/device-signing';

/** How long an open command is valid: long enough for a slow network, too short to be kept for later. */
export const DOOR_COMMAND_TTL_MS = 5_000;

/** The PKCS#8 wrapping of a raw 32-byte Ed25519 seed (RFC 8410). */
const ED25519_PKCS8_PREFIX = Buffer.from('302e020100300506032b657004220420', 'hex');

/**
 * Each door's Ed25519 key pair, derived from the master key and the door's id: nothing secret is stored, a door's key
 * signs only its own commands, and the same install always derives the same key (the public key is stored to show
 * staff and to notice a changed master key).
 */
export class DoorKeys {
  /** derived keys, per door (a few per store) */
  private readonly derived = new Map<string, KeyObject>();

  constructor(private readonly masterKey: Buffer) {}

  private privateKey(merchantId: string, doorId: string): KeyObject {
    const cached = this.derived.get(`${merchantId}/${doorId}`);
    if (cached) return cached;
    const key = this.derive(merchantId, doorId);
    this.derived.set(`${merchantId}/${doorId}`, key);
    return key;
  }

  private derive(merchantId: string, doorId: string): KeyObject {
    const seed = Buffer.from(hkdfSync('sha256', this.masterKey, merchantId, `shualian door command key ${doorId}`, 32));
    return createPrivateKey({ key: Buffer.concat([ED25519_PKCS8_PREFIX, seed]), format: 'der', type: 'pkcs8' });
  }

  /** The door's public key, base64url SPKI (what a relay imports). */
  publicKey(merchantId: string, doorId: string): string {
    return createPublicKey(this.privateKey(merchantId, doorId))
      .export({ format: 'der', type: 'spki' })
      .toString('base64url');
  }

  /** A fresh open command for the door, signed. */
  open(merchantId: string, doorId: string, nowMs: number): { command: DoorCommand; signed: SignedDoorCommand } {
    const command: DoorCommand = {
      type: 'open',
      doorId,
      commandId: randomUUID(),
      issuedAt: nowMs,
      expiresAt: nowMs + DOOR_COMMAND_TTL_MS,
      nonce: randomBytes(16).toString('base64url'),
    };
    const payload = JSON.stringify(command);
    const signature = sign(null, doorCommandSignedBytes(payload), this.privateKey(merchantId, doorId));
    return { command, signed: { scheme: DOOR_COMMAND_SCHEME, payload, signature: signature.toString('base64url') } };
  }
}
