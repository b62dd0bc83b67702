/**
 * The demo as an operator runs it, spawned as a real process (`node --import tsx`, as `pnpm demo`):
 * SIGTERM during a streamed turn lets the turn finish within the bound — or aborts it, committing
 * nothing — releases its lease (the next process takes the session at once, on Redis) and exits
 * within the bound; `BATON_METRICS=1` serves Prometheus metrics at `/metrics`; each turn is one
 * JSON log line on stdout, carrying the request id.
 */
import type { ChildProcess } from 'node:child_process';
import { SessionManager } from '@baton/core';
import { RedisSessionStore } from '@baton/redis';
import { afterEach, describe, expect, it } from 'vitest';
import { startDemo as start } from './support/demo.js';
import { REDIS_URL } from './support/redis.js';

const running: ChildProcess[] = [];
afterEach(() => {
  for (const child of running.splice(0)) if (child.exitCode === null) child.kill('SIGKILL');
});

/** Starts the demo; what a test leaves running is killed after it. */
async function startDemo(settings: Record<string, string>) {
  const demo = await start(settings);
  running.push(demo.child);
  return demo;
}

const json = (body: unknown, headers: Record<string, string> = {}) => ({
  method: 'POST',
  headers: { 'content-type': 'application/json', ...headers },
  body: JSON.stringify(body),
});

/** A new Redis session at wizard step 1 ("deploy"), and its id. */
async function seed(url: string): Promise<string> {
  const r = await fetch(`${url}/api/chat`, json({ messages: [{ role: 'user', content: 'deploy' }] }));
  const body = (await r.json()) as { data: { session_id: string; session: { wizard_step: number } } };
  expect(body.data.session).toEqual({ wizard_step: 1 });
  return body.data.session_id;
}

/** The stored session, read with a lease that must be free right now (leaseWaitMs 0). */
async function storedNow(id: string): Promise<Record<string, unknown>> {
  const sessions = new SessionManager({
    mode: 'server',
    store: new RedisSessionStore({ url: REDIS_URL }),
    leaseWaitMs: 0,
  });
  try {
    const loaded = await sessions.load({ sessionId: id });
    await sessions.discard(loaded);
    return loaded.session.toJSON();
  } finally {
    await sessions.close();
  }
}

/** Starts a streamed turn and resolves once its first frame arrived; `rest` reads the others. */
async function streamStarted(url: string, id: string, content: string) {
  const response = await fetch(
    `${url}/api/chat-stream`,
    json({ messages: [{ role: 'user', content }], data: { session_id: id } }),
  );
  const reader = (response.body as ReadableStream<Uint8Array>).getReader();
  const decoder = new TextDecoder();
  let text = decoder.decode((await reader.read()).value);
  const rest = async () => {
    try {
      for (;;) {
        const { value, done } = await reader.read();
        if (done) break;
        text += decoder.decode(value);
      }
    } catch {
      // the connection was cut: what arrived is what counts
    }
    return text
      .trim()
      .split('\n')
      .filter((line) => line !== '')
      .map((line) => JSON.parse(line) as { type: string; code?: string });
  };
  return { status: response.status, rest };
}

