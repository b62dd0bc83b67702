/**
 * Several Baton processes on one Redis Cluster, one conversation across them: every turn goes to
 * the next process (round robin, as a load balancer without sticky sessions does), over real HTTP.
 * - the deploy wizard (the demo's own server.ts, three processes): completes, approvals work
 *   across processes, the session id flow holds (id in data, header or cookie);
 * - 100 concurrent increments of one session spread over three processes: exactly 100 under
 *   `lease`; under `merge` each is 200 or 409 and the counter equals the successes;
 * - one process killed mid-run: the others keep serving and no committed turn is lost.
 */
import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { deleteClusterKeys } from '../support/redis.js';
import { type BatonProcess, startMany, stopAll } from './processes.js';

const nodes = inject('redisClusterNodes');
const CLUSTER_ENV = { BATON_SESSION: 'redis', REDIS_CLUSTER_NODES: nodes };
const ID = /^[A-Za-z0-9_-]{22}$/;

afterAll(async () => {
  // The processes use the default prefix; this cluster is this run's own.
  await deleteClusterKeys('baton:', nodes);
});

interface Reply {
  status: number;
  headers: Headers;
  // biome-ignore lint/suspicious/noExplicitAny: wire JSON
  body: any;
  ms: number;
}

async function chat(url: string, body: unknown, headers: Record<string, string> = {}): Promise<Reply> {
  const started = performance.now();
  const res = await fetch(`${url}/api/chat`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify(body),
  });
  return { status: res.status, headers: res.headers, body: await res.json(), ms: performance.now() - started };
}

type Carrier = 'data' | 'header' | 'cookie';

/** A HelpDesk client whose every turn goes to the next process; it carries only the session id. */
class RoundRobinClient {
  messages: { role: 'user' | 'assistant'; content: string; data?: unknown }[] = [];
  sessionId: string | undefined;
  cookie: string | undefined;
  servedBy: number[] = [];
  #next: number;

  constructor(
    readonly urls: () => string[],
    readonly carrier: Carrier,
    start = 0,
  ) {
    this.#next = start;
  }

  async say(content: string, toolCalls?: unknown[]): Promise<Reply> {
    const urls = this.urls();
    const at = this.#next++ % urls.length;
    const latest = { role: 'user' as const, content, ...(toolCalls ? { data: { tool_calls: toolCalls } } : {}) };
    const body: Record<string, unknown> = { messages: [...this.messages, latest] };
    const headers: Record<string, string> = {};
    if (this.sessionId !== undefined) {
      if (this.carrier === 'data') body.data = { session_id: this.sessionId };
      if (this.carrier === 'header') headers['x-baton-session'] = this.sessionId;
      if (this.carrier === 'cookie') headers.cookie = this.cookie as string;
    }
    const reply = await chat(urls[at] as string, body, headers);
    this.servedBy.push(at);
    if (reply.status === 200) {
      this.messages.push(latest, { role: 'assistant', content: reply.body.content });
      this.sessionId = reply.body.data.session_id;
      const setCookie = reply.headers.get('set-cookie');
      if (setCookie) this.cookie = setCookie.split(';')[0];
    }
    return reply;
  }
}

