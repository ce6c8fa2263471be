import type { Product } from '@shualian/db';
import type { Actor } from '../domain/actors.ts';
import { forbidden } from '../domain/errors.ts';
import type { ProductRepository } from '../repositories/product.repository.ts';
import type { TenancyService } from './tenancy.service.ts';

/** The merchant's product list: read by kiosks (cart) and staff (console). */
export class CatalogService {
  constructor(
    private readonly products: ProductRepository,
    private readonly tenancy: TenancyService,
  ) {}

  async list(actor: Actor, merchantId: string, filter: { barcode?: string } = {}): Promise<Product[]> {
    if (actor.type === 'device' || actor.type === 'member') {
      if (actor.merchantId !== merchantId) throw forbidden('forbidden', `a ${actor.type} reads only its own merchant`);
    } else {
      await this.tenancy.merchantFor(actor, merchantId, 'catalog.read');
    }
    return this.products.list(merchantId, filter);
  }
}
