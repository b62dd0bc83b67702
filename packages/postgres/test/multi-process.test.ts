/**
 * Three Baton processes on one PostgreSQL (the demo's configuration: BATON_SESSION=postgres), one
 * session: 100 concurrent increments spread over the three, round robin, over real HTTP. Under
 * `lease` every turn sees the one before it, whichever process served it: exactly 100.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type BatonProcess, startMany, stopAll } from '../../../test/cluster/processes.js';
import { migrate } from '../src/index.js';
import { DATABASE_URL, dropSchema, uniqueSchema } from './support.js';

const schema = uniqueSchema('procs');

async function chat(url: string, content: string, sessionId?: string) {
  const res = await fetch(`${url}/api/chat`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      messages: [{ role: 'user', content }],
      ...(sessionId ? { data: { session_id: sessionId } } : {}),
    }),
  });
  // biome-ignore lint/suspicious/noExplicitAny: wire JSON
  return { status: res.status, body: (await res.json()) as any };
}

describe('three Baton processes on PostgreSQL, lease', () => {
  let counters: BatonProcess[];
  beforeAll(async () => {
    await migrate(DATABASE_URL, { schema });
    // A lease lives 3 s (a turn takes milliseconds); a turn waits up to 30 s (100 queue on one session).
    counters = await startMany(3, 'test/cluster/counter-server.ts', {
      BATON_SESSION: 'postgres',
      DATABASE_URL,
      BATON_PG_SCHEMA: schema,
      BATON_CONCURRENCY: 'lease',
      BATON_LEASE_TTL_MS: '3000',
      BATON_LEASE_WAIT_MS: '30000',
    });
  }, 120_000);
  afterAll(async () => {
    await stopAll(counters);
    await dropSchema(schema);
  });

  it('100 concurrent increments of one session from 3 processes: exactly 100', { timeout: 60_000 }, async () => {
    const seed = await chat(counters[0]?.url as string, 'bump');
    expect(seed.status).toBe(200);
    const id = seed.body.data.session_id as string;
    const started = performance.now();
    const replies = await Promise.all(
      Array.from({ length: 100 }, (_, i) => chat(counters[i % 3]?.url as string, 'bump', id)),
    );
    const ms = performance.now() - started;
    expect(replies.filter((r) => r.status !== 200).map((r) => r.body)).toEqual([]);
    const counts = replies.map((r) => r.body.data.session.count as number).sort((a, b) => a - b);
    expect(counts).toEqual(Array.from({ length: 100 }, (_, i) => i + 2));
    const final = await chat(counters[1]?.url as string, 'recall', id);
    expect(final.body.data.session.count).toBe(101);
    console.log(`postgres lease: 100 concurrent increments over 3 processes in ${Math.round(ms)} ms, kept 100/100`);
  });
});
