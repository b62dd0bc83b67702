/**
 * Fault injection over real HTTP (server mode, memory store, lease concurrency): a tool, the
 * model, a request interceptor, a response interceptor, a turn hook and the store each throw or
 * hang. The turn must fail with the right code, commit nothing, release its lease, and the next
 * turn must see the previous session.
 */
import { Agent, BatonError, ChatHandler, type Model, SessionManager, type SessionStore, tool } from '@baton/core';
import type { Lease, LoadOptions } from '@baton/core/store';
import { RedisSessionStore } from '@baton/redis';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { ForwardingStore } from '../support/forwarding-store.js';
import { type CounterSession, counterModel, health, post, startServer, type TestServer, turn } from './helpers.js';

type Where = 'tool' | 'model' | 'request' | 'response' | 'turn';
type How = 'throw' | 'hang-signal' | 'hang-ignore';
type StoreOp = 'load' | 'commit' | 'release';

let fault: { where: Where; how: How } | undefined;
let storeFault: { op: StoreOp; how: How } | undefined;
const LEASE_WAIT_MS = 1_500;

/** Throws, hangs until the signal aborts, or hangs forever. */
function act(how: How, signal: AbortSignal | undefined): Promise<never> {
  if (how === 'throw') return Promise.reject(new Error('injected failure'));
  if (how === 'hang-ignore') return new Promise<never>(() => {});
  return new Promise<never>((_, reject) => {
    signal?.addEventListener('abort', () => reject(signal.reason), { once: true });
  });
}
const at = (where: Where, signal?: AbortSignal) => (fault?.where === where ? act(fault.how, signal) : undefined);

function faultyAgent(onToolError: 'continue' | 'fail' = 'fail'): Agent<CounterSession> {
  const inner = counterModel();
  const model: Model = {
    id: 'faulty',
    async generate(call) {
      await at('model', call.signal);
      return inner.generate(call);
    },
  };
  return new Agent<CounterSession>({
    model,
    onToolError,
    tools: [
      tool({
        name: 'bump',
        description: 'Increment the counter.',
        input: z.object({}),
        execute: async (_input, { session, signal }) => {
          session.set('count', ((session.get('count') as number | undefined) ?? 0) + 1);
          await at('tool', signal); // fails after the write: the write must not be committed
          return { count: session.get('count') };
        },
      }),
    ],
    requestInterceptors: [
      async (_request, { session, signal }) => {
        if (fault?.where !== 'request') return;
        session.set('token', 'written by a failing interceptor');
        await at('request', signal);
      },
    ],
    responseInterceptors: [
      async (_response, { signal }) => {
        await at('response', signal);
      },
    ],
    plugins: [
      {
        name: 'faulty-turn-hook',
        turn: async (ctx, next) => {
          await next();
          await at('turn', ctx.signal);
        },
      },
    ],
  });
}

/** A memory store that throws or hangs on demand. */
class FaultyStore extends ForwardingStore {
  async #gate(op: StoreOp, signal?: AbortSignal) {
    if (storeFault?.op === op) await act(storeFault.how, signal);
  }
  override async load(id: string, options: LoadOptions) {
    await this.#gate('load', options.signal);
    return super.load(id, options);
  }
  override async commit(id: string, request: Parameters<SessionStore['commit']>[1]) {
    await this.#gate('commit');
    return super.commit(id, request);
  }
  override async release(id: string, lease: Lease) {
    await this.#gate('release');
    return super.release(id, lease);
  }
}

let server: TestServer;
let handler: ChatHandler<CounterSession>;

async function bump(id?: string, init: { signal?: AbortSignal } = {}) {
  return post(server.url, turn('bump', id ? { session_id: id } : undefined), init);
}

/** A session with count = 1. */
async function seed(): Promise<string> {
  const reply = await bump();
  expect(reply.status).toBe(200);
  expect(reply.body.data.session).toEqual({ count: 1 });
  return reply.body.data.session_id as string;
}

