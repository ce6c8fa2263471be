import { randomUUID } from 'node:crypto';
import type { Database, DatabaseHandle, StaffRole } from '@shualian/db';
import { createTestDatabase } from '@shualian/db/testing';
import { generateDeviceKeyPair, signedHeaders } from '@shualian/device-signing';
import type { Kysely } from 'kysely';
import { loadConfig, type Config } from '../config.ts';
import { buildApp } from '../http/app.ts';
import type { App } from '../http/types.ts';
import { ProductRepository } from '../repositories/product.repository.ts';
import { StaffRepository } from '../repositories/staff.repository.ts';
import { TenancyRepository } from '../repositories/tenancy.repository.ts';
import { AuthService } from '../services/auth.service.ts';
import { createServices, type Services } from '../services/index.ts';

export const TEST_PASSWORD = 'correct horse battery staple';

export interface TestMerchant {
  providerId: string;
  merchantId: string;
  storeIds: [string, string];
  /** username by role: `${code}-admin`, `${code}-manager` (store 0), `${code}-cashier` (store 0) */
  code: string;
}

export interface TestContext {
  app: App;
  database: DatabaseHandle;
  services: Services;
  config: Config;
  close(): Promise<void>;
}

/** A real app on a fresh database (PGlite, or the server named by TEST_DATABASE_URL), logging off. */
export async function createTestApp(overrides: Partial<Config> = {}): Promise<TestContext> {
  const database = await createTestDatabase();
  const config: Config = { ...loadConfig({}), seedDemo: false, authRateLimitPerMinute: 1000, ...overrides };
  const services = createServices(database.db, config);
  const app = await buildApp({ config, database, services, logger: false });
  await app.ready();
  return {
    app,
    database,
    services,
    config,
    close: async () => {
      await app.close();
      await database.close();
    },
  };
}

const passwordHash = AuthService.hashPassword(TEST_PASSWORD);

export async function createProvider(db: Kysely<Database>, adminUsername?: string): Promise<string> {
  const providerId = randomUUID();
  await new TenancyRepository(db).insertProvider({ id: providerId, name: `provider ${providerId.slice(0, 6)}` });
  if (adminUsername) await addStaff(db, { providerId, username: adminUsername, role: 'provider_admin' });
  return providerId;
}

/** A merchant with two stores, an admin, a manager and a cashier of store 0, and two products. */
export async function createMerchant(db: Kysely<Database>, providerId: string, code: string): Promise<TestMerchant> {
  const tenancy = new TenancyRepository(db);
  const merchantId = randomUUID();
  const storeIds: [string, string] = [randomUUID(), randomUUID()];
  await tenancy.insertMerchant({ id: merchantId, provider_id: providerId, code, name: `Merchant ${code}` });
  for (const [i, storeId] of storeIds.entries()) {
    await tenancy.insertStore({ merchant_id: merchantId, id: storeId, code: `S${i}`, name: `${code} store ${i}`, address: null, store_group: 'g' });
  }
  await addStaff(db, { providerId, merchantId, username: `${code}-admin`, role: 'merchant_admin' });
  await addStaff(db, { providerId, merchantId, storeId: storeIds[0], username: `${code}-manager`, role: 'store_manager' });
  await addStaff(db, { providerId, merchantId, storeId: storeIds[0], username: `${code}-cashier`, role: 'cashier' });
  await new ProductRepository(db).insertMany([
    { merchant_id: merchantId, id: randomUUID(), sku: 'A', barcode: `${code}-0001`, name: 'Duck neck', name_en: null, unit: 'box', price_fen: 2800, member_price_fen: 2500 },
    { merchant_id: merchantId, id: randomUUID(), sku: 'B', barcode: `${code}-0002`, name: 'Cola', name_en: null, unit: 'can', price_fen: 350, member_price_fen: null },
  ]);
  return { providerId, merchantId, storeIds, code };
}

async function addStaff(
  db: Kysely<Database>,
  staff: { providerId: string; merchantId?: string; storeId?: string; username: string; role: StaffRole },
): Promise<void> {
  await new StaffRepository(db).insert({
    id: randomUUID(),
    provider_id: staff.providerId,
    merchant_id: staff.merchantId ?? null,
    store_id: staff.storeId ?? null,
    username: staff.username,
    display_name: staff.username,
    password_hash: await passwordHash,
    role: staff.role,
  });
}

export async function login(app: App, username: string): Promise<string> {
  const response = await app.inject({ method: 'POST', url: '/v1/auth/login', payload: { username, password: TEST_PASSWORD } });
  if (response.statusCode !== 200) throw new Error(`login ${username}: ${response.statusCode} ${response.body}`);
  return `Bearer ${response.json().token}`;
}

export interface TestDevice {
  merchantId: string;
  deviceId: string;
  privateKey: CryptoKey;
}

/** Registers a kiosk as the given staff member and activates it with a fresh key pair. */
export async function activateKiosk(app: App, authorization: string, merchantId: string, storeId: string): Promise<TestDevice> {
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
  const headers = await signedHeaders(device, { method: request.method, path: request.url, body, timestamp: request.timestamp, nonce: request.nonce });
  return app.inject({
    method: request.method,
    url: request.url,
    headers: body ? { ...headers, 'content-type': 'application/json' } : headers,
    payload: body || undefined,
  });
}
