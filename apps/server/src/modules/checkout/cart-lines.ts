import { invalid } from '../../platform/domain-errors.ts';
import type { CatalogService } from '../catalog/index.ts';
import type { CartLine } from './pricing/pricing-pipeline.ts';

export const CART_RULES = { maxQuantity: 99, maxLines: 50 } as const;

/**
 * A till's cart as catalogue lines at list price (the pricing pipeline prices them), one line per product; refuses
 * what it cannot sell.
 */
export async function cartLines(
  catalog: CatalogService,
  merchantId: string,
  lines: ReadonlyArray<{ productId: string; quantity: number }>,
): Promise<CartLine[]> {
  if (lines.length === 0 || lines.length > CART_RULES.maxLines)
    throw invalid('cart_invalid', `the cart needs 1 to ${CART_RULES.maxLines} lines`);
  if (new Set(lines.map((l) => l.productId)).size !== lines.length)
    throw invalid('cart_invalid', 'each product is one line of the cart (with its quantity)');
  const products = new Map((await catalog.activeProducts(merchantId)).map((p) => [p.id, p]));
  return lines.map((line) => {
    const product = products.get(line.productId);
    if (!product)
      throw invalid('product_unknown', `no active product ${line.productId}`, { productId: line.productId });
    if (!Number.isInteger(line.quantity) || line.quantity < 1 || line.quantity > CART_RULES.maxQuantity) {
      throw invalid('quantity_invalid', `quantity must be 1 to ${CART_RULES.maxQuantity}`, {
        productId: line.productId,
      });
    }
    return {
      productId: product.id,
      name: product.name,
      quantity: line.quantity,
      unitPriceFen: product.price_fen,
      memberPriceFen: product.member_price_fen,
      category: product.category,
    };
  });
}