/** With faults cleared, the next turn goes through quickly and sees count = 1 (nothing was committed). */
async function expectUntouched(id: string) {
  fault = undefined;
  storeFault = undefined;
  const reply = await bump(id);
  expect(reply.status, reply.text).toBe(200);
  expect(reply.body.data.session_status).toBe('resumed');
  expect(reply.body.data.session).toEqual({ count: 2 });
  expect(reply.ms, 'the lease was released: no wait').toBeLessThan(LEASE_WAIT_MS / 2);
  expect(await health(server.url)).toBe(200);
}

/** Sends a turn, then goes away after `ms` (the client disconnects mid-turn). */
async function abandon(id: string, ms = 150) {
  const controller = new AbortController();
  const pending = bump(id, { signal: controller.signal });
  setTimeout(() => controller.abort(), ms);
  await expect(pending).rejects.toThrow();
  await new Promise((resolve) => setTimeout(resolve, 50)); // let the server see the close
}

describe('faults over HTTP (server mode, memory store, lease)', () => {
  beforeAll(async () => {
    const sessions = new SessionManager({ mode: 'server', store: new FaultyStore(), leaseWaitMs: LEASE_WAIT_MS });
    server = await startServer(faultyAgent(), sessions);
    handler = new ChatHandler(faultyAgent(), { sessions, onError: () => {} });
  });
  afterAll(async () => {
    await server?.close();
  });
  afterEach(() => {
    fault = undefined;
    storeFault = undefined;
  });

  const throwing: [Where, number, string][] = [
    ['tool', 500, 'INTERNAL'],
    ['model', 502, 'MODEL_ERROR'],
    ['request', 500, 'INTERNAL'],
    ['response', 500, 'INTERNAL'],
    ['turn', 500, 'INTERNAL'],
  ];
  for (const [where, status, code] of throwing) {
    it(`a throwing ${where} -> ${status} ${code}, nothing committed, next turn sees the previous session`, async () => {
      const id = await seed();
      fault = { where, how: 'throw' };
      const reply = await bump(id);
      expect(reply.status, reply.text).toBe(status);
      expect(reply.body.error.code).toBe(code);
      expect(reply.text).not.toMatch(/at .*\.ts:\d+/); // no stack traces in bodies
      await expectUntouched(id);
    });
  }

  it('a failing model: the 502 body does not echo the provider error message (it may carry secrets)', async () => {
    const id = await seed();
    fault = { where: 'model', how: 'throw' };
    const reply = await bump(id);
    expect(reply.body.error.code).toBe('MODEL_ERROR');
    expect(reply.text).not.toContain('injected failure');
    await expectUntouched(id);
  });

  for (const where of ['tool', 'model', 'request', 'response', 'turn'] as const) {
    for (const how of ['hang-signal', 'hang-ignore'] as const) {
      it(`a ${where} that hangs (${how === 'hang-signal' ? 'respecting' : 'ignoring'} the signal): client gone -> lease released, nothing committed`, async () => {
        const id = await seed();
        fault = { where, how };
        await abandon(id);
        await expectUntouched(id);
      });

      it(`a ${where} that hangs (${how}): the aborted turn fails with TURN_ABORTED (499)`, async () => {
        const id = await seed();
        fault = { where, how };
        const controller = new AbortController();
        const t = await handler.begin(turn('bump', { session_id: id }), { signal: controller.signal });
        setTimeout(() => controller.abort(new BatonError('TURN_ABORTED', 'The client went away')), 50);
        const error = await t.respond().then(
          () => undefined,
          (e: unknown) => e,
        );
        expect(error).toBeInstanceOf(BatonError);
        expect((error as BatonError).code).toBe('TURN_ABORTED');
        expect((error as BatonError).status).toBe(499);
        await expectUntouched(id);
      });
    }
  }

  it('a tool that throws with onToolError "continue": 200, the error goes to the model, the turn still commits', async () => {
    const other = await startServer(faultyAgent('continue'), new SessionManager({ mode: 'server' }));
    try {
      fault = { where: 'tool', how: 'throw' };
      const reply = await post(other.url, turn('bump'));
      expect(reply.status).toBe(200);
      expect(reply.body.data.executed_tool_calls[0].is_error).toBe(true);
      expect(reply.body.content).toContain('injected failure');
    } finally {
      await other.close();
    }
  });

  it('a model failure in a streamed turn ends the stream with an error event (MODEL_ERROR), nothing committed', async () => {
    const id = await seed();
    fault = { where: 'model', how: 'throw' };
    const reply = await post(server.url, turn('bump', { session_id: id }), { path: '/api/chat-stream' });
    expect(reply.status).toBe(200);
    const events = reply.text
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as { type: string; code?: string });
    expect(events.at(-1)).toMatchObject({ type: 'error', code: 'MODEL_ERROR' });
    await expectUntouched(id);
  });

  // ---- the store -------------------------------------------------------------------------------

  it('a store whose load throws -> 503 SESSION_STORE_UNAVAILABLE, next turn sees the previous session', async () => {
    const id = await seed();
    storeFault = { op: 'load', how: 'throw' };
    const reply = await bump(id);
    expect(reply.status).toBe(503);
    expect(reply.body.error.code).toBe('SESSION_STORE_UNAVAILABLE');
    await expectUntouched(id);
  });

  it('a store whose commit throws -> 503, nothing committed, and the lease is released (no SESSION_BUSY next)', async () => {
    const id = await seed();
    storeFault = { op: 'commit', how: 'throw' };
    const reply = await bump(id);
    expect(reply.status).toBe(503);
    expect(reply.body.error.code).toBe('SESSION_STORE_UNAVAILABLE');
    await expectUntouched(id);
  });

  it('a store whose commit throws on a streamed turn -> error event, lease released', async () => {
    const id = await seed();
    storeFault = { op: 'commit', how: 'throw' };
    const reply = await post(server.url, turn('bump', { session_id: id }), { path: '/api/chat-stream' });
    const last = JSON.parse(reply.text.trim().split('\n').at(-1) as string) as { type: string; code: string };
    expect(last).toMatchObject({ type: 'error', code: 'SESSION_STORE_UNAVAILABLE' });
    await expectUntouched(id);
  });

  it('a store whose release throws on a failed turn -> the turn keeps its own error code', async () => {
    const id = await seed();
    fault = { where: 'model', how: 'throw' };
    storeFault = { op: 'release', how: 'throw' };
    const reply = await bump(id);
    expect(reply.status).toBe(502);
    expect(reply.body.error.code).toBe('MODEL_ERROR');
    storeFault = undefined;
    fault = undefined;
  });

  for (const how of ['hang-signal', 'hang-ignore'] as const) {
    it(`a store whose load hangs (${how}): client gone -> next turn goes through`, async () => {
      const id = await seed();
      storeFault = { op: 'load', how };
      await abandon(id);
      await expectUntouched(id);
    });
  }

  it('a store whose commit hangs: client gone -> the lease lapses after leaseTtlMs, then turns go through (no server-side timeout)', async () => {
    const sessions = new SessionManager({
      mode: 'server',
      store: new FaultyStore(),
      leaseWaitMs: 500,
      leaseTtlMs: 1_500,
    });
    const other = await startServer(faultyAgent(), sessions);
    try {
      const first = await post(other.url, turn('bump'));
      const id = first.body.data.session_id as string;
      storeFault = { op: 'commit', how: 'hang-ignore' };
      const controller = new AbortController();
      const pending = post(other.url, turn('bump', { session_id: id }), { signal: controller.signal });
      setTimeout(() => controller.abort(), 150);
      await expect(pending).rejects.toThrow();
      storeFault = undefined;
      const started = Date.now();
      let reply = await post(other.url, turn('bump', { session_id: id }));
      while (reply.status === 409 && Date.now() - started < 5_000)
        reply = await post(other.url, turn('bump', { session_id: id }));
      expect(reply.status).toBe(200);
      expect(reply.body.data.session).toEqual({ count: 2 });
      expect(Date.now() - started).toBeLessThan(3_000);
    } finally {
      await other.close();
    }
  });
});