describe('demo: SIGTERM during a streamed turn (Redis)', () => {
  it('within the bound, the turn completes and commits; the lease is free; the process exits in time', async () => {
    const bound = 8000;
    const demo = await startDemo({
      BATON_SESSION: 'redis',
      REDIS_URL,
      BATON_DEMO_DELAY_MS: '100',
      BATON_SHUTDOWN_TIMEOUT_MS: String(bound),
    });
    const id = await seed(demo.url);
    const stream = await streamStarted(demo.url, id, 'web-api');
    expect(stream.status).toBe(200);
    const signalled = Date.now();
    demo.child.kill('SIGTERM');
    const events = await stream.rest();
    expect(events.at(-1)).toMatchObject({ type: 'done' });
    expect(await demo.exited).toBe(0);
    expect(Date.now() - signalled).toBeLessThan(bound);
    expect(await storedNow(id)).toEqual({ wizard_step: 2, service_name: 'web-api' });
  });

  it('past the bound, the turn is aborted and commits nothing; the lease is free; the process exits in time', async () => {
    const bound = 300;
    const demo = await startDemo({
      BATON_SESSION: 'redis',
      REDIS_URL,
      BATON_DEMO_DELAY_MS: '1000',
      BATON_SHUTDOWN_TIMEOUT_MS: String(bound),
    });
    const id = await seed(demo.url);
    const stream = await streamStarted(demo.url, id, 'web-api');
    const signalled = Date.now();
    demo.child.kill('SIGTERM');
    const events = await stream.rest();
    expect(events.some((e) => e.type === 'done')).toBe(false);
    expect(events.at(-1)).toMatchObject({ type: 'error', code: 'SERVER_SHUTTING_DOWN' });
    expect(await demo.exited).toBe(0);
    // The bound, the 1 s given to aborted turns to release their leases, and process exit.
    expect(Date.now() - signalled).toBeLessThan(bound + 3000);
    // A next process takes the session at once and finds it as it was before the turn.
    expect(await storedNow(id)).toEqual({ wizard_step: 1 });
  });
});

describe('demo: metrics and logs', () => {
  it('BATON_METRICS=1: GET /metrics is Prometheus text with Baton turns and durations, and the gen_ai client metrics', async () => {
    const demo = await startDemo({ BATON_METRICS: '1', BATON_SESSION: 'memory' });
    const r = await fetch(`${demo.url}/api/chat`, json({ messages: [{ role: 'user', content: 'deploy' }] }));
    expect(r.status).toBe(200);
    const metrics = await fetch(`${demo.url}/metrics`);
    expect(metrics.status).toBe(200);
    expect(metrics.headers.get('content-type')).toMatch(/^text\/plain/);
    const text = await metrics.text();
    expect(text).toMatch(/^baton_turns_total\{.*baton_outcome="ok".*\} 1$/m);
    expect(text).toMatch(/^baton_turn_duration_bucket\{/m);
    expect(text).toMatch(/^baton_session_load_duration_count\{.*baton_session_status="new".*\} 1$/m);
    expect(text).toMatch(/^baton_model_duration_count\{/m);
    // The GenAI semantic conventions' client metrics, beside Baton's own.
    expect(text).toMatch(/^gen_ai_client_operation_duration_count\{.*gen_ai_operation_name="chat".*\} [1-9]/m);
    expect(text).toMatch(/^gen_ai_client_token_usage_bucket\{.*gen_ai_token_type="input".*\}/m);
    expect(text).toMatch(/^gen_ai_client_token_usage_bucket\{.*gen_ai_token_type="output".*\}/m);
    demo.child.kill('SIGTERM');
    expect(await demo.exited).toBe(0);
  });

  it('without BATON_METRICS, /metrics is not served', async () => {
    const demo = await startDemo({});
    expect((await fetch(`${demo.url}/metrics`)).status).toBe(404);
    demo.child.kill('SIGTERM');
    await demo.exited;
  });

  it('each turn is one JSON line on stdout with its request id, and no message text', async () => {
    const demo = await startDemo({ BATON_SESSION: 'memory' });
    const r = await fetch(
      `${demo.url}/api/chat`,
      json({ messages: [{ role: 'user', content: 'deploy my-secret-service' }] }, { 'x-request-id': 'ops-check-1' }),
    );
    expect(r.headers.get('x-request-id')).toBe('ops-check-1');
    await expect.poll(() => demo.stdout()).toContain('ops-check-1');
    const line = demo
      .stdout()
      .split('\n')
      .find((l) => l.includes('ops-check-1'));
    expect(JSON.parse(line as string)).toMatchObject({
      level: 30,
      msg: 'baton turn',
      request_id: 'ops-check-1',
      route: 'chat',
      mode: 'server',
      session_status: 'new',
      outcome: 'ok',
      model_calls: 2,
      tool_calls: 1,
    });
    expect(demo.stdout()).not.toContain('my-secret-service');
    demo.child.kill('SIGTERM');
    await demo.exited;
  });
});
