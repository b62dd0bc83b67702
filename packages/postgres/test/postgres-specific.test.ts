import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import type { CommitRequest, LoadResult, StoredSession } from '@baton/core/store';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { migrate, PostgresSessionStore, SCHEMA_VERSION, schemaNames } from '../src/index.js';
import { MIGRATIONS } from '../src/migrations.js';

/** Every migration's version, oldest first: what a fresh schema gets applied. */
const ALL = MIGRATIONS.map((m) => m.version);

import { creating, DATABASE_URL, dropSchema, rawTexts, startProxy, uniqueSchema } from './support.js';

const schema = uniqueSchema('pg');
const IDLE = 60_000;
const newId = (): string => randomBytes(16).toString('base64url');
const code = (c: string) => expect.objectContaining({ name: 'BatonError', code: c });

let store: PostgresSessionStore;

beforeAll(async () => {
  await migrate(DATABASE_URL, { schema });
  store = new PostgresSessionStore({ connectionString: DATABASE_URL, schema });
});
afterAll(async () => {
  await store?.close();
  await dropSchema(schema);
});

function update(set: Record<string, string>, extra: Partial<CommitRequest> = {}): CommitRequest {
  return {
    set: new Map(Object.entries(set)),
    deleted: [],
    idleTtlMs: IDLE,
    absoluteExpiresAt: Date.now() + 3_600_000,
    ...extra,
  };
}

async function loadFound(id: string, options: Parameters<PostgresSessionStore['load']>[1] = { idleTtlMs: IDLE }) {
  const result = await store.load(id, options);
  expect(result.status).toBe('found');
  return result as Extract<LoadResult, { status: 'found' }>;
}

describe('PostgresSessionStore: conversation memory (transcript)', () => {
  const entry = (n: number): string => JSON.stringify({ role: 'user', content: `message ${n}` });

  it('appends with the keys in one commit, numbers entries from 1 and loads the newest window', async () => {
    const id = newId();
    await store.commit(id, { ...creating({ a: '1' }), transcript: { entries: [entry(1), entry(2)] } });
    await store.commit(id, update({ a: '2' }, { transcript: { entries: [entry(3)] } }));
    const { session } = await loadFound(id, { idleTtlMs: IDLE, transcript: { last: 2 } });
    expect(session.texts.get('a')).toBe('2');
    expect(session.transcript).toEqual({
      entries: [
        { seq: 2, text: entry(2) },
        { seq: 3, text: entry(3) },
      ],
      lastSeq: 3,
      firstSeq: 1,
    });
    // Without the option, no transcript is read.
    expect((await loadFound(id)).session.transcript).toBeUndefined();
  });

  it('trims to maxEntries and maxBytes (oldest first) without renumbering', async () => {
    const id = newId();
    await store.commit(id, { ...creating({}), transcript: { entries: [1, 2, 3, 4, 5].map(entry), maxEntries: 3 } });
    let { session } = await loadFound(id, { idleTtlMs: IDLE, transcript: { last: 10 } });
    expect(session.transcript?.entries.map((e) => e.seq)).toEqual([3, 4, 5]);
    expect(session.transcript?.firstSeq).toBe(3);
    const size = Buffer.byteLength(entry(6), 'utf8');
    await store.commit(id, update({}, { transcript: { entries: [entry(6), 'é'.repeat(4)], maxBytes: size + 8 } }));
    ({ session } = await loadFound(id, { idleTtlMs: IDLE, transcript: { last: 10 } }));
    // 'éééé' is 8 bytes in UTF-8: entry 6 and it fit exactly, nothing older does.
    expect(session.transcript).toEqual({
      entries: [
        { seq: 6, text: entry(6) },
        { seq: 7, text: 'é'.repeat(4) },
      ],
      lastSeq: 7,
      firstSeq: 6,
    });
  });

  it('merge mode: a stale expectedLastSeq is a SESSION_CONFLICT that writes neither keys nor entries', async () => {
    const id = newId();
    await store.commit(id, { ...creating({ a: '1' }), transcript: { entries: [entry(1)] } });
    const seen = (await loadFound(id, { idleTtlMs: IDLE, transcript: { last: 5 } })).session.transcript?.lastSeq;
    expect(seen).toBe(1);
    await store.commit(id, update({ b: '1' }, { transcript: { entries: [entry(2)], expectedLastSeq: 1 } }));
    await expect(
      store.commit(id, update({ a: '"late"' }, { transcript: { entries: [entry(99)], expectedLastSeq: 1 } })),
    ).rejects.toEqual(code('SESSION_CONFLICT'));
    const { session } = await loadFound(id, { idleTtlMs: IDLE, transcript: { last: 5 } });
    expect(session.texts.get('a')).toBe('1');
    expect(session.transcript?.entries.map((e) => e.text)).toEqual([entry(1), entry(2)]);
  });

  it('reads pages backwards with readTranscript, and forgets the transcript on destroy', async () => {
    const id = newId();
    await store.commit(id, { ...creating({}), transcript: { entries: [1, 2, 3, 4, 5].map(entry) } });
    expect(await store.readTranscript(id, { limit: 2 })).toEqual({
      entries: [
        { seq: 4, text: entry(4) },
        { seq: 5, text: entry(5) },
      ],
      lastSeq: 5,
      firstSeq: 1,
    });
    const older = await store.readTranscript(id, { before: 4, limit: 10 });
    expect(older?.entries.map((e) => e.seq)).toEqual([1, 2, 3]);
    expect(await store.readTranscript(newId(), { limit: 2 })).toBeUndefined();
    await store.destroy(id);
    expect(await store.readTranscript(id, { limit: 2 })).toBeUndefined();
    const raw = await rawCount(`SELECT count(*) FROM "${schema}".baton_transcript WHERE session_id = $1`, [id]);
    expect(raw).toBe(0);
  });

  it('readTranscript of an expired session is undefined, and it does not slide the idle timeout', async () => {
    const id = newId();
    await store.commit(id, { ...creating({}, 300), transcript: { entries: [entry(1)] } });
    expect((await store.readTranscript(id, { limit: 1 }))?.lastSeq).toBe(1);
    await new Promise((resolve) => setTimeout(resolve, 400));
    expect(await store.readTranscript(id, { limit: 1 })).toBeUndefined();
    expect((await store.load(id, { idleTtlMs: IDLE })).status).toBe('expired');
  });
});