describe('the server-side turn deadline (turnTimeoutMs)', () => {
  let timed: TestServer;
  beforeAll(async () => {
    const sessions = new SessionManager({ mode: 'server', store: new FaultyStore(), leaseWaitMs: LEASE_WAIT_MS });
    timed = await startServer(faultyAgent(), sessions, { router: { turnTimeoutMs: 300 } });
  });
  afterAll(async () => {
    await timed?.close();
  });
  afterEach(() => {
    fault = undefined;
    storeFault = undefined;
  });

  async function timedSeed() {
    const reply = await post(timed.url, turn('bump'));
    expect(reply.status).toBe(200);
    return reply.body.data.session_id as string;
  }
  async function timedUntouched(id: string) {
    fault = undefined;
    storeFault = undefined;
    const reply = await post(timed.url, turn('bump', { session_id: id }));
    expect(reply.status, reply.text).toBe(200);
    expect(reply.body.data.session).toEqual({ count: 2 });
    expect(reply.ms).toBeLessThan(LEASE_WAIT_MS / 2);
  }

  for (const where of ['tool', 'model', 'request', 'response', 'turn'] as const) {
    it(`a ${where} hanging (ignoring the signal) -> 504 TURN_TIMEOUT, nothing committed, lease released`, async () => {
      const id = await timedSeed();
      fault = { where, how: 'hang-ignore' };
      const reply = await post(timed.url, turn('bump', { session_id: id }));
      expect(reply.status).toBe(504);
      expect(reply.body.error.code).toBe('TURN_TIMEOUT');
      expect(reply.ms).toBeLessThan(1_500);
      await timedUntouched(id);
    });
  }

  it('a store whose load hangs (ignoring the signal) -> 504 TURN_TIMEOUT', async () => {
    const id = await timedSeed();
    storeFault = { op: 'load', how: 'hang-ignore' };
    const reply = await post(timed.url, turn('bump', { session_id: id }), { signal: AbortSignal.timeout(3_000) });
    expect(reply.status).toBe(504);
    expect(reply.body.error.code).toBe('TURN_TIMEOUT');
    await timedUntouched(id);
  });

  it('a store whose commit hangs -> 504 TURN_TIMEOUT within the deadline, not a request that never ends', async () => {
    const id = await timedSeed();
    storeFault = { op: 'commit', how: 'hang-ignore' };
    const reply = await post(timed.url, turn('bump', { session_id: id }), { signal: AbortSignal.timeout(3_000) }).catch(
      (error: unknown) => ({
        status: 0,
        body: { error: { code: `no answer in 3 s (${(error as Error).name})` } },
        ms: 3_000,
      }),
    );
    expect(reply.body.error.code).toBe('TURN_TIMEOUT');
    expect(reply.status).toBe(504);
  });
});

