import { Type } from '@sinclair/typebox';
import { Nullable, PositiveFen, Uuid } from '../../platform/http/shared.schemas.ts';

/** The catalogue: a product as shown, the kiosk's and console's lookups, and what an admin sends to change it. */
export const Product = Type.Object({
  id: Uuid,
  sku: Type.String(),
  barcode: Type.Union([Type.String(), Type.Null()]),
  name: Type.String(),
  nameEn: Type.Union([Type.String(), Type.Null()]),
  unit: Type.String(),
  priceFen: Type.Integer({ description: 'price in fen (1/100 yuan)' }),
  memberPriceFen: Type.Union([Type.Integer(), Type.Null()], {
    description: 'what members pay (fen); at most the price',
  }),
  category: Type.Union([Type.String(), Type.Null()]),
  active: Type.Boolean({ description: 'on sale: kiosks find only active products' }),
});
export const ProductList = Type.Object({ products: Type.Array(Product) }, { description: 'The products, by SKU' });

const Barcode = Type.String({
  pattern: '^[0-9A-Za-z-]{1,48}$',
  description: 'as the scanner reads it (EAN-13, UPC, …)',
});
const Sku = Type.String({ pattern: '^[A-Za-z0-9._-]{1,40}$', description: "the merchant's own product code" });
const ProductName = Type.String({ minLength: 1, maxLength: 80 });
const Unit = Type.String({ minLength: 1, maxLength: 8, description: 'e.g. 件, 盒, bottle; 件 when left out' });
const Category = Type.String({ minLength: 1, maxLength: 40 });

export const ProductParams = Type.Object({ merchantId: Uuid, productId: Uuid });
export const ProductListQuery = Type.Object({
  barcode: Type.Optional(Barcode),
  category: Type.Optional(Category),
  status: Type.Optional(
    Type.Union([Type.Literal('active'), Type.Literal('inactive'), Type.Literal('all')], {
      default: 'active',
    }),
  ),
});

export const NewProduct = Type.Object(
  {
    sku: Sku,
    barcode: Type.Optional(Nullable(Barcode)),
    name: ProductName,
    nameEn: Type.Optional(Nullable(ProductName)),
    unit: Type.Optional(Unit),
    priceFen: PositiveFen,
    memberPriceFen: Type.Optional(Nullable(PositiveFen)),
    category: Type.Optional(Nullable(Category)),
  },
  { additionalProperties: false },
);
export const ProductChange = Type.Object(
  {
    sku: Type.Optional(Sku),
    barcode: Type.Optional(Nullable(Barcode)),
    name: Type.Optional(ProductName),
    nameEn: Type.Optional(Nullable(ProductName)),
    unit: Type.Optional(Unit),
    priceFen: Type.Optional(PositiveFen),
    memberPriceFen: Type.Optional(Nullable(PositiveFen)),
    category: Type.Optional(Nullable(Category)),
  },
  { additionalProperties: false, minProperties: 1 },
);
