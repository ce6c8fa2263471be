import type { StaffRole } from './api.ts';

/**
 * What each role may do in the console, mirroring the server's grants (apps/server/src/domain/permissions.ts). The
 * server still checks every call; this only keeps the console from offering what would be refused.
 */
export type Capability =
  | 'devices.read'
  | 'devices.manage'
  | 'wallet.topUp'
  | 'payments.refund'
  | 'settlement.read'
  | 'settings.manage'
  | 'audit.read'
  | 'liveness.calibrate';

const merchantWide: Capability[] = [
  'devices.read',
  'devices.manage',
  'wallet.topUp',
  'payments.refund',
  'settlement.read',
  'settings.manage',
  'audit.read',
  'liveness.calibrate',
];

const grants: Record<StaffRole, readonly Capability[]> = {
  provider_admin: merchantWide,
  merchant_admin: merchantWide,
  store_manager: ['devices.read', 'devices.manage', 'wallet.topUp', 'payments.refund', 'settlement.read'],
  cashier: ['wallet.topUp'],
};

export function can(role: StaffRole, capability: Capability): boolean {
  return grants[role].includes(capability);
}

export type PageId = 'stores' | 'members' | 'payments' | 'settlement' | 'settings' | 'calibration' | 'audit';
export const PAGES: PageId[] = ['stores', 'members', 'payments', 'settlement', 'settings', 'calibration', 'audit'];

const pageNeeds: Partial<Record<PageId, Capability>> = {
  settlement: 'settlement.read',
  audit: 'audit.read',
  calibration: 'liveness.calibrate',
};

/** The pages a role sees in the navigation; every role may look at stores, members, payments and the settings. */
export function pagesFor(role: StaffRole): PageId[] {
  return PAGES.filter((page) => {
    const need = pageNeeds[page];
    return !need || can(role, need);
  });
}