describe('an unreachable Redis store', () => {
  let down: TestServer;
  beforeAll(async () => {
    const store = new RedisSessionStore({ url: 'redis://127.0.0.1:1', prefix: 'baton-rel-down:' });
    down = await startServer(faultyAgent(), new SessionManager({ mode: 'server', store }));
  });
  afterAll(async () => {
    await down?.close();
  });

  it('resuming -> 503 SESSION_STORE_UNAVAILABLE quickly; /health -> 503; never a 500', async () => {
    const reply = await post(down.url, turn('bump', { session_id: 'A'.repeat(22) }));
    expect(reply.status).toBe(503);
    expect(reply.body.error.code).toBe('SESSION_STORE_UNAVAILABLE');
    expect(reply.ms).toBeLessThan(3_000);
    const res = await fetch(`${down.url}/health`);
    expect(res.status).toBe(503);
    expect(((await res.json()) as { error: { code: string } }).error.code).toBe('SESSION_STORE_UNAVAILABLE');
  });

  it('a new session whose commit cannot reach Redis -> 503, not 500', async () => {
    const reply = await post(down.url, turn('bump'));
    expect(reply.status).toBe(503);
    expect(reply.body.error.code).toBe('SESSION_STORE_UNAVAILABLE');
    // 5xx errors are logged (their details are withheld from clients), but none is an INTERNAL surprise.
    const codes = down.unexpected.map((e) => (e instanceof BatonError ? e.code : 'not a BatonError'));
    expect(codes.length).toBeGreaterThan(0);
    expect(codes.every((c) => c === 'SESSION_STORE_UNAVAILABLE')).toBe(true);
  });
});
