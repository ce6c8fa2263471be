import { randomUUID } from 'node:crypto';
import type { StaffRole, StaffUser } from '@shualian/db';
import type { StaffActor } from '../../platform/actors.ts';
import { changed } from '../audit/index.ts';
import { conflict, forbidden, invalid, notFound } from '../../platform/domain-errors.ts';
import { canAssignRole } from './permissions.ts';
import type { AuditService } from '../audit/index.ts';
import type { StaffRepository } from './staff.repository.ts';
import type { TenancyRepository } from './tenancy.repository.ts';
import type { Db } from '../../platform/db/repository.ts';
import type { Transactions } from '../../platform/db/transactions.ts';
import { AuthService } from './auth.service.ts';
import type { TenancyService } from './tenancy.service.ts';
import { refuseDuplicates } from '../../platform/db/unique-violation.ts';
import type { AuditAction } from '../audit/index.ts';

export interface StaffChanges {
  displayName?: string;
  role?: StaffRole;
  storeId?: string | null;
}

type NewStaffAccount = Parameters<StaffRepository['insert']>[0];

const usernameTaken = () => conflict('username_taken', 'this username is already used');

/**
 * A merchant's staff as its admins keep them: accounts with a role and (for store roles) a store, changes of role,
 * disabling, and password resets. Every change is audited; disabling and resets sign the person out everywhere.
 */
export class StaffService {
  constructor(
    private readonly staffAccounts: StaffRepository,
    private readonly tenancyRecords: TenancyRepository,
    private readonly transactions: Transactions,
    private readonly tenancy: TenancyService,
    private readonly auditLog: AuditService,
    private readonly now: () => Date = () => new Date(),
  ) {}

  /** Accounts written inside the caller's transaction with no staff member acting: only the demo seed does this. */
  async provision(trx: Db, accounts: NewStaffAccount[]): Promise<void> {
    const repo = this.staffAccounts.with(trx);
    for (const account of accounts) await repo.insert(account);
  }

  /** The account with this username, as the server's own start-up work acts as that person (the demo's top-up). */
  async actorByUsername(username: string): Promise<StaffActor | undefined> {
    const staff = await this.staffAccounts.findByUsername(username);
    if (!staff) return undefined;
    return {
      type: 'staff',
      staffId: staff.id,
      role: staff.role,
      providerId: staff.provider_id,
      merchantId: staff.merchant_id,
      storeId: staff.store_id,
    };
  }

  async list(actor: StaffActor, merchantId: string): Promise<StaffUser[]> {
    await this.tenancy.merchantFor(actor, merchantId, 'staff.manage');
    return this.staffAccounts.listByMerchant(merchantId);
  }

  async create(
    actor: StaffActor,
    merchantId: string,
    input: { username: string; displayName: string; password: string; role: StaffRole; storeId?: string | null },
  ): Promise<StaffUser> {
    await this.tenancy.merchantFor(actor, merchantId, 'staff.manage');
    const storeId = await placement(this.tenancyRecords, actor, merchantId, input.role, input.storeId ?? null);
    const passwordHash = await AuthService.hashPassword(input.password);
    const id = randomUUID();
    const username = input.username.trim().toLowerCase();
    return this.transactions.run(async (trx) => {
      await refuseDuplicates(
        () =>
          this.staffAccounts.with(trx).insert({
            id,
            provider_id: actor.providerId,
            merchant_id: merchantId,
            store_id: storeId,
            username,
            display_name: input.displayName,
            password_hash: passwordHash,
            role: input.role,
          }),
        { staff_users_username_key: usernameTaken },
      );
      await this.audit(trx, actor, merchantId, 'staff.created', id, { username, role: input.role, storeId });
      return (await this.staffAccounts.with(trx).lockInMerchant(merchantId, id))!;
    });
  }