describe('PostgresSessionStore: migrations', () => {
  it('are idempotent and safe to run from several clients at once (one applies, the rest find it done)', async () => {
    const fresh = uniqueSchema('mig');
    try {
      const results = await Promise.all(Array.from({ length: 4 }, () => migrate(DATABASE_URL, { schema: fresh })));
      expect(results.flatMap((r) => r.applied)).toEqual(ALL);
      expect(results.every((r) => r.version === SCHEMA_VERSION)).toBe(true);
      expect(await migrate(DATABASE_URL, { schema: fresh })).toEqual({ applied: [], version: SCHEMA_VERSION });
      expect(await rawCount(`SELECT count(*) FROM "${fresh}".baton_migrations`)).toBe(MIGRATIONS.length);
    } finally {
      await dropSchema(fresh);
    }
  });

  it('need no superuser: a plain role with CREATE on the database migrates and uses the store', async () => {
    const role = `baton_plain_${randomBytes(4).toString('hex')}`;
    const fresh = uniqueSchema('role');
    const admin = new pg.Client({ connectionString: DATABASE_URL });
    await admin.connect();
    try {
      await admin.query(`CREATE ROLE ${role} LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE`);
      await admin.query(`GRANT CREATE ON DATABASE test TO ${role}`);
      const url = `postgres://${role}@127.0.0.1:5432/test`;
      expect((await migrate(url, { schema: fresh, tablePrefix: 'app_' })).applied).toEqual(ALL);
      const own = new PostgresSessionStore({ connectionString: url, schema: fresh, tablePrefix: 'app_' });
      try {
        const id = newId();
        await own.commit(id, creating({ a: '1' }));
        const loaded = await own.load(id, { idleTtlMs: IDLE, lease: { ttlMs: 1_000, waitMs: 0 } });
        expect(loaded.status).toBe('found');
        expect(await own.claim(id, 'call', 1_000)).toBe(true);
      } finally {
        await own.close();
      }
    } finally {
      await admin.query(`DROP SCHEMA IF EXISTS "${fresh}" CASCADE`);
      await admin.query(`REVOKE CREATE ON DATABASE test FROM ${role}`);
      await admin.query(`DROP ROLE IF EXISTS ${role}`);
      await admin.end();
    }
  });

  it('refuse a schema or prefix that is not a plain identifier (CONFIG_INVALID)', async () => {
    expect(() => schemaNames({ schema: 'a"b' })).toThrow(code('CONFIG_INVALID'));
    expect(() => schemaNames({ tablePrefix: 'x; drop' })).toThrow(code('CONFIG_INVALID'));
    await expect(migrate(DATABASE_URL, { schema: 'Upper' })).rejects.toEqual(code('CONFIG_INVALID'));
    expect(() => new PostgresSessionStore({ connectionString: DATABASE_URL, tablePrefix: '1x' })).toThrow(
      code('CONFIG_INVALID'),
    );
  });

  it('a store on a schema that was never migrated answers 503 naming migrate()', async () => {
    const bare = new PostgresSessionStore({ connectionString: DATABASE_URL, schema: uniqueSchema('none') });
    try {
      const error = await bare.load(newId(), { idleTtlMs: IDLE }).catch((e: unknown) => e);
      expect(error).toEqual(code('SESSION_STORE_UNAVAILABLE'));
      expect((error as Error).message).toMatch(/migrate/);
    } finally {
      await bare.close();
    }
  });
});

