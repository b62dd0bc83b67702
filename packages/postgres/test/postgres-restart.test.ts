/**
 * PostgreSQL restarted (a crash: immediate shutdown, then WAL recovery) → sessions intact. Runs on
 * a private PostgreSQL instance (initdb into a temp dir, its own port), never the shared server
 * other suites use at the same time. Without the server binaries the suite is skipped loudly —
 * except in CI, where it fails.
 */
import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { migrate, PostgresSessionStore } from '../src/index.js';
import { creating, freePort } from './support.js';

function findBin(): string | undefined {
  const root = '/usr/lib/postgresql';
  if (!existsSync(root)) return undefined;
  for (const version of readdirSync(root).sort().reverse()) {
    const bin = join(root, version, 'bin');
    if (existsSync(join(bin, 'initdb')) && existsSync(join(bin, 'pg_ctl'))) return bin;
  }
  return undefined;
}

const bin = findBin();
if (!bin) {
  const message = 'PostgreSQL server binaries (initdb, pg_ctl) not found under /usr/lib/postgresql';
  if (process.env.CI) throw new Error(`${message}: the restart suite cannot run in CI without them`);
  console.warn(`\n!!! SKIPPING the PostgreSQL restart suite: ${message} !!!\n`);
}

/** Runs a server binary as the `postgres` OS user when we are root (initdb and postgres refuse root). */
function asPostgres(command: string, args: string[]): string {
  const root = process.getuid?.() === 0;
  const [file, argv] = root ? ['runuser', ['-u', 'postgres', '--', command, ...args]] : [command, args];
  return execFileSync(file, argv, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
}

describe.skipIf(!bin)('PostgresSessionStore: PostgreSQL restarted', () => {
  const dir = mkdtempSync(join(tmpdir(), 'baton-pg-'));
  const data = join(dir, 'data');
  let port = 0;
  let url = '';
  let store: PostgresSessionStore;

  const pgCtl = (...args: string[]): string => asPostgres(join(bin as string, 'pg_ctl'), ['-D', data, ...args]);
  const start = (): string =>
    pgCtl('-w', '-t', '30', '-l', join(dir, 'log'), '-o', `-p ${port} -k /tmp -c listen_addresses=127.0.0.1`, 'start');

  beforeAll(async () => {
    if (process.getuid?.() === 0) {
      const uid = Number(execFileSync('id', ['-u', 'postgres'], { encoding: 'utf8' }).trim());
      const gid = Number(execFileSync('id', ['-g', 'postgres'], { encoding: 'utf8' }).trim());
      chownSync(dir, uid, gid);
    }
    asPostgres(join(bin as string, 'initdb'), ['-D', data, '-A', 'trust', '-U', 'postgres', '-E', 'UTF8', '--no-sync']);
    port = await freePort();
    start();
    url = `postgres://postgres@127.0.0.1:${port}/postgres`;
    await migrate(url);
    store = new PostgresSessionStore({ connectionString: url });
  }, 120_000);

  afterAll(() => {
    void store?.close();
    try {
      pgCtl('-m', 'immediate', 'stop');
    } catch {
      // Already stopped.
    }
    rmSync(dir, { recursive: true, force: true });
  });

  it('keeps every committed session, key, version, transcript entry and claim across a crash-restart', async () => {
    const IDLE = 60_000;
    const ids = Array.from({ length: 5 }, () => randomBytes(16).toString('base64url'));
    for (const [i, id] of ids.entries()) {
      await store.commit(id, {
        ...creating({ n: String(i), text: JSON.stringify('ü'.repeat(1_000)) }),
        expectedVersions: new Map([
          ['n', 0],
          ['text', 0],
        ]),
        transcript: { entries: [`"turn ${i}"`] },
      });
    }
    expect(await store.claim(ids[0] as string, 'approval', 600_000)).toBe(true);

    pgCtl('-m', 'immediate', 'stop'); // no checkpoint: recovery replays the WAL
    await expect(store.load(ids[0] as string, { idleTtlMs: IDLE })).rejects.toMatchObject({
      code: 'SESSION_STORE_UNAVAILABLE',
    });
    start();

    // The pool drops its dead connections as it meets them (each such call is a 503), then serves.
    let back = false;
    for (let i = 0; i < 50 && !back; i++) {
      try {
        await store.ping();
        back = true;
      } catch (error) {
        expect(error).toMatchObject({ code: 'SESSION_STORE_UNAVAILABLE' });
        await sleep(100);
      }
    }
    expect(back).toBe(true);
    for (const [i, id] of ids.entries()) {
      const loaded = await store.load(id, { idleTtlMs: IDLE, transcript: { last: 5 } });
      if (loaded.status !== 'found') throw new Error(`session ${i} is ${loaded.status}`);
      expect(loaded.session.texts).toEqual(
        new Map([
          ['n', String(i)],
          ['text', JSON.stringify('ü'.repeat(1_000))],
        ]),
      );
      expect(loaded.session.versions).toEqual(
        new Map([
          ['n', 1],
          ['text', 1],
        ]),
      );
      expect(loaded.session.transcript?.entries).toEqual([{ seq: 1, text: `"turn ${i}"` }]);
    }
    expect(await store.claim(ids[0] as string, 'approval', 600_000)).toBe(false);
    // Fencing tokens keep increasing after recovery (the sequence survived too).
    const leased = await store.load(ids[1] as string, { idleTtlMs: IDLE, lease: { ttlMs: 5_000, waitMs: 0 } });
    expect(leased.status === 'found' && leased.lease && leased.lease.token > 0).toBe(true);
  });
});
