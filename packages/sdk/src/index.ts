export * from './api-client.ts';
export * from './api-error.ts';
export * from './api-types.ts';
export type { components, operations, paths } from './schema.gen.ts';
