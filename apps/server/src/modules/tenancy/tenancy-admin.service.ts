import { randomUUID } from 'node:crypto';
import type { Database, Merchant, Store } from '@shualian/db';
import type { Insertable } from 'kysely';
import type { Db } from '../../platform/db/repository.ts';
import type { StaffActor } from '../../platform/actors.ts';
import { changed } from '../audit/index.ts';
import { conflict, forbidden, notFound } from '../../platform/domain-errors.ts';
import { hasPermission } from './permissions.ts';
import type { AuditService } from '../audit/index.ts';
import type { TenancyRepository } from './tenancy.repository.ts';
import type { Transactions } from '../../platform/db/transactions.ts';
import type { TenancyService } from './tenancy.service.ts';
import { refuseDuplicates } from '../../platform/db/unique-violation.ts';

export interface StoreChanges {
  code?: string;
  name?: string;
  address?: string | null;
  storeGroup?: string | null;
}

const merchantCodeTaken = () => conflict('merchant_code_taken', 'another merchant already has this code');
const storeCodeTaken = () => conflict('store_code_taken', 'another store of this merchant already has this code');

/** Setting up the tenancy: a provider admin creates merchants, merchant admins create and edit their stores. */
export class TenancyAdminService {
  constructor(
    private readonly tenancyRecords: TenancyRepository,
    private readonly transactions: Transactions,
    private readonly tenancy: TenancyService,
    private readonly auditLog: AuditService,
  ) {}

  /**
   * A provider with one merchant and its stores, written inside the caller's transaction with no staff member acting:
   * only the demo seed does this, on the first start of an empty database.
   */
  async provision(
    trx: Db,
    input: {
      provider: Insertable<Database['service_providers']>;
      merchant: Insertable<Database['merchants']>;
      stores: Insertable<Database['stores']>[];
    },
  ): Promise<void> {
    const repo = this.tenancyRecords.with(trx);
    await repo.insertProvider(input.provider);
    await repo.insertMerchant(input.merchant);
    for (const store of input.stores) await repo.insertStore(store);
  }

  async createMerchant(actor: StaffActor, input: { code: string; name: string }): Promise<Merchant> {
    if (!hasPermission(actor.role, 'merchant.manage')) {
      throw forbidden('forbidden', `your role (${actor.role}) may not merchant.manage`);
    }
    const id = randomUUID();
    return this.transactions.run(async (trx) => {
      const repo = this.tenancyRecords.with(trx);
      await refuseDuplicates(
        () => repo.insertMerchant({ id, provider_id: actor.providerId, code: input.code, name: input.name }),
        { merchants_code_key: merchantCodeTaken },
      );
      await this.auditLog.record(
        {
          merchantId: id,
          actorType: 'staff',
          actorId: actor.staffId,
          action: 'merchant.created',
          targetType: 'merchant',
          targetId: id,
          details: { code: input.code, name: input.name },
        },
        trx,
      );
      return (await repo.getMerchant(id))!;
    });
  }

  async createStore(
    actor: StaffActor,
    merchantId: string,
    input: { code: string; name: string; address?: string | null; storeGroup?: string | null },
  ): Promise<Store> {
    await this.tenancy.merchantFor(actor, merchantId, 'store.manage');
    const id = randomUUID();
    return this.transactions.run(async (trx) => {
      const repo = this.tenancyRecords.with(trx);
      const row = {
        merchant_id: merchantId,
        id,
        code: input.code,
        name: input.name,
        address: input.address ?? null,
        store_group: input.storeGroup ?? null,
      };
      await refuseDuplicates(() => repo.insertStore(row), { stores_code_unique: storeCodeTaken });
      await this.auditLog.record(
        {
          merchantId,
          actorType: 'staff',
          actorId: actor.staffId,
          action: 'store.created',
          targetType: 'store',
          targetId: id,
          details: { code: row.code, name: row.name, address: row.address, storeGroup: row.store_group },
        },
        trx,
      );
      return (await repo.getStore(merchantId, id))!;
    });
  }

  /** Changes what the patch names; an unchanged store is returned as it is, and nothing is audited. */
  async updateStore(actor: StaffActor, merchantId: string, storeId: string, patch: StoreChanges): Promise<Store> {
    await this.tenancy.merchantFor(actor, merchantId, 'store.manage');
    return this.transactions.run(async (trx) => {
      const repo = this.tenancyRecords.with(trx);
      const store = await repo.lockStore(merchantId, storeId);
      if (!store) throw notFound('store_not_found', 'no such store in this merchant');
      const current: Required<StoreChanges> = {
        code: store.code,
        name: store.name,
        address: store.address,
        storeGroup: store.store_group,
      };
      const changes = changed(current, patch);
      if (Object.keys(changes).length === 0) return store;
      const next = { ...current, ...patch };
      const updated = await refuseDuplicates(
        () =>
          repo.updateStore(merchantId, storeId, {
            code: next.code,
            name: next.name,
            address: next.address,
            store_group: next.storeGroup,
          }),
        { stores_code_unique: storeCodeTaken },
      );
      await this.auditLog.record(
        {
          merchantId,
          actorType: 'staff',
          actorId: actor.staffId,
          action: 'store.updated',
          targetType: 'store',
          targetId: storeId,
          details: { changes },
        },
        trx,
      );
      return updated;
    });
  }
}
