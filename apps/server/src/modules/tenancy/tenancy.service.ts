import type { Merchant, Store } from '@shualian/db';
import type { DeviceActor, StaffActor } from '../../platform/actors.ts';
import type { Db } from '../../platform/db/repository.ts';
import { notFound } from '../../platform/domain-errors.ts';
import { assertCanAccess, type Permission, type Scope } from './permissions.ts';
import type { TenancyRepository } from './tenancy.repository.ts';

/** Resolves merchants and stores for a staff member, refusing anything outside the member's reach. */
export class TenancyService {
  constructor(private readonly tenancy: TenancyRepository) {}

  /**
   * The merchant, if the actor may act on it with this permission. Another provider's merchant answers not-found
   * rather than forbidden, so merchant ids cannot be probed across providers.
   */
  async merchantFor(actor: StaffActor, merchantId: string, permission: Permission): Promise<Merchant> {
    const merchant = await this.tenancy.getMerchant(merchantId);
    if (!merchant || merchant.provider_id !== actor.providerId) {
      throw notFound('merchant_not_found', 'no such merchant');
    }
    assertCanAccess(actor, permission, { providerId: merchant.provider_id, merchantId });
    return merchant;
  }

  /** The merchant a code names (activation codes lead with it); no permission is needed to learn an id. */
  async merchantIdByCode(code: string): Promise<string | null> {
    return (await this.tenancy.getMerchantByCode(code))?.id ?? null;
  }

  /** The merchant a device belongs to (its signature was already checked against this merchant). */
  async merchantOfDevice(actor: DeviceActor): Promise<Merchant> {
    const merchant = await this.tenancy.getMerchant(actor.merchantId);
    if (!merchant) throw notFound('merchant_not_found', 'no such merchant');
    return merchant;
  }

  async storeFor(actor: StaffActor, merchantId: string, storeId: string, permission: Permission): Promise<Store> {
    const merchant = await this.merchantFor(actor, merchantId, 'merchant.read');
    const store = await this.tenancy.getStore(merchantId, storeId);
    if (!store) throw notFound('store_not_found', 'no such store in this merchant');
    assertCanAccess(actor, permission, scopeOf(merchant, storeId));
    return store;
  }

  /** A merchant by id, for flows that are not a staff member's (a member's, a device's); `trx` to read inside one. */
  merchant(merchantId: string, trx?: Db): Promise<Merchant | undefined> {
    return (trx ? this.tenancy.with(trx) : this.tenancy).getMerchant(merchantId);
  }

  /** A merchant by its brand code, as members name it in the member app. */
  merchantByCode(code: string): Promise<Merchant | undefined> {
    return this.tenancy.getMerchantByCode(code);
  }

  /** Whether any provider exists yet (an empty database is seeded with the demo on start). */
  async hasProviders(): Promise<boolean> {
    return (await this.tenancy.countProviders()) > 0;
  }

  /** The merchant seeded as the demo (at most one), if this database has it. */
  demoMerchant(): Promise<Merchant | undefined> {
    return this.tenancy.getDemoMerchant();
  }

  async listMerchants(actor: StaffActor): Promise<Merchant[]> {
    return this.tenancy.listMerchants(actor.providerId, actor.merchantId ?? undefined);
  }

  async listStores(actor: StaffActor, merchantId: string): Promise<Store[]> {
    await this.merchantFor(actor, merchantId, 'store.read');
    return this.tenancy.listStores(merchantId, actor.storeId ?? undefined);
  }
}

export function scopeOf(merchant: Merchant, storeId?: string): Scope {
  return { providerId: merchant.provider_id, merchantId: merchant.id, storeId };
}