describe('PostgresSessionStore: wire cost', () => {
  let pool: pg.Pool;
  let measured: PostgresSessionStore;
  let sent = { queries: 0, bytes: 0 };
  const id = newId();

  beforeAll(async () => {
    // One connection, so every statement goes through the socket counted here.
    pool = new pg.Pool({ connectionString: DATABASE_URL, max: 1 });
    pool.on('connect', (client) => {
      const stream = (client as unknown as { connection: { stream: NodeJS.WritableStream } }).connection.stream;
      const write = stream.write.bind(stream);
      stream.write = ((chunk: string | Uint8Array, ...rest: never[]) => {
        sent.bytes += Buffer.byteLength(chunk);
        return write(chunk, ...rest);
      }) as typeof stream.write;
      const query = client.query.bind(client);
      client.query = ((...args: never[]) => {
        sent.queries++;
        return (query as (...a: never[]) => unknown)(...args);
      }) as typeof client.query;
    });
    measured = new PostgresSessionStore({ pool, schema });
    // A 256 KB session: 64 keys of ~4 KB each.
    const texts = new Map<string, string>();
    for (let i = 0; i < 64; i++) texts.set(`key${i}`, JSON.stringify('x'.repeat(4_090)));
    await measured.commit(id, creating(texts));
    // Warm up: each named statement is parsed once per connection, then only bound and executed.
    const warm = await measured.load(id, { idleTtlMs: IDLE, lease: { ttlMs: 5_000, waitMs: 0 } });
    if (warm.status === 'found' && warm.lease) {
      await measured.commit(id, update({ key0: warm.session.texts.get('key0') as string }, { lease: warm.lease }));
      await measured.renew(id, { idleTtlMs: IDLE, lease: { token: warm.lease.token, ttlMs: 5_000 } });
    }
    await measured.claim(id, 'warm', 1_000);
  });
  afterAll(async () => {
    await measured.close();
    await pool.end();
  });

  async function measure<T>(action: () => Promise<T>): Promise<{ queries: number; bytes: number; result: T }> {
    sent = { queries: 0, bytes: 0 };
    const result = await action();
    return { ...sent, result };
  }

  it('loads a 256 KB session with a lease in one round trip', async () => {
    const load = await measure(() => measured.load(id, { idleTtlMs: IDLE, lease: { ttlMs: 5_000, waitMs: 0 } }));
    expect(load.queries).toBe(1);
    expect(load.result.status).toBe('found');
    const loaded = load.result as Extract<LoadResult, { status: 'found' }>;
    expect(loaded.session.texts.size).toBe(64);
    await measured.release(id, loaded.lease as { token: number });
  });

  it('commits one small change and one deletion of a 256 KB session in one round trip of at most 1 KB', async () => {
    const loaded = await measured.load(id, { idleTtlMs: IDLE, lease: { ttlMs: 5_000, waitMs: 0 } });
    if (loaded.status !== 'found' || !loaded.lease) throw new Error('no lease');
    const commit = await measure(() =>
      measured.commit(id, { ...update({ key3: '"changed"' }, { lease: loaded.lease }), deleted: ['key4'] }),
    );
    expect(commit.queries).toBe(1);
    expect(commit.bytes).toBeLessThanOrEqual(1_024);
    console.info(`commit of 1 change + 1 deletion to a 256 KB session: ${commit.bytes} bytes, 1 round trip`);
    const after = await loadFound(id);
    expect(after.session.texts.get('key3')).toBe('"changed"');
    expect(after.session.texts.has('key4')).toBe(false);
    expect(after.session.texts.size).toBe(63);
  });

  it('renews, claims and releases in one round trip each', async () => {
    const loaded = await measured.load(id, { idleTtlMs: IDLE, lease: { ttlMs: 5_000, waitMs: 0 } });
    if (loaded.status !== 'found' || !loaded.lease) throw new Error('no lease');
    const lease = loaded.lease;
    const renew = await measure(() =>
      measured.renew(id, { idleTtlMs: IDLE, lease: { token: lease.token, ttlMs: 5_000 } }),
    );
    expect(renew).toEqual({ queries: 1, bytes: expect.any(Number), result: true });
    const claim = await measure(() => measured.claim(id, 'nonce-1', 60_000));
    expect(claim).toEqual({ queries: 1, bytes: expect.any(Number), result: true });
    const release = await measure(() => measured.release(id, lease));
    expect(release.queries).toBe(1);
  });
});

