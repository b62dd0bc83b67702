#!/usr/bin/env node
/**
 * `baton-postgres migrate [--url postgres://...] [--schema public] [--prefix baton_]`: applies the
 * store's schema migrations (the URL defaults to DATABASE_URL). Exit 0 when the schema is up to
 * date, 2 for a usage error, 1 when the migration failed.
 */
import { parseArgs } from 'node:util';
import { migrate } from './migrations.js';

const USAGE = `Usage: baton-postgres migrate [--url postgres://...] [--schema public] [--prefix baton_]

  --url      connection string (default: $DATABASE_URL)
  --schema   schema of the store's tables (default: public; created if absent)
  --prefix   prefix of the store's tables and functions (default: baton_)`;

async function main(argv: string[]): Promise<number> {
  let parsed: ReturnType<typeof parse>;
  try {
    parsed = parse(argv);
  } catch (error) {
    console.error(`${(error as Error).message}\n\n${USAGE}`);
    return 2;
  }
  const { values, positionals } = parsed;
  if (values.help) {
    console.log(USAGE);
    return 0;
  }
  if (positionals.length !== 1 || positionals[0] !== 'migrate') {
    console.error(USAGE);
    return 2;
  }
  const url = values.url ?? process.env.DATABASE_URL;
  if (!url) {
    console.error(`No database: pass --url or set DATABASE_URL.\n\n${USAGE}`);
    return 2;
  }
  const schema = values.schema ?? 'public';
  const tablePrefix = values.prefix ?? 'baton_';
  try {
    const { applied, version } = await migrate(url, { schema, tablePrefix });
    const where = `schema "${schema}", prefix "${tablePrefix}"`;
    console.log(
      applied.length === 0
        ? `Up to date at version ${version} (${where}).`
        : `Applied migration${applied.length > 1 ? 's' : ''} ${applied.join(', ')}; now at version ${version} (${where}).`,
    );
    return 0;
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    console.error(`Migration failed: ${message}`);
    return (error as { code?: string }).code === 'CONFIG_INVALID' ? 2 : 1;
  }
}

function parse(argv: string[]) {
  return parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      url: { type: 'string' },
      schema: { type: 'string' },
      prefix: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
  });
}

process.exitCode = await main(process.argv.slice(2));
