import { randomBytes } from 'node:crypto';
import { connect, createServer, type Server, type Socket } from 'node:net';
import pg from 'pg';

/** The shared PostgreSQL of the test run (trust auth, database `test`). */
export const DATABASE_URL = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

/** A schema name unique to this test file run (others share the same database at the same time). */
export function uniqueSchema(label: string): string {
  return `baton_test_${label}_${process.pid}_${randomBytes(4).toString('hex')}`;
}

/** Drops a test schema and everything in it. */
export async function dropSchema(schema: string, url = DATABASE_URL): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
  } finally {
    await client.end();
  }
}

/** A commit that creates a session holding `texts`. */
export function creating(texts: Record<string, string> | Map<string, string>, idleTtlMs = 60_000) {
  const now = Date.now();
  return {
    set: texts instanceof Map ? texts : new Map(Object.entries(texts)),
    deleted: [] as string[],
    idleTtlMs,
    create: { createdAt: now, absoluteExpiresAt: now + 3_600_000 },
    absoluteExpiresAt: now + 3_600_000,
  };
}

/** What the database holds for a session, read directly (not through the store). */
export async function rawTexts(schema: string, id: string, url = DATABASE_URL): Promise<Record<string, string>> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query<{ key: string; text: string }>(
      `SELECT key, text FROM "${schema}".baton_entries WHERE session_id = $1 AND text IS NOT NULL ORDER BY key`,
      [id],
    );
    return Object.fromEntries(rows.map((row) => [row.key, row.text]));
  } finally {
    await client.end();
  }
}

/** A free TCP port on 127.0.0.1. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

/**
 * A TCP proxy in front of PostgreSQL, to lose the connection on purpose: `stop()` kills every
 * connection and refuses new ones; `cutNextWrite()` forwards only half of the next chunk a client
 * sends, then kills that connection (the server never gets the whole message, nor its Sync).
 */
export async function startProxy(target = { host: '127.0.0.1', port: 5432 }) {
  const sockets = new Set<Socket>();
  let cut = false;
  let server: Server | undefined;
  const port = await freePort();
  const listen = (): Promise<void> =>
    new Promise((resolve, reject) => {
      const created = createServer((inbound) => {
        const outbound = connect(target.port, target.host);
        sockets.add(inbound);
        sockets.add(outbound);
        const kill = (): void => {
          inbound.destroy();
          outbound.destroy();
          sockets.delete(inbound);
          sockets.delete(outbound);
        };
        inbound.on('data', (chunk: Buffer) => {
          if (cut) {
            cut = false;
            outbound.write(chunk.subarray(0, Math.max(1, chunk.length >> 1)), kill);
            return;
          }
          outbound.write(chunk);
        });
        outbound.on('data', (chunk: Buffer) => inbound.write(chunk));
        inbound.on('error', kill).on('close', kill);
        outbound.on('error', kill).on('close', kill);
      });
      created.once('error', reject);
      created.listen(port, '127.0.0.1', () => {
        server = created;
        resolve();
      });
    });
  await listen();
  return {
    port,
    url: `postgres://postgres@127.0.0.1:${port}/test`,
    cutNextWrite(): void {
      cut = true;
    },
    async stop(): Promise<void> {
      for (const socket of sockets) socket.destroy();
      sockets.clear();
      const closing = server;
      server = undefined;
      if (closing) await new Promise<void>((resolve) => closing.close(() => resolve()));
    },
    start: listen,
  };
}