describe('PostgresSessionStore: sweep', () => {
  it('deletes sessions past expiredUntil, buries expired ones (tombstone kept), drops old claims, in batches', async () => {
    const own = uniqueSchema('sweep');
    await migrate(DATABASE_URL, { schema: own });
    const sweeper = new PostgresSessionStore({ connectionString: DATABASE_URL, schema: own, sweepBatchSize: 2 });
    try {
      const now = Date.now();
      const gone = [newId(), newId(), newId()];
      const tomb = [newId(), newId()];
      const live = newId();
      for (const id of gone) {
        await sweeper.commit(id, {
          ...creating({ a: '1' }),
          create: { createdAt: now, absoluteExpiresAt: now + 150, expiredUntil: now + 150 },
          absoluteExpiresAt: now + 150,
        });
      }
      for (const id of tomb) {
        await sweeper.commit(id, {
          ...creating({ a: '1' }, 150),
          create: { createdAt: now, absoluteExpiresAt: now + 3_600_000, expiredUntil: now + 3_600_000 },
        });
        await sweeper.commit(id, update({}, { transcript: { entries: ['"x"'] }, idleTtlMs: 150 }));
      }
      await sweeper.commit(live, creating({ a: '1' }));
      await sweeper.claim('scope', 'old', 100);
      await sweeper.claim('scope', 'new', 60_000);
      const log = { turnId: 't', meta: '{}', aliveMs: 100, maxEvents: 10, maxBytes: 1_000 };
      for (const id of gone) {
        await sweeper.openTurnLog(id, { ...log, ttlMs: 100 });
        await sweeper.appendTurnLog(id, 't', ['"a"', '"b"'], 100);
      }
      await sweeper.openTurnLog(live, { ...log, ttlMs: 60_000 });
      await sweeper.appendTurnLog(live, 't', ['"a"'], 100);
      await new Promise((resolve) => setTimeout(resolve, 300));

      expect(await sweeper.sweep()).toEqual({ deleted: 3, buried: 2, claims: 1, turnLogs: 3 });
      expect(await sweeper.sweep()).toEqual({ deleted: 0, buried: 0, claims: 0, turnLogs: 0 });
      expect(await rawCount(`SELECT count(*) FROM "${own}".baton_turn_logs`)).toBe(1);
      expect(await rawCount(`SELECT count(*) FROM "${own}".baton_turn_events`)).toBe(1);
      for (const id of gone) expect(await sweeper.load(id, { idleTtlMs: IDLE })).toEqual({ status: 'missing' });
      for (const id of tomb) expect(await sweeper.load(id, { idleTtlMs: IDLE })).toEqual({ status: 'expired' });
      expect((await sweeper.load(live, { idleTtlMs: IDLE })).status).toBe('found');
      expect(await rawCount(`SELECT count(*) FROM "${own}".baton_sessions`)).toBe(3);
      expect(await rawCount(`SELECT count(*) FROM "${own}".baton_entries`)).toBe(1);
      expect(await rawCount(`SELECT count(*) FROM "${own}".baton_transcript`)).toBe(0);
      expect(await sweeper.claim('scope', 'new', 60_000)).toBe(false);
    } finally {
      await sweeper.close();
      await dropSchema(own);
    }
  });
});

