export {
  PostgresSessionStore,
  type PostgresSessionStoreOptions,
  type SweepResult,
} from './postgres-store.js';
export {
  type MigrateResult,
  migrate,
  SCHEMA_VERSION,
  type SchemaNames,
  type SchemaOptions,
  schemaNames,
} from './schema.js';
