import type { DatabaseHandle } from '@shualian/db';
import { createSchemaTestDatabase } from './database.ts';
import { generateDeviceKeyPair, signedHeaders } from '@shualian/device-signing';
import { loadConfig, type Config } from '../src/platform/config.ts';
import { buildApp } from '../src/platform/http/app.ts';
import type { App } from '../src/platform/http/app.types.ts';
import { watchApiContract } from './api-contract.ts';
import { TEST_PASSWORD } from './fixtures.ts';
import { EngineGallery, EngineRecognizer } from '../src/modules/biometrics/engine-adapter.ts';
import type { Recognizer } from '../src/modules/biometrics/face.ports.ts';
import { lazyRecognizer } from '../src/modules/biometrics/recognizer-loader.ts';
import { createServices, type Services } from '../src/container.ts';

export { createMember, createMerchant, createProvider, TEST_PASSWORD, type TestMerchant } from './fixtures.ts';

export interface TestContext {
  app: App;
  database: DatabaseHandle;
  services: Services;
  config: Config;
  close(): Promise<void>;
}

/**
 * A real app on a fresh database (PGlite, or the server named by TEST_DATABASE_URL), logging off. `recognizer` lets a
 * test wrap the shared engine (to hold a request at a chosen point, say).
 */
export async function createTestApp(
  overrides: Partial<Config> = {},
  options: { now?: () => Date; recognizer?: () => Promise<Recognizer> } = {},
): Promise<TestContext> {
  const database = await createSchemaTestDatabase();
  const config: Config = { ...loadConfig({}), seedDemo: false, authRateLimitPerMinute: 1000, ...overrides };
  const services = createServices(database.db, config, {
    recognizer: options.recognizer ?? sharedRecognizer,
    gallery: new EngineGallery(),
    now: options.now,
  });
  const app = await buildApp({ config, database, services, logger: false });
  await app.ready();
  const contract = watchApiContract(app);
  return {
    app,
    database,
    services,
    config,
    close: async () => {
      await app.close();
      await database.close();
      contract.verify();
    },
  };
}

/** One engine per test process: models load once, on the first test that needs a face. */
export const sharedRecognizer: () => Promise<Recognizer> = lazyRecognizer(() => EngineRecognizer.load());

export async function login(app: App, username: string): Promise<string> {
  const response = await app.inject({
    method: 'POST',
    url: '/v1/auth/login',
    payload: { username, password: TEST_PASSWORD },
  });
  if (response.statusCode !== 200) throw new Error(`login ${username}: ${response.statusCode} ${response.body}`);
  return `Bearer ${response.json().token}`;
}

export interface TestDevice {
  merchantId: string;
  deviceId: string;
  privateKey: CryptoKey;
}

/** Registers a kiosk as the given staff member and activates it with a fresh key pair. */
export async function activateKiosk(
  app: App,
  authorization: string,
  merchantId: string,
  storeId: string,
): Promise<TestDevice> {
  const registered = await app.inject({
    method: 'POST',
    url: `/v1/merchants/${merchantId}/stores/${storeId}/devices`,
    headers: { authorization },
    payload: { kind: 'kiosk', name: 'till 1' },
  });
  if (registered.statusCode !== 201) throw new Error(`register: ${registered.statusCode} ${registered.body}`);
  const keys = await generateDeviceKeyPair();
  const activated = await app.inject({
    method: 'POST',
    url: '/v1/devices/activate',
    payload: { activationCode: registered.json().activationCode, publicKey: keys.publicKey, appVersion: '1.0.0' },
  });
  if (activated.statusCode !== 200) throw new Error(`activate: ${activated.statusCode} ${activated.body}`);
  return { merchantId, deviceId: activated.json().deviceId, privateKey: keys.privateKey };
}

/** A signed device request through the app; `sign` lets a test forge a timestamp or nonce. */
export async function deviceRequest(
  app: App,
  device: TestDevice,
  request: { method: 'GET' | 'POST'; url: string; payload?: unknown; timestamp?: number; nonce?: string },
) {
  const body = request.payload === undefined ? '' : JSON.stringify(request.payload);
  const headers = await signedHeaders(device, {
    method: request.method,
    path: request.url,
    body,
    timestamp: request.timestamp,
    nonce: request.nonce,
  });
  return app.inject({
    method: request.method,
    url: request.url,
    headers: body ? { ...headers, 'content-type': 'application/json' } : headers,
    payload: body || undefined,
  });
}
