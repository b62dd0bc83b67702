export { type MigrateResult, migrate, SCHEMA_VERSION } from './migrations.js';
export {
  PostgresSessionStore,
  type PostgresSessionStoreOptions,
  type SweepResult,
} from './postgres-store.js';
export { type SchemaNames, type SchemaOptions, schemaNames } from './schema.js';
