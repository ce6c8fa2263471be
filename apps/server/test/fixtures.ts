import { randomUUID } from 'node:crypto';
import type { Database, StaffRole } from '@shualian/db';
import type { Kysely } from 'kysely';
import { ProductRepository } from '../src/modules/catalog/product.repository.ts';
import { StaffRepository } from '../src/modules/tenancy/staff.repository.ts';
import { TenancyRepository } from '../src/modules/tenancy/tenancy.repository.ts';
import { AuthService } from '../src/modules/tenancy/auth.service.ts';
import type { Services } from '../src/container.ts';
import { MemberRepository } from '../src/modules/members/member.repository.ts';

/** Tenancy fixtures written straight to the database: providers, merchants with stores, staff and products. */
export const TEST_PASSWORD = 'correct horse battery staple';

export interface TestMerchant {
  providerId: string;
  merchantId: string;
  storeIds: [string, string];
  /** username by role: `${code}-admin`, `${code}-manager` (store 0), `${code}-cashier` (store 0) */
  code: string;
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
    await tenancy.insertStore({
      merchant_id: merchantId,
      id: storeId,
      code: `S${i}`,
      name: `${code} store ${i}`,
      address: null,
      store_group: 'g',
    });
  }
  await addStaff(db, { providerId, merchantId, username: `${code}-admin`, role: 'merchant_admin' });
  await addStaff(db, {
    providerId,
    merchantId,
    storeId: storeIds[0],
    username: `${code}-manager`,
    role: 'store_manager',
  });
  await addStaff(db, { providerId, merchantId, storeId: storeIds[0], username: `${code}-cashier`, role: 'cashier' });
  await new ProductRepository(db).insertMany([
    {
      merchant_id: merchantId,
      id: randomUUID(),
      sku: 'A',
      barcode: `${code}-0001`,
      name: 'Duck neck',
      name_en: null,
      unit: 'box',
      price_fen: 2800,
      member_price_fen: 2500,
    },
    {
      merchant_id: merchantId,
      id: randomUUID(),
      sku: 'B',
      barcode: `${code}-0002`,
      name: 'Cola',
      name_en: null,
      unit: 'can',
      price_fen: 350,
      member_price_fen: null,
    },
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

/** A member of the merchant, made without the SMS sign-up (the phone's last four digits are its suffix). */
export async function createMember(
  db: Kysely<Database>,
  merchantId: string,
  phone: string,
  displayName: string | null = null,
) {
  return (await new MemberRepository(db).findOrCreate(merchantId, phone, phone.slice(-4), displayName)).member;
}

/** Changes the merchant's settings as its admin does in the console (through the settings service, audited). */
export async function updateSettings(
  services: Services,
  shop: TestMerchant,
  patch: Record<string, unknown>,
): Promise<void> {
  const admin = (await services.auth.login(`${shop.code}-admin`, TEST_PASSWORD)).staff;
  await services.merchantSettings.update(admin, shop.merchantId, patch);
}

/** A 12-yuan charge of one pack of duck wings to the member at the merchant's first store, verified by face and PIN. */
export function duckWingsCharge(shop: TestMerchant, memberId: string) {
  return {
    merchantId: shop.merchantId,
    storeId: shop.storeIds[0],
    deviceId: null,
    memberId,
    faceSessionId: null,
    amountFen: 1200,
    items: [
      {
        productId: randomUUID(),
        name: 'Duck wings',
        quantity: 1,
        unitPriceFen: 1200,
        memberPriceFen: null,
        lineTotalFen: 1200,
      },
    ],
    verification: 'face+pin' as const,
  };
}
