/**
 * A turn's promises under stress, over real HTTP (memory and Redis stores): a lease lives as long
 * as its turn (renewed by a heartbeat), an approved tool runs at most once (claimed before it
 * starts, in lease and merge mode), and a turn may outlast the idle timeout.
 */
import { setTimeout as sleep } from 'node:timers/promises';
import { Agent, MemorySessionStore, SessionManager, type SessionStore, scriptedModel, tool } from '@baton/core';
import type { RenewRequest } from '@baton/core/store';
import { RedisSessionStore } from '@baton/redis';
import { afterAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { deleteKeys, uniquePrefix } from '../support/redis.js';
import { post, REDIS_URL, startServer, type TestServer, turn } from './helpers.js';

const prefix = uniquePrefix('baton-lease');
afterAll(async () => {
  await deleteKeys(prefix);
});

/** How often each tool really ran, per service name (every test uses names of its own). */
const runs = new Map<string, number>();
const ran = (name: string) => runs.get(name) ?? 0;
let counter = 0;
const unique = (what: string) => `${what}-${++counter}`;

/**
 * - "deploy <name> <ms>" proposes `deploy` (requires approval), which runs for <ms> and then the
 *   model calls `notify` (no approval) before answering.
 * - "work <name> <ms>" runs `work` (no approval) for <ms>, which writes `worked`.
 */
function leaseAgent() {
  return new Agent({
    model: scriptedModel(
      [
        {
          when: (ctx) => ctx.toolResults.at(-1)?.toolName === 'deploy',
          reply: (ctx) => {
            const { name } = (ctx.toolResults.at(-1)?.output ?? {}) as { name: string };
            return { toolCalls: [{ name: 'notify', input: { name } }] };
          },
        },
        { when: (ctx) => ctx.toolResults.length > 0, reply: (ctx) => `done: ${ctx.toolResults.at(-1)?.toolName}` },
        {
          when: /^deploy /,
          reply: (ctx) => {
            const [, name, ms] = ctx.text.split(' ');
            return { toolCalls: [{ name: 'deploy', input: { name, ms: Number(ms) } }] };
          },
        },
        {
          when: /^work /,
          reply: (ctx) => {
            const [, name, ms] = ctx.text.split(' ');
            return { toolCalls: [{ name: 'work', input: { name, ms: Number(ms) } }] };
          },
        },
      ],
      { fallback: 'ok' },
    ),
    tools: [
      tool({
        name: 'deploy',
        description: 'Deploys (slowly; ignores aborts, as a real deploy would).',
        input: z.object({ name: z.string(), ms: z.number() }),
        requiresApproval: true,
        execute: async ({ name, ms }, { session }) => {
          runs.set(name, ran(name) + 1);
          await sleep(ms);
          session.set('deployed', name);
          return { name };
        },
      }),
      tool({
        name: 'notify',
        description: 'Runs after a deploy.',
        input: z.object({ name: z.string() }),
        execute: ({ name }) => {
          runs.set(`notify:${name}`, ran(`notify:${name}`) + 1);
          return { ok: true };
        },
      }),
      tool({
        name: 'work',
        description: 'Works for a while.',
        input: z.object({ name: z.string(), ms: z.number() }),
        execute: async ({ name, ms }, { session }) => {
          runs.set(name, ran(name) + 1);
          await sleep(ms);
          session.set('worked', name);
          return { name };
        },
      }),
    ],
  });
}

/** A memory store whose heartbeat can be refused on demand (the lease "lost" without a takeover). */
class RefusingStore extends MemorySessionStore {
  refuse = false;
  override async renew(id: string, request: RenewRequest): Promise<boolean> {
    if (this.refuse && request.lease) return false;
    return super.renew(id, request);
  }
}

const stores: [string, () => SessionStore][] = [
  ['memory', () => new MemorySessionStore()],
  ['redis', () => new RedisSessionStore({ url: REDIS_URL, prefix })],
];

async function serve(
  store: SessionStore,
  options: { concurrency?: 'lease' | 'merge'; leaseTtlMs?: number; idleTimeoutMs?: number } = {},
): Promise<TestServer> {
  const sessions = new SessionManager({ mode: 'server', store, leaseWaitMs: 5_000, ...options });
  return startServer(leaseAgent(), sessions);
}

/** Proposes a deploy of `name` running `ms`; returns the session id and the proposed call. */
async function propose(server: TestServer, name: string, ms: number) {
  const reply = await post(server.url, turn(`deploy ${name} ${ms}`));
  expect(reply.status, reply.text).toBe(200);
  const [call] = reply.body.data.tool_calls;
  expect(call).toMatchObject({ name: 'deploy', input: { name, ms } });
  return { id: reply.body.data.session_id as string, call };
}

function approve(server: TestServer, id: string, call: { id: string; name: string; input: unknown }) {
  return post(server.url, {
    messages: [{ role: 'user', content: '', data: { tool_calls: [{ ...call, execute: true }] } }],
    data: { session_id: id },
  });
}

for (const [kind, makeStore] of stores) {
  describe(`an approved tool runs at most once (${kind})`, () => {
    it('a 1.5 s deploy under a 1 s lease: the lease is renewed, a repeated approval cannot run it again', async () => {
      const server = await serve(makeStore(), { leaseTtlMs: 1_000 });
      try {
        const name = unique('slow-deploy');
        const { id, call } = await propose(server, name, 1_500);
        const first = approve(server, id, call);
        await sleep(1_100); // past the lease TTL: without renewal the lease has lapsed by now
        const repeated = await approve(server, id, call);
        const answered = await first;
        expect(answered.status, answered.text).toBe(200);
        expect(answered.body.data.executed_tool_calls.map((c: { name: string }) => c.name)).toEqual([
          'deploy',
          'notify',
        ]);
        expect(answered.body.data.session).toMatchObject({ deployed: name });
        // The repeat waited for the lease, then found nothing to approve.
        expect(repeated.status, repeated.text).toBe(400);
        expect(repeated.body.error.code).toBe('APPROVAL_UNKNOWN');
        expect(ran(name)).toBe(1);
        // A replay after success: refused, nothing runs.
        const replay = await approve(server, id, call);
        expect(replay.status).toBe(400);
        expect(replay.body.error.code).toBe('APPROVAL_UNKNOWN');
        expect(ran(name)).toBe(1);
      } finally {
        await server.close();
      }
    });

    for (const concurrency of ['lease', 'merge'] as const) {
      it(`two concurrent identical approvals (${concurrency}): exactly one run, the other is APPROVAL_UNKNOWN`, async () => {
        const server = await serve(makeStore(), { concurrency });
        try {
          const name = unique(`race-${concurrency}`);
          const { id, call } = await propose(server, name, 200);
          const replies = await Promise.all([approve(server, id, call), approve(server, id, call)]);
          const statuses = replies.map((r) => r.status).sort();
          expect(statuses, replies.map((r) => r.text).join('\n')).toEqual([200, 400]);
          expect(replies.find((r) => r.status === 400)?.body.error.code).toBe('APPROVAL_UNKNOWN');
          expect(ran(name)).toBe(1);
          const replay = await approve(server, id, call);
          expect(replay.status).toBe(400);
          expect(replay.body.error.code).toBe('APPROVAL_UNKNOWN');
          expect(ran(name)).toBe(1);
        } finally {
          await server.close();
        }
      });
    }
  });

  describe(`a turn longer than the idle timeout (${kind})`, () => {
    for (const concurrency of ['lease', 'merge'] as const) {
      it(`idle 500 ms, a 1 s tool (${concurrency}): 200 and committed`, async () => {
        const server = await serve(makeStore(), { concurrency, idleTimeoutMs: 500 });
        try {
          const created = await post(server.url, turn(`work ${unique('seed')} 0`));
          const id = created.body.data.session_id as string;
          const name = unique(`long-${concurrency}`);
          const reply = await post(server.url, turn(`work ${name} 1000`, { session_id: id }));
          expect(reply.status, reply.text).toBe(200);
          expect(reply.body.data.session).toEqual({ worked: name });
          const next = await post(server.url, turn('hello', { session_id: id }));
          expect(next.body.data).toMatchObject({
            session_id: id,
            session_status: 'resumed',
            session: { worked: name },
          });
        } finally {
          await server.close();
        }
      });
    }
  });
}

describe('a lost lease stops the turn, and the approval stays used', () => {
  it('memory: a refused renewal -> 409 SESSION_LEASE_LOST at once, no tool after it, a retry cannot run it again', async () => {
    const store = new RefusingStore();
    const server = await serve(store, { leaseTtlMs: 600 });
    try {
      const name = unique('lost-memory');
      const { id, call } = await propose(server, name, 800);
      const answer = approve(server, id, call);
      await sleep(100);
      store.refuse = true; // the next heartbeat (at ~200 ms) is refused
      const lost = await answer;
      store.refuse = false;
      expect(lost.status, lost.text).toBe(409);
      expect(lost.body.error.code).toBe('SESSION_LEASE_LOST');
      expect(lost.ms).toBeLessThan(700); // stopped at the refusal, not after the 800 ms deploy
      await sleep(900); // the deploy (already started) finishes; the turn must not go on
      expect(ran(name)).toBe(1);
      expect(ran(`notify:${name}`)).toBe(0);
      const retry = await approve(server, id, call);
      expect(retry.status, retry.text).toBe(400);
      expect(retry.body.error).toMatchObject({ code: 'APPROVAL_UNKNOWN', details: { reason: 'consumed' } });
      expect(ran(name)).toBe(1);
    } finally {
      await server.close();
    }
  });

  it('redis: the lease key taken away mid-deploy -> 409 SESSION_LEASE_LOST, the retry cannot run it again', async () => {
    const store = new RedisSessionStore({ url: REDIS_URL, prefix });
    const server = await serve(store, { leaseTtlMs: 600 });
    try {
      const name = unique('lost-redis');
      const { id, call } = await propose(server, name, 800);
      const answer = approve(server, id, call);
      await sleep(100);
      // As if it had lapsed during a long pause (the lease lives in the hash: `m:e` is its end).
      await store.client.hset(store.sessionKey(id), 'm:e', '0');
      const lost = await answer;
      expect(lost.status, lost.text).toBe(409);
      expect(lost.body.error.code).toBe('SESSION_LEASE_LOST');
      await sleep(900);
      expect(ran(name)).toBe(1);
      expect(ran(`notify:${name}`)).toBe(0);
      const retry = await approve(server, id, call);
      expect(retry.status, retry.text).toBe(400);
      expect(retry.body.error).toMatchObject({ code: 'APPROVAL_UNKNOWN', details: { reason: 'consumed' } });
      expect(ran(name)).toBe(1);
      // The session itself is intact: nothing of the lost turn was committed.
      const next = await post(server.url, turn('hello', { session_id: id }));
      expect(next.body.data.session).toEqual({});
    } finally {
      await server.close();
    }
  });
});