describe('PostgresSessionStore: connection lost', () => {
  it('mid-commit: 503 SESSION_STORE_UNAVAILABLE, nothing written, the lease still the turn’s; it recovers', async () => {
    const proxy = await startProxy();
    const pool = new pg.Pool({ connectionString: proxy.url, max: 1, connectionTimeoutMillis: 2_000 });
    pool.on('error', () => {});
    const viaProxy = new PostgresSessionStore({ pool, schema });
    try {
      const id = newId();
      await viaProxy.commit(id, creating({ a: '"before"', b: '"before"' }));
      const loaded = await viaProxy.load(id, { idleTtlMs: IDLE, lease: { ttlMs: 10_000, waitMs: 0 } });
      if (loaded.status !== 'found' || !loaded.lease) throw new Error('no lease');
      proxy.cutNextWrite();
      const request = update({ a: '"after"', b: '"after"', c: '"new"' }, { lease: loaded.lease });
      await expect(viaProxy.commit(id, request)).rejects.toEqual(code('SESSION_STORE_UNAVAILABLE'));
      expect(await rawTexts(schema, id)).toEqual({ a: '"before"', b: '"before"' });
      // The connection is gone, the turn's lease is not: the pool reconnects and the commit goes through.
      await viaProxy.commit(id, request);
      expect(await rawTexts(schema, id)).toEqual({ a: '"after"', b: '"after"', c: '"new"' });
    } finally {
      await viaProxy.close();
      await pool.end();
      await proxy.stop();
    }
  });

  it('while PostgreSQL is unreachable every method fails fast with 503; the owned pool recovers after', async () => {
    const proxy = await startProxy();
    const viaProxy = new PostgresSessionStore({ connectionString: proxy.url, schema });
    try {
      const id = newId();
      await viaProxy.commit(id, creating({ a: '1' }));
      await proxy.stop();
      for (const action of [
        () => viaProxy.load(id, { idleTtlMs: IDLE }),
        () => viaProxy.load(id, { idleTtlMs: IDLE, lease: { ttlMs: 1_000, waitMs: 1_000 } }),
        () => viaProxy.commit(id, update({ a: '2' })),
        () => viaProxy.claim(id, 'x', 1_000),
        () => viaProxy.ping(),
      ]) {
        const error = await action().catch((e: unknown) => e);
        expect(error).toEqual(code('SESSION_STORE_UNAVAILABLE'));
        expect((error as Error).cause).toBeInstanceOf(Error);
      }
      await proxy.start();
      await viaProxy.ping();
      expect((await viaProxy.load(id, { idleTtlMs: IDLE })).status).toBe('found');
      expect(await rawTexts(schema, id)).toEqual({ a: '1' });
    } finally {
      await viaProxy.close();
      await proxy.stop();
    }
  });

  it('a turn holds no connection: its backends killed (pg_terminate_backend) between load and commit, it commits', async () => {
    const application = `baton_test_${randomBytes(4).toString('hex')}`;
    const pool = new pg.Pool({ connectionString: DATABASE_URL, max: 2, application_name: application });
    pool.on('error', () => {});
    const own = new PostgresSessionStore({ pool, schema });
    const admin = new pg.Client({ connectionString: DATABASE_URL });
    await admin.connect();
    try {
      const id = newId();
      await own.commit(id, creating({ n: '0' }));
      const loaded = await own.load(id, { idleTtlMs: IDLE, lease: { ttlMs: 10_000, waitMs: 0 } });
      if (loaded.status !== 'found' || !loaded.lease) throw new Error('no lease');
      const killed = await admin.query(
        'SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = $1',
        [application],
      );
      expect(killed.rowCount).toBeGreaterThan(0);
      // The pool notices its dead idle clients (an 'error' event) and opens new ones.
      for (let i = 0; i < 50 && pool.totalCount > 0 && pool.idleCount > 0; i++) {
        const error = await own.ping().then(
          () => undefined,
          (e: unknown) => e,
        );
        if (!error) break;
        expect(error).toEqual(code('SESSION_STORE_UNAVAILABLE'));
      }
      await own.commit(id, update({ n: '1' }, { lease: loaded.lease }));
      expect(await rawTexts(schema, id)).toEqual({ n: '1' });
    } finally {
      await admin.end();
      await own.close();
      await pool.end();
    }
  });

  it('fails fast when PostgreSQL was never reachable', async () => {
    const proxy = await startProxy();
    await proxy.stop();
    const nowhere = new PostgresSessionStore({ connectionString: proxy.url, schema });
    try {
      await expect(nowhere.load(newId(), { idleTtlMs: IDLE })).rejects.toEqual(code('SESSION_STORE_UNAVAILABLE'));
      await expect(nowhere.ping()).rejects.toEqual(code('SESSION_STORE_UNAVAILABLE'));
    } finally {
      await nowhere.close();
    }
  });
});

