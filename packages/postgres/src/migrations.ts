import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { BatonError } from '@baton/core/store';
import pg from 'pg';
import { qualifiedName, quoteIdentifier, quoteLiteral, type SchemaOptions, schemaNames } from './schema.js';

/** One schema version: a numbered `.sql` file of the package's `migrations/` folder, applied once. */
export interface Migration {
  /** Applied in increasing order; recorded in `<prefix>migrations`. */
  readonly version: number;
  /** What it creates, recorded with the version (for whoever reads the migrations table). */
  readonly name: string;
  /** The file in `migrations/`: SQL with the placeholders {@link renderMigration} replaces. */
  readonly file: string;
}

/**
 * The versioned migrations, oldest first. Append only: a shipped migration (its entry and its file)
 * is never edited, a change is a new version. Listed here rather than discovered in the folder so
 * that {@link SCHEMA_VERSION} is known without touching the disk.
 */
export const MIGRATIONS: readonly Migration[] = [
  { version: 1, name: 'sessions, entries, transcript, claims, load and commit functions', file: '001_init.sql' },
  {
    version: 2,
    name: 'owners: owner, title, updated_at, the owner index, load_owned and commit_owned',
    file: '002_owners.sql',
  },
  {
    version: 3,
    name: 'turn logs (resume): turn_logs, turn_events and the turn_log_* functions',
    file: '003_turn_log.sql',
  },
  {
    version: 4,
    name: 'compaction: summary seq and compacted-to columns, load from the latest summary, commit_compacting',
    file: '004_compaction.sql',
  },
];

/** The newest schema version this package knows. */
export const SCHEMA_VERSION = MIGRATIONS[MIGRATIONS.length - 1]?.version ?? 0;

/**
 * The folder of the `.sql` files. tsc does not copy them: they ship as `migrations/` at the
 * package root, a sibling of both `src/` (tests run on source) and `dist/` (the installed package,
 * the `baton-postgres` command), so one relative URL finds them from either.
 */
export const MIGRATIONS_FOLDER = new URL('../migrations/', import.meta.url);

/** Reads the SQL of one migration, as written (placeholders not yet replaced). */
export async function readMigration(migration: Migration): Promise<string> {
  const url = new URL(migration.file, MIGRATIONS_FOLDER);
  try {
    return await readFile(url, 'utf8');
  } catch (error) {
    throw new BatonError(
      'INTERNAL',
      `Migration ${migration.version} (${fileURLToPath(url)}) cannot be read: the package's migrations/ folder must sit next to its dist/`,
      { file: migration.file },
      { cause: error },
    );
  }
}

/** Anything between double braces: each is checked, so a misspelt placeholder fails loudly. */
const PLACEHOLDER = /\{\{([^{}]*)\}\}/g;
/** The placeholders a migration may use: `schema`, or `name:` / `regclass:` and a suffix. */
const KNOWN = /^(?:(schema)|(name|regclass):([a-z_][a-z0-9_]*))$/;

/**
 * Replaces the placeholders of a migration's SQL with the store's names, quoted here (never in
 * the file, where the schema and prefix are unknown):
 * - `{{schema}}`: the schema as a quoted identifier (`"public"`);
 * - `{{name:sessions}}`: prefix + `sessions` as a quoted identifier (`"baton_sessions"`);
 * - `{{regclass:fence}}`: a string literal of the schema-qualified quoted name, as `nextval()`
 *   takes it (`'"public"."baton_fence"'`).
 * Throws on any other `{{…}}` and on stray braces, so the SQL sent holds no placeholder.
 */
export function renderMigration(sql: string, names: { schema: string; prefix: string }): string {
  const rendered = sql.replace(PLACEHOLDER, (placeholder, inner: string) => {
    const known = KNOWN.exec(inner);
    if (!known) throw new BatonError('INTERNAL', `Unknown placeholder in a migration: ${placeholder}`);
    const [, schema, kind, suffix = ''] = known;
    if (schema) return quoteIdentifier(names.schema);
    if (kind === 'name') return quoteIdentifier(names.prefix + suffix);
    return quoteLiteral(qualifiedName(names.schema, names.prefix + suffix));
  });
  // Checked on the template, not the output: a quoted name may itself hold braces.
  const stray = sql.replace(PLACEHOLDER, '').match(/\{\{|\}\}/);
  if (stray) throw new BatonError('INTERNAL', `Unbalanced placeholder braces in a migration near "${stray[0]}"`);
  return rendered;
}

/** What `migrate()` did. */
export interface MigrateResult {
  /** Versions applied by this call, in order (empty: the schema was up to date). */
  applied: number[];
  /** The schema version now in place. */
  version: number;
}

/**
 * Brings the store's schema up to date: applies, in one transaction, every migration not yet
 * recorded in `<prefix>migrations`. Idempotent, and safe to run from several processes at once
 * (a transaction-scoped advisory lock per schema + prefix serializes them; the losers find the
 * work done). Needs no superuser: CREATE on the schema (and on the database if the schema does
 * not exist yet). Pass a `pg.Pool` you own or a connection string (a short-lived client is used).
 */
export async function migrate(poolOrUrl: pg.Pool | string, options: SchemaOptions = {}): Promise<MigrateResult> {
  const names = schemaNames(options);
  // Read (and render) every file before connecting: a package shipped without its migrations/
  // fails here, before it opens a transaction, and no file is read while the lock is held.
  const migrations = await Promise.all(
    MIGRATIONS.map(async (migration) => ({
      ...migration,
      sql: renderMigration(await readMigration(migration), names),
    })),
  );
  const client =
    typeof poolOrUrl === 'string'
      ? new pg.Client({ connectionString: poolOrUrl, connectionTimeoutMillis: 5_000 })
      : await poolOrUrl.connect();
  const owned = typeof poolOrUrl === 'string';
  let broken: Error | undefined;
  try {
    if (owned) await (client as pg.Client).connect();
    await client.query('BEGIN');
    try {
      await client.query('SELECT pg_advisory_xact_lock(hashtextextended($1, 0))', [
        `baton:migrate:${names.schema}.${names.prefix}`,
      ]);
      // CREATE SCHEMA IF NOT EXISTS checks the CREATE privilege on the database even when the
      // schema exists: look first, so a user with rights on an existing schema only can migrate.
      const exists = await client.query('SELECT 1 FROM pg_namespace WHERE nspname = $1', [names.schema]);
      if (exists.rowCount === 0) await client.query(`CREATE SCHEMA ${quoteIdentifier(names.schema)}`);
      await client.query(
        `CREATE TABLE IF NOT EXISTS ${names.migrations} (
          version integer PRIMARY KEY,
          name text NOT NULL,
          applied_at timestamptz NOT NULL DEFAULT now()
        )`,
      );
      const done = await client.query<{ version: number }>(`SELECT version FROM ${names.migrations}`);
      const have = new Set(done.rows.map((row) => Number(row.version)));
      const applied: number[] = [];
      for (const migration of migrations) {
        if (have.has(migration.version)) continue;
        await client.query(migration.sql);
        await client.query(`INSERT INTO ${names.migrations} (version, name) VALUES ($1, $2)`, [
          migration.version,
          migration.name,
        ]);
        applied.push(migration.version);
      }
      await client.query('COMMIT');
      const version = Math.max(0, ...have, ...applied);
      return { applied, version };
    } catch (error) {
      await client.query('ROLLBACK').catch((rollbackError: Error) => {
        broken = rollbackError;
      });
      throw error;
    }
  } finally {
    if (owned) await (client as pg.Client).end().catch(() => {});
    else (client as pg.PoolClient).release(broken);
  }
}
