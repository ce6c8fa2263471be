// The catalog module. Other modules import only from here (lint: shualian/module-door).
export { catalogRoutes } from './catalog.routes.ts';
export { CatalogService } from './catalog.service.ts';
export { ProductRepository } from './product.repository.ts';