describe('the deploy wizard on three demo processes, each turn on the next one', () => {
  let demos: BatonProcess[];
  const urls = () => demos.map((d) => d.url);
  beforeAll(async () => {
    const started = performance.now();
    demos = await startMany(3, 'examples/deploy-wizard/server.ts', CLUSTER_ENV);
    console.log(`3 demo processes up in ${Math.round(performance.now() - started)} ms`);
  });
  afterAll(() => stopAll(demos));

  it.each(['data', 'header', 'cookie'] as const)(
    'deploy -> name -> replicas -> approve, four turns on three processes (id in %s)',
    async (carrier) => {
      const c = new RoundRobinClient(urls, carrier);
      let r = await c.say('deploy');
      expect(r.status).toBe(200);
      expect(r.body.data.session_status).toBe('new');
      expect(r.body.data.session_id).toMatch(ID);
      expect(r.headers.get('set-cookie')).toMatch(/^baton_sid=/);
      const id = c.sessionId;

      r = await c.say('web-api');
      expect(r.body.data).toMatchObject({ session_id: id, session_status: 'resumed' });
      expect(r.body.data.session).toEqual({ wizard_step: 2, service_name: 'web-api' });

      r = await c.say('3');
      expect(r.body.data.session).toEqual({ wizard_step: 3, service_name: 'web-api', replicas: 3 });
      expect(r.body.data.tool_calls).toHaveLength(1);
      const call = r.body.data.tool_calls[0];
      expect(call).toMatchObject({ name: 'execute_deploy', input: { service: 'web-api', replicas: 3 } });

      // Proposed by the third process, approved on the first.
      r = await c.say('', [{ ...call, execute: true }]);
      expect(r.status).toBe(200);
      expect(r.body.content).toBe('Deployed web-api with 3 replicas.');
      expect(r.body.data).toMatchObject({ session_id: id, session_status: 'resumed', session: {} });

      // The same approval again, on yet another process: nothing runs twice.
      r = await c.say('', [{ ...call, execute: true }]);
      expect(r.status).toBe(400);
      expect(r.body.error.code).toBe('APPROVAL_UNKNOWN');
      expect(c.servedBy).toEqual([0, 1, 2, 0, 1]);
    },
  );

  it('a rejection proposed on one process and sent to another cancels the deployment', async () => {
    const c = new RoundRobinClient(urls, 'data', 1);
    await c.say('deploy');
    await c.say('billing');
    const proposed = await c.say('7');
    const call = proposed.body.data.tool_calls[0];
    const r = await c.say('', [{ ...call, execute: false, rejection_reason: 'not today' }]);
    expect(r.status).toBe(200);
    expect(r.body.content).toBe('Deployment cancelled: not today');
    expect(r.body.data.executed_tool_calls).toEqual([]);
    expect(r.body.data.session).toEqual({});
  });

  it('60 conversations at once, each turn on the next process: every wizard completes', async () => {
    const started = performance.now();
    const outcomes = await Promise.all(
      Array.from({ length: 60 }, async (_, i) => {
        const c = new RoundRobinClient(urls, (['data', 'header', 'cookie'] as const)[i % 3] as Carrier, i);
        const statuses = [(await c.say('deploy')).status, (await c.say(`svc-${i}`)).status];
        const proposed = await c.say(String((i % 100) + 1));
        const call = proposed.body.data.tool_calls[0];
        const done = await c.say('', [{ ...call, execute: true }]);
        statuses.push(proposed.status, done.status);
        return { statuses, content: done.body.content, servedBy: new Set(c.servedBy).size };
      }),
    );
    const ms = performance.now() - started;
    for (const [i, o] of outcomes.entries()) {
      expect(o.statuses).toEqual([200, 200, 200, 200]);
      expect(o.content).toBe(`Deployed svc-${i} with ${(i % 100) + 1} replicas.`);
      expect(o.servedBy).toBe(3);
    }
    console.log(`wizard: 60 conversations x 4 turns = 240 turns over 3 processes in ${Math.round(ms)} ms, all 200`);
  });
});

/** A one-message turn of the counting agent; `bump` increments `count`. */
const turn = (content: string, sessionId?: string) => ({
  messages: [{ role: 'user', content }],
  ...(sessionId ? { data: { session_id: sessionId } } : {}),
});

