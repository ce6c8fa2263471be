import type { StaffRole } from '@shualian/db';
import type { StaffActor } from '../../platform/actors.ts';
import { forbidden } from '../../platform/domain-errors.ts';

/** What a staff member may do; each route names the one permission it needs. */
export const PERMISSIONS = [
  'merchant.read',
  'merchant.manage',
  'store.read',
  'store.manage',
  'device.read',
  'device.manage',
  'catalog.read',
  'catalog.manage',
  'staff.manage',
  'audit.read',
  'member.read',
  /** Correct a member's birthday (or clear it), with a reason: members set it once themselves. */
  'member.birthday_correct',
  'wallet.read',
  'wallet.top_up',
  'payment.read',
  'payment.refund',
  'settlement.read',
  'settings.manage',
  /** Search the member gallery with a photo (1:N): who is this person? */
  'face.identify',
  /** Record labelled live and attack attempts at a kiosk to set the liveness thresholds from field data. */
  'liveness.calibrate',
  /** See event deliveries that failed every attempt (dead letters) and send them again. */
  'events.manage',
  /** Set the loyalty programme: points rates, tiers, stored-value plans. */
  'loyalty.manage',
  /** Give or take a member's points by hand, with a reason. */
  'loyalty.points_adjust',
  /** Sell a stored-value plan at the till, and refund one. */
  'stored_value.sell',
  /** See promotions, coupon templates and the promotion settings. */
  'promotion.read',
  /** Create and change promotions and coupon templates, issue campaigns, set the welcome coupon and 刷脸红包. */
  'promotion.manage',
  /** Give a member a coupon, with a reason. */
  'coupon.grant',
  /** See who is in a store now (consenting members, anonymous counts) and its traffic by hour. */
  'presence.read',
] as const;
export type Permission = (typeof PERMISSIONS)[number];

const storeStaff: Permission[] = [
  'merchant.read',
  'store.read',
  'catalog.read',
  'member.read',
  'wallet.read',
  'wallet.top_up',
  'payment.read',
  'promotion.read',
  'presence.read',
];
const merchantWide: Permission[] = [
  ...storeStaff,
  'store.manage',
  'device.read',
  'device.manage',
  'catalog.manage',
  'staff.manage',
  'audit.read',
  'payment.refund',
  'settlement.read',
  'settings.manage',
  'member.birthday_correct',
  'face.identify',
  'liveness.calibrate',
  'events.manage',
  'loyalty.manage',
  'loyalty.points_adjust',
  'stored_value.sell',
  'promotion.manage',
  'coupon.grant',
];

const grants: Record<StaffRole, readonly Permission[]> = {
  provider_admin: [...merchantWide, 'merchant.manage'],
  merchant_admin: merchantWide,
  store_manager: [
    ...storeStaff,
    'device.read',
    'device.manage',
    'payment.refund',
    'settlement.read',
    'loyalty.points_adjust',
    'stored_value.sell',
    'coupon.grant',
    'member.birthday_correct',
  ],
  cashier: storeStaff,
};

export function hasPermission(role: StaffRole, permission: Permission): boolean {
  return grants[role].includes(permission);
}

/** Everything the role may do within the merchant or store it reaches, in the order of PERMISSIONS. */
export function permissionsOf(role: StaffRole): Permission[] {
  return PERMISSIONS.filter((permission) => hasPermission(role, permission));
}

/**
 * The roles a staff member may give a colleague (on creation or by a change of role) where `staff.manage` lets them.
 * Nobody makes a provider admin through the API: the provider's own administrators are set up with the server.
 */
const assignable: Record<StaffRole, readonly StaffRole[]> = {
  provider_admin: ['merchant_admin', 'store_manager', 'cashier'],
  merchant_admin: ['merchant_admin', 'store_manager', 'cashier'],
  store_manager: [],
  cashier: [],
};

export function canAssignRole(actor: StaffRole, role: StaffRole): boolean {
  return hasPermission(actor, 'staff.manage') && assignable[actor].includes(role);
}

/** The tenancy place a request touches: a merchant, and for store-level data the store. */
export interface Scope {
  providerId: string;
  merchantId: string;
  storeId?: string;
}

/**
 * Whether the staff member may act on the scope. A provider admin reaches its own provider's merchants, a merchant
 * admin its merchant, store roles their store only (and merchant-wide data read-only through `merchant.read`).
 */
export function canAccess(actor: StaffActor, permission: Permission, scope: Scope): boolean {
  if (!hasPermission(actor.role, permission)) return false;
  if (actor.providerId !== scope.providerId) return false;
  if (actor.role === 'provider_admin') return true;
  if (actor.merchantId !== scope.merchantId) return false;
  if (actor.role === 'merchant_admin') return true;
  return scope.storeId === undefined || scope.storeId === actor.storeId;
}

export function assertCanAccess(actor: StaffActor, permission: Permission, scope: Scope): void {
  if (!canAccess(actor, permission, scope)) {
    throw forbidden('forbidden', `your role (${actor.role}) may not ${permission} here`);
  }
}
