import { execSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { setTimeout as sleep } from 'node:timers/promises';
import pg from 'pg';

/**
 * Tests talk to a real PostgreSQL at DATABASE_URL (default 127.0.0.1:5432, database `test`, trust
 * auth). If it does not answer, start the machine's cluster (`pg_ctlcluster`, as .ci/run does). If
 * it still does not answer, fail the run: never skip silently.
 */
export default async function ensurePostgres(): Promise<void> {
  const url = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
  if (await ping(url)) return;
  let versions: string[] = [];
  try {
    versions = readdirSync('/etc/postgresql');
  } catch {
    // No Debian-style cluster on this machine.
  }
  const version = versions[0];
  if (!version) throw new Error(`PostgreSQL is not answering at ${url} and no cluster is installed to start`);
  try {
    execSync(`pg_ctlcluster --skip-systemctl-redirect ${version} main start`, { stdio: 'pipe' });
  } catch (error) {
    throw new Error(`PostgreSQL is not answering at ${url} and pg_ctlcluster could not start it: ${error}`);
  }
  for (let i = 0; i < 50; i++) {
    if (await ping(url)) return;
    await sleep(200);
  }
  throw new Error(`PostgreSQL is not answering at ${url} even after pg_ctlcluster start`);
}

async function ping(url: string): Promise<boolean> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 1_000 });
  client.on('error', () => {});
  try {
    await client.connect();
    await client.query('SELECT 1');
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => {});
  }
}