describe('PostgresSessionStore: a crashed turn', () => {
  it('a process killed while holding the lease (after committing a turn) leaves no stuck session past the lease TTL', async () => {
    const id = newId();
    await store.commit(id, creating({ turn: '0' }));
    const fixture = fileURLToPath(new URL('./fixtures/hold-lease.ts', import.meta.url));
    const child = spawn(process.execPath, ['--import', 'tsx', fixture], {
      env: { ...process.env, DATABASE_URL, BATON_PG_SCHEMA: schema, SESSION_ID: id, LEASE_TTL_MS: '1000' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
      output += chunk;
    });
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => {
      output += chunk;
    });
    await new Promise<void>((resolve, reject) => {
      child.stdout.on('data', () => {
        if (output.includes('holding')) resolve();
      });
      child.once('exit', (status) => reject(new Error(`fixture exited (${status}): ${output}`)));
    });
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.kill('SIGKILL'); // a crash: nothing released
    await exited;
    // The dead turn's lease is still there: a turn that cannot wait is refused...
    await expect(store.load(id, { idleTtlMs: IDLE, lease: { ttlMs: 5_000, waitMs: 0 } })).rejects.toEqual(
      code('SESSION_BUSY'),
    );
    // ...and one that waits past the TTL gets the session, with the dead process's committed turn.
    const next = await loadFound(id, { idleTtlMs: IDLE, lease: { ttlMs: 5_000, waitMs: 5_000 } });
    expect(next.session.texts.get('turn')).toBe('1');
    expect(next.lease?.token).toBeGreaterThan(Number(/holding (\d+)/.exec(output)?.[1]));
    await store.commit(id, update({ turn: '2' }, { lease: next.lease }));
    expect((await loadFound(id)).session.texts.get('turn')).toBe('2');
  });
});

describe('PostgresSessionStore: configuration', () => {
  it('uses a pool it is given and leaves it open on close', async () => {
    const pool = new pg.Pool({ connectionString: DATABASE_URL, max: 1 });
    try {
      const own = new PostgresSessionStore({ pool, schema });
      await own.ping();
      await own.close();
      expect((await pool.query('SELECT 1 AS one')).rows[0].one).toBe(1);
      await expect(own.ping()).rejects.toEqual(code('SESSION_STORE_UNAVAILABLE'));
    } finally {
      await pool.end();
    }
  });

  it('needs exactly one of pool or connectionString', () => {
    expect(() => new PostgresSessionStore({})).toThrow(code('CONFIG_INVALID'));
    const pool = new pg.Pool();
    expect(() => new PostgresSessionStore({ pool, connectionString: DATABASE_URL })).toThrow(code('CONFIG_INVALID'));
    void pool.end();
  });

  it('store.migrate() applies the same migrations', async () => {
    const fresh = uniqueSchema('own');
    const own = new PostgresSessionStore({ connectionString: DATABASE_URL, schema: fresh });
    try {
      expect(await own.migrate()).toEqual({ applied: ALL, version: SCHEMA_VERSION });
      expect(await own.migrate()).toEqual({ applied: [], version: SCHEMA_VERSION });
      const id = newId();
      await own.commit(id, creating({ a: '1' }));
      expect(((await own.load(id, { idleTtlMs: IDLE })) as { session: StoredSession }).session.texts.get('a')).toBe(
        '1',
      );
    } finally {
      await own.close();
      await dropSchema(fresh);
    }
  });
});

async function rawCount(sql: string, values: unknown[] = []): Promise<number> {
  const client = new pg.Client({ connectionString: DATABASE_URL });
  await client.connect();
  try {
    const { rows } = await client.query<{ count: string }>(sql, values);
    return Number(rows[0]?.count);
  } finally {
    await client.end();
  }
}
