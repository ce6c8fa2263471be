import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  addProduct,
  cartTotals,
  changeQuantity,
  MAX_QUANTITY,
  productName,
  removeLine,
  sessionItems,
  type CartLine,
} from './cart.ts';
import type { Product } from '@shualian/sdk';

const product = (id: string, priceFen: number, memberPriceFen: number | null): Product => ({
  id,
  sku: id,
  barcode: null,
  category: null,
  active: true,
  name: `商品${id}`,
  nameEn: id === 'b' ? null : `Product ${id}`,
  unit: '盒',
  priceFen,
  memberPriceFen,
});
const neck = product('a', 2800, 2500);
const tofu = product('b', 1000, null);

test('tapping a product twice makes one line of two; totals charge member prices and show the saving', () => {
  let cart: CartLine[] = [];
  cart = addProduct(cart, neck);
  cart = addProduct(cart, tofu);
  cart = addProduct(cart, neck);
  assert.deepEqual(sessionItems(cart), [
    { productId: 'a', quantity: 2 },
    { productId: 'b', quantity: 1 },
  ]);
  assert.deepEqual(cartTotals(cart), { items: 3, regularFen: 6600, memberFen: 6000, savingsFen: 600 });
});

test('quantity to zero removes the line; quantities stop at the most one line may hold', () => {
  let cart = addProduct(addProduct([], neck), tofu);
  cart = changeQuantity(cart, 'a', 0);
  assert.deepEqual(sessionItems(cart), [{ productId: 'b', quantity: 1 }]);
  cart = changeQuantity(cart, 'b', 500);
  assert.equal(cart[0]!.quantity, MAX_QUANTITY);
  assert.deepEqual(removeLine(cart, 'b'), []);
});

test('names follow the language, falling back to Chinese', () => {
  assert.equal(productName(neck, 'en'), 'Product a');
  assert.equal(productName(tofu, 'en'), '商品b');
  assert.equal(productName(neck, 'zh-CN'), '商品a');
});
