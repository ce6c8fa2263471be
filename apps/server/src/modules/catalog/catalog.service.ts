import { randomUUID } from 'node:crypto';
import type { Database, Product } from '@shualian/db';
import type { Insertable } from 'kysely';
import type { Actor, StaffActor } from '../../platform/actors.ts';
import { changed } from '../audit/index.ts';
import { conflict, forbidden, invalid, notFound } from '../../platform/domain-errors.ts';
import type { AuditService } from '../audit/index.ts';
import type { ProductRepository } from './product.repository.ts';
import type { Db } from '../../platform/db/repository.ts';
import type { Transactions } from '../../platform/db/transactions.ts';
import type { TenancyService } from '../tenancy/index.ts';
import { refuseDuplicates } from '../../platform/db/unique-violation.ts';
import type { AuditAction } from '../audit/index.ts';

/** A product as the merchant admin edits it; prices are integer fen. */
export interface ProductFields {
  sku: string;
  barcode: string | null;
  name: string;
  nameEn: string | null;
  unit: string;
  priceFen: number;
  memberPriceFen: number | null;
  category: string | null;
}

export interface ProductFilter {
  barcode?: string;
  category?: string;
  status?: 'active' | 'inactive' | 'all';
}

const duplicates = {
  products_sku_unique: () => conflict('product_sku_taken', 'another product of this merchant already has this SKU'),
  products_barcode_unique: () =>
    conflict('product_barcode_taken', 'another product of this merchant (active or not) already has this barcode'),
};

/** The merchant's product list: read by kiosks (cart) and staff (console), kept by merchant admins. */
export class CatalogService {
  constructor(
    private readonly products: ProductRepository,
    private readonly transactions: Transactions,
    private readonly tenancy: TenancyService,
    private readonly auditLog: AuditService,
  ) {}

  /** Products written inside the caller's transaction with no staff member acting: only the demo seed does this. */
  async provision(trx: Db, rows: Insertable<Database['products']>[]): Promise<void> {
    await this.products.with(trx).insertMany(rows);
  }

  /** The products a kiosk may sell now (active ones), for checkout; a device's flow, so no staff permission. */
  activeProducts(merchantId: string): Promise<Product[]> {
    return this.products.list(merchantId);
  }

  async list(actor: Actor, merchantId: string, filter: ProductFilter = {}): Promise<Product[]> {
    if (actor.type === 'device' || actor.type === 'member') {
      if (actor.merchantId !== merchantId) throw forbidden('forbidden', `a ${actor.type} reads only its own merchant`);
    } else {
      await this.tenancy.merchantFor(actor, merchantId, 'catalog.read');
    }
    return this.products.list(merchantId, filter);
  }

  async create(
    actor: StaffActor,
    merchantId: string,
    input: Partial<ProductFields> & Pick<ProductFields, 'sku' | 'name' | 'priceFen'>,
  ): Promise<Product> {
    await this.tenancy.merchantFor(actor, merchantId, 'catalog.manage');
    const fields: ProductFields = {
      sku: input.sku,
      barcode: input.barcode ?? null,
      name: input.name,
      nameEn: input.nameEn ?? null,
      unit: input.unit ?? '件',
      priceFen: input.priceFen,
      memberPriceFen: input.memberPriceFen ?? null,
      category: input.category ?? null,
    };
    assertPrices(fields);
    const id = randomUUID();
    return this.transactions.run(async (trx) => {
      const product = await refuseDuplicates(
        () => this.products.with(trx).insert({ merchant_id: merchantId, id, ...columns(fields) }),
        duplicates,
      );
      await this.audit(trx, actor, merchantId, 'product.created', id, { ...fields });
      return product;
    });
  }

  /** Changes what the patch names; prices take effect for carts priced from now on. */
  async update(
    actor: StaffActor,
    merchantId: string,
    productId: string,
    patch: Partial<ProductFields>,
  ): Promise<Product> {
    await this.tenancy.merchantFor(actor, merchantId, 'catalog.manage');
    return this.transactions.run(async (trx) => {
      const repo = this.products.with(trx);
      const product = await repo.lock(merchantId, productId);
      if (!product) throw notFound('product_not_found', 'no such product in this merchant');
      const current = fieldsOf(product);
      const changes = changed(current, patch);
      if (Object.keys(changes).length === 0) return product;
      const next = { ...current, ...patch };
      assertPrices(next);
      const updated = await refuseDuplicates(() => repo.update(merchantId, productId, columns(next)), duplicates);
      await this.audit(trx, actor, merchantId, 'product.updated', productId, { changes });
      return updated;
    });
  }

  /** Deactivated products are no longer sold (kiosks do not find them); past payments keep their lines. */
  async setActive(actor: StaffActor, merchantId: string, productId: string, active: boolean): Promise<Product> {
    await this.tenancy.merchantFor(actor, merchantId, 'catalog.manage');
    return this.transactions.run(async (trx) => {
      const repo = this.products.with(trx);
      const product = await repo.lock(merchantId, productId);
      if (!product) throw notFound('product_not_found', 'no such product in this merchant');
      if (product.active === active) return product;
      const updated = await repo.update(merchantId, productId, { active });
      await this.audit(trx, actor, merchantId, active ? 'product.reactivated' : 'product.deactivated', productId, {
        sku: product.sku,
      });
      return updated;
    });
  }

  private audit(
    db: Db,
    actor: StaffActor,
    merchantId: string,
    action: AuditAction,
    id: string,
    details: Record<string, unknown>,
  ) {
    return this.auditLog.recordStaffAction(actor, merchantId, action, { type: 'product', id }, details, db);
  }
}

function assertPrices(fields: Pick<ProductFields, 'priceFen' | 'memberPriceFen'>): void {
  for (const [field, value] of [
    ['priceFen', fields.priceFen],
    ['memberPriceFen', fields.memberPriceFen],
  ] as const) {
    if (value !== null && (!Number.isSafeInteger(value) || value < 1)) {
      throw invalid('amount_invalid', `${field} must be a positive whole number of fen`, { [field]: value });
    }
  }
  if (fields.memberPriceFen !== null && fields.memberPriceFen > fields.priceFen) {
    throw invalid('member_price_above_price', 'the member price may not be higher than the price', {
      priceFen: fields.priceFen,
      memberPriceFen: fields.memberPriceFen,
    });
  }
}

const fieldsOf = (p: Product): ProductFields => ({
  sku: p.sku,
  barcode: p.barcode,
  name: p.name,
  nameEn: p.name_en,
  unit: p.unit,
  priceFen: p.price_fen,
  memberPriceFen: p.member_price_fen,
  category: p.category,
});

const columns = (f: ProductFields) => ({
  sku: f.sku,
  barcode: f.barcode,
  name: f.name,
  name_en: f.nameEn,
  unit: f.unit,
  price_fen: f.priceFen,
  member_price_fen: f.memberPriceFen,
  category: f.category,
});