describe('three counter processes, lease (default)', () => {
  let counters: BatonProcess[];
  beforeAll(async () => {
    // A lease lives 3 s (a turn here takes milliseconds), so a turn lost with its process frees
    // the session quickly; a turn waits up to 30 s for the lease (100 turns queue on one session).
    counters = await startMany(3, 'test/cluster/counter-server.ts', {
      ...CLUSTER_ENV,
      BATON_CONCURRENCY: 'lease',
      BATON_LEASE_TTL_MS: '3000',
      BATON_LEASE_WAIT_MS: '30000',
    });
  });
  afterAll(() => stopAll(counters));

  it('100 concurrent increments of one session spread over three processes: exactly 100', async () => {
    const seed = await chat(counters[0]?.url as string, turn('bump'));
    const id = seed.body.data.session_id as string;
    const started = performance.now();
    const replies = await Promise.all(
      Array.from({ length: 100 }, (_, i) => chat(counters[i % 3]?.url as string, turn('bump', id))),
    );
    const ms = performance.now() - started;
    expect(replies.filter((r) => r.status !== 200).map((r) => r.body)).toEqual([]);
    // Each turn saw the one before it, whichever process served it.
    const counts = replies.map((r) => r.body.data.session.count as number).sort((a, b) => a - b);
    expect(counts).toEqual(Array.from({ length: 100 }, (_, i) => i + 2));
    const final = await chat(counters[1]?.url as string, turn('recall', id));
    expect(final.body.data.session.count).toBe(101);
    console.log(`lease: 100 concurrent increments over 3 processes in ${Math.round(ms)} ms, kept 100/100`);
  });

  it('one process killed mid-run: the others keep serving, no committed turn is lost', async () => {
    const SESSIONS = 12;
    const live = [...counters];
    const ids: string[] = [];
    for (let s = 0; s < SESSIONS; s++) {
      ids.push((await chat(live[s % 3]?.url as string, turn('bump'))).body.data.session_id);
    }
    // What each session's client knows for sure: the count of its last 200 (1 after the seed).
    const committed = ids.map(() => 1);
    const unknown = ids.map(() => 0); // turns whose process died before answering
    const statuses: Record<string, number> = {};
    let killedAt = 0;
    let slowestAfterKill = 0;
    let regressions = 0;
    let stop = false;

    const client = async (s: number) => {
      for (let t = s; !stop; t++) {
        const target = live[t % live.length] as BatonProcess;
        let reply: Reply;
        try {
          reply = await chat(target.url, turn('bump', ids[s]));
        } catch {
          // Connection refused or reset: what a load balancer sees; it takes the process out.
          unknown[s] = (unknown[s] ?? 0) + 1;
          statuses.network = (statuses.network ?? 0) + 1;
          const at = live.indexOf(target);
          if (at >= 0) live.splice(at, 1);
          continue;
        }
        statuses[reply.status] = (statuses[reply.status] ?? 0) + 1;
        if (killedAt) slowestAfterKill = Math.max(slowestAfterKill, reply.ms);
        if (reply.status !== 200) continue;
        const count = reply.body.data.session.count as number;
        // Every 200 builds on the last one this client saw (or on a turn of unknown outcome).
        if (count <= (committed[s] as number)) regressions++;
        committed[s] = count;
      }
    };
    const running = Array.from({ length: SESSIONS }, (_, s) => client(s));
    await sleep(1_000);
    const victim = counters[2] as BatonProcess;
    killedAt = performance.now();
    await victim.kill('SIGKILL');
    await sleep(5_000); // past the 3 s lease a killed turn may have left behind
    stop = true;
    await Promise.all(running);

    expect(live).toHaveLength(2);
    expect(live).not.toContain(victim);
    expect(regressions).toBe(0);
    // Only successes, and the turns the dead process never answered: no 409, no 5xx.
    expect(Object.keys(statuses).filter((k) => k !== '200' && k !== 'network')).toEqual([]);
    const finals = await Promise.all(ids.map((id) => chat(counters[0]?.url as string, turn('recall', id))));
    let lost = 0;
    let doubled = 0;
    for (const [s, final] of finals.entries()) {
      const count = final.body.data.session.count as number;
      // Every loop ended on a 200, so the store must hold exactly the last count a client saw.
      if (count < (committed[s] as number)) lost++;
      if (count > (committed[s] as number)) doubled++;
    }
    expect({ lost, doubled }).toEqual({ lost: 0, doubled: 0 });
    const total = committed.reduce((a, b) => a + b, 0);
    console.log(
      `kill one of 3 processes: ${total} committed increments on ${SESSIONS} sessions, statuses ${JSON.stringify(statuses)}, ` +
        `unknown outcomes ${unknown.reduce((a, b) => a + b, 0)}, slowest turn after the kill ${Math.round(slowestAfterKill)} ms, lost 0`,
    );
  });
});

describe('three counter processes, merge', () => {
  let counters: BatonProcess[];
  beforeAll(async () => {
    counters = await startMany(3, 'test/cluster/counter-server.ts', { ...CLUSTER_ENV, BATON_CONCURRENCY: 'merge' });
  });
  afterAll(() => stopAll(counters));

  it('100 concurrent increments over three processes: each 200 or 409 SESSION_CONFLICT, the counter = the 200s', async () => {
    const seed = await chat(counters[0]?.url as string, turn('bump'));
    const id = seed.body.data.session_id as string;
    const replies = await Promise.all(
      Array.from({ length: 100 }, (_, i) => chat(counters[i % 3]?.url as string, turn('bump', id))),
    );
    const ok = replies.filter((r) => r.status === 200);
    const conflicts = replies.filter((r) => r.status === 409);
    expect(ok.length + conflicts.length).toBe(100);
    for (const r of conflicts) expect(r.body.error.code).toBe('SESSION_CONFLICT');
    // No two successes wrote the same count: none overwrote another.
    const counts = ok.map((r) => r.body.data.session.count as number);
    expect(new Set(counts).size).toBe(ok.length);
    const final = await chat(counters[2]?.url as string, turn('recall', id));
    expect(final.body.data.session.count).toBe(1 + ok.length);
    console.log(`merge: 100 concurrent increments over 3 processes: ${ok.length} kept, ${conflicts.length} x 409`);
  });
});
