import type { Permission } from '@shualian/sdk';

/**
 * The console offers what the signed-in role may do as the server says it (`permissions` in getCurrentStaff); the
 * server still checks every call.
 */
export type PageId =
  | 'stores'
  | 'in-store'
  | 'traffic'
  | 'members'
  | 'payments'
  | 'promotions'
  | 'settlement'
  | 'loyalty'
  | 'stored-value'
  | 'settings'
  | 'calibration'
  | 'audit';
export const PAGES: PageId[] = [
  'stores',
  'in-store',
  'traffic',
  'members',
  'payments',
  'promotions',
  'settlement',
  'loyalty',
  'stored-value',
  'settings',
  'calibration',
  'audit',
];

const pageNeeds: Partial<Record<PageId, Permission>> = {
  'in-store': 'presence.read',
  traffic: 'presence.read',
  promotions: 'promotion.read',
  settlement: 'settlement.read',
  audit: 'audit.read',
  calibration: 'liveness.calibrate',
  loyalty: 'loyalty.manage',
  'stored-value': 'stored_value.sell',
};

/** The pages the navigation offers; every role may look at stores, members, payments and the settings. */
export function pagesFor(permissions: readonly Permission[]): PageId[] {
  return PAGES.filter((page) => {
    const need = pageNeeds[page];
    return !need || permissions.includes(need);
  });
}
