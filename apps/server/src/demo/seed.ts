import { randomUUID } from 'node:crypto';
import { writeFile, mkdir } from 'node:fs/promises';
import { dirname } from 'node:path';
import type { StaffRole } from '@shualian/db';
import { generateDeviceKeyPair } from '@shualian/device-signing';
import { AuthService } from '../modules/tenancy/index.ts';
import type { Services } from '../container.ts';
import { ean13 } from './barcodes.ts';

export const DEMO_PASSWORD = 'shualian-demo';

export interface DemoLogin {
  username: string;
  role: StaffRole;
  scope: string;
}

export interface DemoSeed {
  providerId: string;
  merchantId: string;
  storeIds: string[];
  logins: DemoLogin[];
  /** Only on the start that seeded the demo: the kiosk it registered and activated. */
  kiosk?: { deviceId: string; credentialFile: string };
}

export const DEMO_LOGINS: DemoLogin[] = [
  { username: 'provider', role: 'provider_admin', scope: 'all merchants of the demo provider' },
  { username: 'boss', role: 'merchant_admin', scope: '鸭脖小铺' },
  { username: 'manager', role: 'store_manager', scope: '鸭脖小铺 南山店' },
  { username: 'cashier', role: 'cashier', scope: '鸭脖小铺 南山店' },
];

const products: Array<
  [sku: string, name: string, nameEn: string, unit: string, priceFen: number, memberFen: number | null]
> = [
  ['YB-001', '招牌卤鸭脖', 'Braised duck neck', '盒', 2800, 2500],
  ['YB-002', '香辣鸭翅', 'Spicy duck wings', '盒', 2600, 2300],
  ['YB-003', '卤鸭锁骨', 'Braised duck collarbone', '盒', 2200, 1990],
  ['YB-004', '卤藕片', 'Braised lotus root', '盒', 1200, 1000],
  ['YB-005', '麻辣海带结', 'Spicy kelp knots', '盒', 900, 800],
  ['YB-006', '五香豆干', 'Five-spice tofu', '盒', 1000, null],
  ['YB-007', '鸭肠', 'Duck intestines', '盒', 2400, 2200],
  ['DR-001', '冰镇可乐 330ml', 'Cola 330 ml', '罐', 350, null],
  ['DR-002', '矿泉水 550ml', 'Mineral water 550 ml', '瓶', 200, null],
  ['DR-003', '精酿啤酒 500ml', 'Craft beer 500 ml', '罐', 1500, 1300],
  ['DR-004', '酸梅汤 400ml', 'Sour plum drink 400 ml', '瓶', 600, 500],
  ['SN-001', '手撕面包', 'Hand-torn bread', '袋', 800, null],
];

/** A fictional snack chain with two stores, a catalogue, staff of every role and one activated kiosk. */
export async function seedDemo(services: Services, options: { dataDir: string }): Promise<DemoSeed> {
  const providerId = randomUUID();
  const merchantId = randomUUID();
  const storeIds = [randomUUID(), randomUUID()];
  const passwordHash = await AuthService.hashPassword(DEMO_PASSWORD);

  await services.transactions.run(async (trx) => {
    await services.tenancyAdmin.provision(trx, {
      provider: { id: providerId, name: '刷脸演示服务商 (Shualian demo provider)' },
      // The demo is tried without a real payment channel: its members may top up with test money.
      merchant: {
        id: merchantId,
        provider_id: providerId,
        code: 'yabo',
        name: '鸭脖小铺',
        demo: true,
        settings: JSON.stringify({ testPaymentChannel: true }),
      },
      stores: [
        {
          merchant_id: merchantId,
          id: storeIds[0]!,
          code: 'SZ-01',
          name: '鸭脖小铺 南山店',
          address: '深圳市南山区科技园路 1 号',
          store_group: 'shenzhen',
        },
        {
          merchant_id: merchantId,
          id: storeIds[1]!,
          code: 'SZ-02',
          name: '鸭脖小铺 福田店',
          address: '深圳市福田区中心路 8 号',
          store_group: 'shenzhen',
        },
      ],
    });
    const people: Array<[string, string, StaffRole, string | null, string | null]> = [
      ['provider', '陈晓峰', 'provider_admin', null, null],
      ['boss', '王建国', 'merchant_admin', merchantId, null],
      ['manager', '李娜', 'store_manager', merchantId, storeIds[0]!],
      ['cashier', '张伟', 'cashier', merchantId, storeIds[0]!],
    ];
    await services.staff.provision(
      trx,
      people.map(([username, displayName, role, mId, sId]) => ({
        id: randomUUID(),
        provider_id: providerId,
        merchant_id: mId,
        store_id: sId,
        username,
        display_name: displayName,
        password_hash: passwordHash,
        role,
      })),
    );
    await services.catalog.provision(
      trx,
      products.map(([sku, name, nameEn, unit, priceFen, memberFen], i) => ({
        merchant_id: merchantId,
        id: randomUUID(),
        sku,
        barcode: ean13(`6971234${String(i + 1).padStart(5, '0')}`),
        name,
        name_en: nameEn,
        unit,
        price_fen: priceFen,
        member_price_fen: memberFen,
      })),
    );
  });

  // The demo kiosk is registered and activated through the same services a real one uses.
  const session = await services.auth.login('manager', DEMO_PASSWORD);
  const { activationCode } = await services.devices.register(session.staff, {
    merchantId,
    storeId: storeIds[0]!,
    kind: 'kiosk',
    name: '南山店 1 号收银机',
  });
  const keys = await generateDeviceKeyPair();
  const device = await services.devices.activate({ activationCode, publicKey: keys.publicKey, appVersion: 'demo' });
  await services.auth.logout(session.token);
  const credentialFile = `${options.dataDir}/demo-kiosk-credential.json`;
  await mkdir(dirname(credentialFile), { recursive: true });
  await writeFile(
    credentialFile,
    JSON.stringify(
      { merchantId, deviceId: device.id, privateKeyJwk: await crypto.subtle.exportKey('jwk', keys.privateKey) },
      null,
      2,
    ),
    { mode: 0o600 },
  );

  return {
    providerId,
    merchantId,
    storeIds,
    logins: DEMO_LOGINS,
    kiosk: { deviceId: device.id, credentialFile },
  };
}
