import { availableParallelism } from 'node:os';

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
  /** A device that has not sent a heartbeat for this long is shown offline. */
  deviceOfflineAfterSeconds: number;
  /** How long a device activation code stays valid. */
  activationCodeTtlHours: number;
  /** Login attempts allowed per client address per minute. */
  authRateLimitPerMinute: number;
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
    dataDir: env.SHUALIAN_DATA_DIR ?? './data',
    logLevel: env.LOG_LEVEL ?? 'info',
    staffSessionTtlMinutes: integer(env, 'SHUALIAN_STAFF_SESSION_TTL_MINUTES', 12 * 60, 1, 30 * 24 * 60),
    deviceClockSkewSeconds: integer(env, 'SHUALIAN_DEVICE_CLOCK_SKEW_SECONDS', 300, 5, 3600),
    deviceOfflineAfterSeconds: integer(env, 'SHUALIAN_DEVICE_OFFLINE_AFTER_SECONDS', 120, 10, 86400),
    activationCodeTtlHours: integer(env, 'SHUALIAN_ACTIVATION_CODE_TTL_HOURS', 72, 1, 24 * 30),
    authRateLimitPerMinute: integer(env, 'SHUALIAN_AUTH_RATE_LIMIT_PER_MINUTE', 10, 1, 10000),
    seedDemo: boolean(env, 'SHUALIAN_SEED_DEMO', true),
    publicUrl: env.SHUALIAN_PUBLIC_URL ?? `http://localhost:${port}`,
    masterKey: masterKey(env.SHUALIAN_MASTER_KEY),
    faceWorkers: integer(env, 'SHUALIAN_FACE_WORKERS', Math.min(4, availableParallelism()), 1, 64),
    faceWorkerMemoryMb: integer(env, 'SHUALIAN_FACE_WORKER_MEMORY_MB', 512, 128, 16384),
    faceJobDeadlineMs: integer(env, 'SHUALIAN_FACE_JOB_DEADLINE_MS', 10_000, 100, 600_000),
  };
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
