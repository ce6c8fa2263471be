// The catalog module: products, prices, barcodes and categories; checkout reads the active products here.
// Other modules import only from here (lint: shualian/module-door).
export { catalogRoutes } from './catalog.routes.ts';
export { CatalogService } from './catalog.service.ts';
