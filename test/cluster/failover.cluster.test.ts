/**
 * A Redis master dies under load: its replica takes over (cluster-node-timeout 1 s) and Baton
 * carries on after a short 503 window. Its own cluster (3 masters + 3 replicas, started here) so
 * the shared one stays whole; three counter processes send turns round robin throughout.
 */
import { randomBytes } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import type { CommitRequest } from '@baton/core/store';
import { RedisSessionStore } from '@baton/redis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type BatonProcess, startMany, stopAll } from './processes.js';
import { type LocalCluster, startCluster } from './redis-cluster.js';

interface Reply {
  status: number;
  // biome-ignore lint/suspicious/noExplicitAny: wire JSON
  body: any;
}

async function chat(url: string, content: string, sessionId?: string): Promise<Reply> {
  const res = await fetch(`${url}/api/chat`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      messages: [{ role: 'user', content }],
      ...(sessionId ? { data: { session_id: sessionId } } : {}),
    }),
  });
  return { status: res.status, body: await res.json() };
}

function creating(): CommitRequest {
  const now = Date.now();
  const absoluteExpiresAt = now + 60_000;
  return {
    set: new Map([['k', '1']]),
    deleted: [],
    idleTtlMs: 60_000,
    create: { createdAt: now, absoluteExpiresAt },
    absoluteExpiresAt,
  };
}

describe('failover: a master killed under load', () => {
  let cluster: LocalCluster;
  let counters: BatonProcess[];
  beforeAll(async () => {
    const started = performance.now();
    cluster = await startCluster({ masters: 3, replicasPerMaster: 1, nodeTimeoutMs: 1_000 });
    counters = await startMany(3, 'test/cluster/counter-server.ts', {
      BATON_SESSION: 'redis',
      REDIS_CLUSTER_NODES: cluster.spec,
      // A turn caught by the kill may leave its lease behind: it lapses after 3 s, and turns wait 10 s.
      BATON_LEASE_TTL_MS: '3000',
      BATON_LEASE_WAIT_MS: '10000',
    });
    console.log(`failover: 3+3 cluster and 3 processes up in ${Math.round(performance.now() - started)} ms`);
  });
  afterAll(async () => {
    await stopAll(counters);
    await cluster?.stop();
  });

  it('waitForReplicas: each commit waits for the replica of its own master (WAIT routed by slot)', async () => {
    const nodes = cluster.spec.split(',');
    const one = new RedisSessionStore({ cluster: nodes, waitForReplicas: { replicas: 1, timeoutMs: 1_000 } });
    const two = new RedisSessionStore({ cluster: nodes, waitForReplicas: { replicas: 2, timeoutMs: 50 } });
    try {
      const started = performance.now();
      for (let i = 0; i < 30; i++) await one.commit(randomBytes(16).toString('base64url'), creating());
      const ms = performance.now() - started;
      // Each master has one replica: asking for two can only time out.
      await expect(two.commit(randomBytes(16).toString('base64url'), creating())).rejects.toMatchObject({
        code: 'SESSION_STORE_UNAVAILABLE',
        details: { acknowledged: 1, replicas: 2 },
      });
      console.log(`waitForReplicas 1: 30 commits acknowledged by a replica in ${Math.round(ms)} ms`);
    } finally {
      await one.close();
      await two.close();
    }
  });

  it('turns continue after a short 503 window; committed sessions are intact', async () => {
    const urls = counters.map((c) => c.url);
    // Sessions that only sit there: each remembers a token, committed before the failover.
    const idle = await Promise.all(
      Array.from({ length: 30 }, async (_, i) => {
        const r = await chat(urls[i % 3] as string, `remember token-${i}`);
        expect(r.status).toBe(200);
        return r.body.data.session_id as string;
      }),
    );
    // Sessions that keep counting through the failover.
    const SESSIONS = 12;
    const ids: string[] = [];
    for (let s = 0; s < SESSIONS; s++) ids.push((await chat(urls[s % 3] as string, 'bump')).body.data.session_id);

    const victim = await cluster.masterOfKey(`baton:s:{${ids[0]}}`);
    const onVictim = await Promise.all(
      [...ids, ...idle].map(async (id) => (await cluster.masterOfKey(`baton:s:{${id}}`)) === victim),
    );
    const committed = ids.map(() => 1);
    const failures: { at: number; status: number; code: string }[] = [];
    let regressions = 0;
    let ok = 0;
    let okAfterKill = 0;
    let killedAt = 0;
    let slowest = 0;
    let stop = false;
    const client = async (s: number) => {
      for (let t = s; !stop; t++) {
        const sent = performance.now();
        const r = await chat(urls[t % 3] as string, 'bump', ids[s]);
        if (killedAt) slowest = Math.max(slowest, performance.now() - sent);
        if (r.status !== 200) {
          failures.push({ at: performance.now() - killedAt, status: r.status, code: r.body.error?.code });
          await sleep(50); // a client backing off a 503
          continue;
        }
        ok++;
        if (killedAt) okAfterKill++;
        const count = r.body.data.session.count as number;
        if (count <= (committed[s] as number)) regressions++;
        committed[s] = count;
      }
    };
    const running = Array.from({ length: SESSIONS }, (_, s) => client(s));
    await sleep(1_000);
    killedAt = performance.now();
    await cluster.kill(victim, 'SIGKILL');

    // Wait for a replica to take the victim's slots over, then keep the load on a little longer.
    let promotedAfter = 0;
    const slot0 = `baton:s:{${ids[0]}}`;
    while (performance.now() - killedAt < 30_000) {
      const owner = await cluster.masterOfKey(slot0).catch(() => victim);
      if (owner !== victim) {
        promotedAfter = performance.now() - killedAt;
        break;
      }
      await sleep(50);
    }
    expect(promotedAfter, 'no replica took over within 30 s').toBeGreaterThan(0);
    await sleep(4_000);
    stop = true;
    await Promise.all(running);

    // Every session answers again, on every process, and nothing committed went missing.
    const okBeforeEnd = okAfterKill;
    expect(okBeforeEnd).toBeGreaterThan(0);
    expect(regressions).toBe(0);
    for (const [s, id] of ids.entries()) {
      const r = await chat(urls[s % 3] as string, 'recall', id);
      expect(r.status).toBe(200);
      expect(r.body.data.session.count).toBe(committed[s]);
    }
    for (const [i, id] of idle.entries()) {
      const r = await chat(urls[(i + 1) % 3] as string, 'recall', id);
      expect(r.status).toBe(200);
      expect(r.body.content).toBe(`token=token-${i}`);
      expect(r.body.data.session_id).toBe(id);
    }
    const unexpected = failures.filter((f) => f.status !== 503 || f.code !== 'SESSION_STORE_UNAVAILABLE');
    expect(unexpected).toEqual([]);
    const window = failures.length > 0 ? Math.max(...failures.map((f) => f.at)) : 0;
    expect(window).toBeLessThan(10_000);
    console.log(
      `failover: master :${victim} killed (${onVictim.filter(Boolean).length} of ${onVictim.length} sessions on it); ` +
        `replica promoted after ${Math.round(promotedAfter)} ms; ${failures.length} turns got 503, the last ` +
        `${Math.round(window)} ms after the kill; slowest turn ${Math.round(slowest)} ms; ${ok} turns ok (${okAfterKill} after the kill); ` +
        `${SESSIONS + idle.length} sessions intact, 0 committed turns lost`,
    );
  });
});
