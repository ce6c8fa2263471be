import { isIP } from 'node:net';
import { availableParallelism } from 'node:os';
import { resolve } from 'node:path';

/** Every setting Shualian reads from the environment, in one place (the README's configuration table mirrors this). */
export interface Config {
  port: number;
  host: string;
  databaseUrl: string | undefined;
  dataDir: string;
  logLevel: string;
  /** Session lifetime of a staff login. */
  staffSessionTtlMinutes: number;
  /** How far a device's clock may be from the server's before its request is refused. */
  deviceClockSkewSeconds: number;
  /** How long the server waits for a door's relay to answer an open command before it tells the camera 请找店员. */
  doorRelayTimeoutMs: number;
  /** A device that has not sent a heartbeat for this long is shown offline. */
  deviceOfflineAfterSeconds: number;
  /** How long a device activation code stays valid. */
  activationCodeTtlHours: number;
  /** Login attempts allowed per client address per minute. */
  authRateLimitPerMinute: number;
  /**
   * Proxies whose `X-Forwarded-For` is believed (addresses, CIDR ranges, or `loopback` / `linklocal` / `uniquelocal`);
   * empty: the client address is the connection's, whatever headers say.
   */
  trustedProxies: string[];
  /** Wrong passwords in a row after which a staff account locks, whatever address they come from. */
  staffLockoutFailures: number;
  /** Length of the first lock; each further lock before a successful sign-in lasts twice as long (at most 64×). */
  staffLockoutSeconds: number;
  /** SMS codes per hour: to one phone, from one client address, and for one merchant in all. */
  smsPerPhonePerHour: number;
  smsPerAddressPerHour: number;
  smsPerMerchantPerHour: number;
  /** Identify-by-photo searches one staff member may run per hour. */
  identifyPerStaffPerHour: number;
  /** Seed the demo provider, merchant and stores when the database is empty. */
  seedDemo: boolean;
  /** Address printed in the start-up banner. */
  publicUrl: string;
  /** 32-byte key that wraps each merchant's biometric data key; when unset, a key file in the data folder is used. */
  masterKey: Buffer | undefined;
  /** Face analysis worker threads; each holds its own engine (models loaded once, ~250 MB). */
  faceWorkers: number;
  /** V8 heap limit of each face worker, in MB; a worker that exceeds it is replaced. */
  faceWorkerMemoryMb: number;
  /** How long one face analysis may run before its worker is terminated and replaced. */
  faceJobDeadlineMs: number;
}

export class ConfigError extends Error {
  override name = 'ConfigError';
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const port = integer(env, 'PORT', 8080, 0, 65535);
  const host = env.HOST ?? '0.0.0.0';
  return {
    port,
    host,
    databaseUrl: env.DATABASE_URL || undefined,
    // Absolute from here on: the web apps' static roots and the database folder must not depend on later cwd.
    dataDir: resolve(env.SHUALIAN_DATA_DIR ?? './data'),
    logLevel: env.LOG_LEVEL ?? 'info',
    staffSessionTtlMinutes: integer(env, 'SHUALIAN_STAFF_SESSION_TTL_MINUTES', 12 * 60, 1, 30 * 24 * 60),
    deviceClockSkewSeconds: integer(env, 'SHUALIAN_DEVICE_CLOCK_SKEW_SECONDS', 300, 5, 3600),
    doorRelayTimeoutMs: integer(env, 'SHUALIAN_DOOR_RELAY_TIMEOUT_MS', 2000, 100, 10_000),
    deviceOfflineAfterSeconds: integer(env, 'SHUALIAN_DEVICE_OFFLINE_AFTER_SECONDS', 120, 10, 86400),
    activationCodeTtlHours: integer(env, 'SHUALIAN_ACTIVATION_CODE_TTL_HOURS', 72, 1, 24 * 30),
    authRateLimitPerMinute: integer(env, 'SHUALIAN_AUTH_RATE_LIMIT_PER_MINUTE', 10, 1, 10000),
    trustedProxies: trustedProxies(env.SHUALIAN_TRUSTED_PROXIES),
    staffLockoutFailures: integer(env, 'SHUALIAN_STAFF_LOCKOUT_FAILURES', 5, 1, 100),
    staffLockoutSeconds: integer(env, 'SHUALIAN_STAFF_LOCKOUT_SECONDS', 60, 1, 86400),
    smsPerPhonePerHour: integer(env, 'SHUALIAN_SMS_PER_PHONE_PER_HOUR', 5, 1, 1000),
    smsPerAddressPerHour: integer(env, 'SHUALIAN_SMS_PER_ADDRESS_PER_HOUR', 20, 1, 100000),
    smsPerMerchantPerHour: integer(env, 'SHUALIAN_SMS_PER_MERCHANT_PER_HOUR', 1000, 1, 10000000),
    identifyPerStaffPerHour: integer(env, 'SHUALIAN_IDENTIFY_PER_STAFF_PER_HOUR', 60, 1, 100000),
    seedDemo: boolean(env, 'SHUALIAN_SEED_DEMO', true),
    publicUrl: env.SHUALIAN_PUBLIC_URL ?? `http://localhost:${port}`,
    masterKey: masterKey(env.SHUALIAN_MASTER_KEY),
    faceWorkers: integer(env, 'SHUALIAN_FACE_WORKERS', Math.min(4, availableParallelism()), 1, 64),
    faceWorkerMemoryMb: integer(env, 'SHUALIAN_FACE_WORKER_MEMORY_MB', 512, 128, 16384),
    faceJobDeadlineMs: integer(env, 'SHUALIAN_FACE_JOB_DEADLINE_MS', 10_000, 100, 600_000),
  };
}

const PROXY_NAMES = ['loopback', 'linklocal', 'uniquelocal'];

function trustedProxies(raw: string | undefined): string[] {
  const entries = (raw ?? '')
    .split(',')
    .map((entry) => entry.trim())
    .filter(Boolean);
  for (const entry of entries) {
    if (PROXY_NAMES.includes(entry)) continue;
    const [address, bits, extra] = entry.split('/');
    const family = isIP(address ?? '');
    const prefixOk = bits === undefined || (/^\d{1,3}$/.test(bits) && Number(bits) <= (family === 6 ? 128 : 32));
    if (!family || !prefixOk || extra !== undefined) {
      throw new ConfigError(
        `SHUALIAN_TRUSTED_PROXIES must list addresses or CIDR ranges (or ${PROXY_NAMES.join(', ')}), separated by commas; "${entry}" is neither`,
      );
    }
  }
  return entries;
}

function masterKey(raw: string | undefined): Buffer | undefined {
  if (!raw) return undefined;
  const key = Buffer.from(raw, 'base64');
  if (key.length !== 32)
    throw new ConfigError('SHUALIAN_MASTER_KEY must be 32 bytes, base64-encoded (openssl rand -base64 32)');
  return key;
}

function integer(env: NodeJS.ProcessEnv, name: string, fallback: number, min: number, max: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < min || value > max) {
    throw new ConfigError(`${name} must be a whole number from ${min} to ${max}, got "${raw}"`);
  }
  return value;
}

function boolean(env: NodeJS.ProcessEnv, name: string, fallback: boolean): boolean {
  const raw = env[name]?.toLowerCase();
  if (raw === undefined || raw === '') return fallback;
  if (['1', 'true', 'yes', 'on'].includes(raw)) return true;
  if (['0', 'false', 'no', 'off'].includes(raw)) return false;
  throw new ConfigError(`${name} must be true or false, got "${env[name]}"`);
}
