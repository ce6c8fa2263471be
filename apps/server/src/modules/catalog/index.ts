export { catalogRoutes } from './catalog.routes.ts';
export { CatalogService } from './catalog.service.ts';
export { ProductRepository } from './product.repository.ts';
