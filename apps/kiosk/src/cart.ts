import type { Product } from '@shualian/sdk';

/** The shopper's basket: pure functions over an ordered list of lines, so the screen and the tests share them. */
export interface CartLine {
  product: Product;
  quantity: number;
}

export const MAX_QUANTITY = 99;
export const MAX_LINES = 50;

export function addProduct(cart: CartLine[], product: Product): CartLine[] {
  const existing = cart.find((l) => l.product.id === product.id);
  if (existing) return changeQuantity(cart, product.id, existing.quantity + 1);
  if (cart.length >= MAX_LINES) return cart;
  return [...cart, { product, quantity: 1 }];
}

/** Sets a line's quantity; 0 removes the line. Capped at what the server takes for one line. */
export function changeQuantity(cart: CartLine[], productId: string, quantity: number): CartLine[] {
  if (quantity <= 0) return removeLine(cart, productId);
  const capped = Math.min(quantity, MAX_QUANTITY);
  return cart.map((l) => (l.product.id === productId ? { ...l, quantity: capped } : l));
}

export function removeLine(cart: CartLine[], productId: string): CartLine[] {
  return cart.filter((l) => l.product.id !== productId);
}

export interface CartTotals {
  items: number;
  /** At list prices. */
  regularFen: number;
  /** What a member pays (face payment is for members, so this is the amount charged). */
  memberFen: number;
  savingsFen: number;
}

export const memberUnitPrice = (product: Product) => product.memberPriceFen ?? product.priceFen;

export function cartTotals(cart: CartLine[]): CartTotals {
  let items = 0;
  let regularFen = 0;
  let memberFen = 0;
  for (const line of cart) {
    items += line.quantity;
    regularFen += line.product.priceFen * line.quantity;
    memberFen += memberUnitPrice(line.product) * line.quantity;
  }
  return { items, regularFen, memberFen, savingsFen: regularFen - memberFen };
}

export const sessionItems = (cart: CartLine[]) => cart.map((l) => ({ productId: l.product.id, quantity: l.quantity }));

/** The product's name in the shopper's language (the Chinese name when there is no English one). */
export const productName = (product: Pick<Product, 'name' | 'nameEn'>, lang: string) =>
  lang === 'en' && product.nameEn ? product.nameEn : product.name;