  /**
   * A new display name, role or store. A merchant admin belongs to no store, so a change to that role drops the store;
   * a change to a store role needs one. Nobody changes their own role or store.
   */
  async update(actor: StaffActor, merchantId: string, staffId: string, patch: StaffChanges): Promise<StaffUser> {
    await this.tenancy.merchantFor(actor, merchantId, 'staff.manage');
    return this.transactions.run(async (trx) => {
      const repo = this.staffAccounts.with(trx);
      const person = await this.lock(repo, merchantId, staffId);
      const role = patch.role ?? person.role;
      const storeId = patch.storeId !== undefined ? patch.storeId : role === 'merchant_admin' ? null : person.store_id;
      const moved = role !== person.role || storeId !== person.store_id;
      if (moved && person.id === actor.staffId) {
        throw conflict('staff_self_change', 'you may not change your own role or store; ask another admin');
      }
      if (role !== person.role && !canAssignRole(actor.role, person.role)) {
        throw forbidden('role_not_assignable', `your role (${actor.role}) may not change a ${person.role}`);
      }
      const current: Required<StaffChanges> = {
        displayName: person.display_name,
        role: person.role,
        storeId: person.store_id,
      };
      const next: Required<StaffChanges> = {
        displayName: patch.displayName ?? person.display_name,
        role,
        storeId: moved ? await placement(this.tenancyRecords.with(trx), actor, merchantId, role, storeId) : storeId,
      };
      const changes = changed(current, next);
      if (Object.keys(changes).length === 0) return person;
      const updated = await repo.update(staffId, {
        display_name: next.displayName,
        role: next.role,
        store_id: next.storeId,
      });
      await this.audit(trx, actor, merchantId, 'staff.updated', staffId, { changes });
      return updated;
    });
  }

  /** Disabling signs the person out at once; enabling lets them sign in again with their password. */
  async setDisabled(actor: StaffActor, merchantId: string, staffId: string, disabled: boolean): Promise<StaffUser> {
    await this.tenancy.merchantFor(actor, merchantId, 'staff.manage');
    if (disabled && staffId === actor.staffId) throw conflict('staff_self_change', 'you may not disable yourself');
    return this.transactions.run(async (trx) => {
      const repo = this.staffAccounts.with(trx);
      const person = await this.lock(repo, merchantId, staffId);
      if (Boolean(person.disabled_at) === disabled) return person;
      // Enabling is an admin's decision about this person: a sign-in lock from before starts over too.
      const updated = await repo.update(
        staffId,
        disabled
          ? { disabled_at: this.now() }
          : { disabled_at: null, failed_logins: 0, locked_until: null, lockouts: 0 },
      );
      if (disabled) await repo.deleteSessionsOf(staffId);
      await this.audit(trx, actor, merchantId, disabled ? 'staff.disabled' : 'staff.enabled', staffId, {});
      return updated;
    });
  }

  /** Sets a new password chosen by the admin; every session of the person ends, and a sign-in lock is lifted. */
  async resetPassword(actor: StaffActor, merchantId: string, staffId: string, password: string): Promise<StaffUser> {
    await this.tenancy.merchantFor(actor, merchantId, 'staff.manage');
    const passwordHash = await AuthService.hashPassword(password);
    return this.transactions.run(async (trx) => {
      const repo = this.staffAccounts.with(trx);
      await this.lock(repo, merchantId, staffId);
      const updated = await repo.update(staffId, {
        password_hash: passwordHash,
        failed_logins: 0,
        locked_until: null,
        lockouts: 0,
      });
      await repo.deleteSessionsOf(staffId);
      await this.audit(trx, actor, merchantId, 'staff.password_reset', staffId, {});
      return updated;
    });
  }

  private async lock(repo: StaffRepository, merchantId: string, staffId: string): Promise<StaffUser> {
    const person = await repo.lockInMerchant(merchantId, staffId);
    if (!person) throw notFound('staff_not_found', 'no such staff member in this merchant');
    return person;
  }

  private audit(
    db: Db,
    actor: StaffActor,
    merchantId: string,
    action: AuditAction,
    id: string,
    details: Record<string, unknown>,
  ) {
    return this.auditLog.recordStaffAction(actor, merchantId, action, { type: 'staff', id }, details, db);
  }
}

/**
 * The store a person of this role sits in, checked: the actor may give the role, and the store is one of the merchant's
 * (the actor, holding staff.manage on the merchant, reaches all its stores). `db` is the caller's transaction, if any.
 */
async function placement(
  stores: TenancyRepository,
  actor: StaffActor,
  merchantId: string,
  role: StaffRole,
  storeId: string | null,
): Promise<string | null> {
  if (!canAssignRole(actor.role, role)) {
    throw forbidden('role_not_assignable', `your role (${actor.role}) may not give the role ${role}`);
  }
  if (role === 'merchant_admin') {
    if (storeId !== null)
      throw invalid('store_not_allowed', 'a merchant admin belongs to no single store: leave storeId out');
    return null;
  }
  if (storeId === null) throw invalid('store_required', `a ${role} belongs to one store: give storeId`);
  if (!(await stores.getStore(merchantId, storeId))) {
    throw notFound('store_not_found', 'no such store in this merchant');
  }
  return storeId;
}
