export {
  isConnectionLost,
  openDatabase,
  type DatabaseHandle,
  type DatabaseKind,
  type DatabaseOptions,
} from './connect.ts';
export { migrateToLatest, MigrationError, type MigrationReport } from './migrator.ts';
export { migrations as baselineMigrations } from './migrations/index.ts';
export { REFERENCE_TABLES, placementOf } from './distribution.ts';
export * from './schema.ts';
