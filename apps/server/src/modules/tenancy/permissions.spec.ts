import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { StaffActor } from '../../platform/actors.ts';
import { canAccess, canAssignRole } from './permissions.ts';

const staff = (over: Partial<StaffActor>): StaffActor => ({
  type: 'staff',
  staffId: 's',
  role: 'cashier',
  providerId: 'p1',
  merchantId: 'm1',
  storeId: 'st1',
  ...over,
});

test('a provider admin reaches its own merchants only', () => {
  const admin = staff({ role: 'provider_admin', merchantId: null, storeId: null });
  assert.equal(canAccess(admin, 'device.manage', { providerId: 'p1', merchantId: 'm9' }), true);
  assert.equal(canAccess(admin, 'device.manage', { providerId: 'p2', merchantId: 'm9' }), false);
});

test('a merchant admin never reaches another merchant', () => {
  const admin = staff({ role: 'merchant_admin', storeId: null });
  assert.equal(canAccess(admin, 'store.manage', { providerId: 'p1', merchantId: 'm1', storeId: 'any' }), true);
  assert.equal(canAccess(admin, 'store.read', { providerId: 'p1', merchantId: 'm2' }), false);
});

test('store roles are bound to their store and their grants', () => {
  const manager = staff({ role: 'store_manager' });
  assert.equal(canAccess(manager, 'device.manage', { providerId: 'p1', merchantId: 'm1', storeId: 'st1' }), true);
  assert.equal(canAccess(manager, 'device.manage', { providerId: 'p1', merchantId: 'm1', storeId: 'st2' }), false);
  assert.equal(canAccess(manager, 'catalog.manage', { providerId: 'p1', merchantId: 'm1' }), false);
  const cashier = staff({});
  assert.equal(canAccess(cashier, 'catalog.read', { providerId: 'p1', merchantId: 'm1' }), true);
  assert.equal(canAccess(cashier, 'device.manage', { providerId: 'p1', merchantId: 'm1', storeId: 'st1' }), false);
});

test('identify-by-photo belongs to merchant and provider admins, not to store roles', () => {
  const scope = { providerId: 'p1', merchantId: 'm1' };
  assert.equal(canAccess(staff({ role: 'merchant_admin', storeId: null }), 'face.identify', scope), true);
  assert.equal(
    canAccess(staff({ role: 'provider_admin', merchantId: null, storeId: null }), 'face.identify', scope),
    true,
  );
  assert.equal(canAccess(staff({ role: 'store_manager' }), 'face.identify', scope), false);
  assert.equal(canAccess(staff({}), 'face.identify', scope), false);
});

test('merchant and provider admins give merchant and store roles; nobody gives provider admin; store roles give none', () => {
  for (const actor of ['provider_admin', 'merchant_admin'] as const) {
    for (const role of ['merchant_admin', 'store_manager', 'cashier'] as const)
      assert.equal(canAssignRole(actor, role), true);
    assert.equal(canAssignRole(actor, 'provider_admin'), false);
  }
  for (const actor of ['store_manager', 'cashier'] as const) {
    for (const role of ['merchant_admin', 'store_manager', 'cashier'] as const)
      assert.equal(canAssignRole(actor, role), false);
  }
});
