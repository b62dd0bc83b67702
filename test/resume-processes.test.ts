/**
 * Resume across real processes on Redis: two demo servers (`BATON_SESSION=redis`, which turns on
 * resume, `onDisconnect: 'continue'` and stop) share one Redis. A turn streams on process A; its
 * client leaves and resumes on process B, which gets the whole answer; a stop sent to B ends A's
 * turn; a producer killed mid-turn ends the resumed stream with TURN_LOST and leaves the session
 * as it was.
 */
import type { ChildProcess } from 'node:child_process';
import { RedisSessionStore } from '@baton/redis';
import { afterEach, describe, expect, it } from 'vitest';
import { type RunningDemo, startDemo, stopDemo } from './support/demo.js';
import { REDIS_URL } from './support/redis.js';
import { lines, readFrames } from './support/resume.js';

const running: ChildProcess[] = [];
afterEach(async () => {
  for (const child of running.splice(0)) {
    if (child.exitCode === null && child.signalCode === null) await stopDemo(child);
  }
});

/** Starts a demo process on Redis, each model answer and streamed part `delayMs` late. */
async function demo(delayMs: number): Promise<RunningDemo> {
  const started = await startDemo({ BATON_SESSION: 'redis', REDIS_URL, BATON_DEMO_DELAY_MS: String(delayMs) });
  running.push(started.child);
  return started;
}

const json = (body: unknown) => ({
  method: 'POST',
  headers: { 'content-type': 'application/json' },
  body: JSON.stringify(body),
});

/** A new session at wizard step 1 ("deploy"), and its id. */
async function seed(url: string): Promise<string> {
  const r = await fetch(`${url}/api/chat`, json({ messages: [{ role: 'user', content: 'deploy' }] }));
  const body = (await r.json()) as { data: { session_id: string; session: { wizard_step: number } } };
  expect(body.data.session).toEqual({ wizard_step: 1 });
  return body.data.session_id;
}

const stream = (url: string, id: string, content: string, signal?: AbortSignal) =>
  fetch(`${url}/api/chat-stream`, {
    ...json({ messages: [{ role: 'user', content }], data: { session_id: id } }),
    ...(signal ? { signal } : {}),
  });
const resume = (url: string, id: string, after: number) =>
  fetch(`${url}/api/chat-stream?after=${after}`, { headers: { 'x-baton-session': id } });

/** Waits until the session's turn log is a running turn's (the seeding turn left an ended one). */
async function turnRunning(id: string): Promise<void> {
  const store = new RedisSessionStore({ url: REDIS_URL });
  try {
    for (let i = 0; i < 250; i++) {
      if ((await store.readTurnLog(id, 0, 0))?.status === 'running') return;
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    throw new Error('no turn started');
  } finally {
    await store.close();
  }
}

/** The stored session's keys, read without a lease (a dead process's lease may still hold). */
async function stored(id: string): Promise<Record<string, unknown>> {
  const store = new RedisSessionStore({ url: REDIS_URL });
  try {
    const loaded = await store.load(id, { idleTtlMs: 60_000 });
    if (loaded.status !== 'found') throw new Error(`session ${loaded.status}`);
    return Object.fromEntries([...loaded.session.texts].map(([key, text]) => [key, JSON.parse(text)]));
  } finally {
    await store.close();
  }
}

describe('resume across processes (Redis)', () => {
  it('a client that left a turn streaming on A resumes on B and gets the whole answer', async () => {
    const [a, b] = await Promise.all([demo(200), demo(200)]);
    const id = await seed(a.url);
    // The whole answer of the same step, streamed without a break on a process of its own.
    const abort = new AbortController();
    const first = await readFrames(await stream(a.url, id, 'web-api', abort.signal), {
      separator: '\n',
      stopAfter: 1,
      abort,
    });
    expect(first).toHaveLength(1);
    const rest = lines(await readFrames(await resume(b.url, id, 1), { separator: '\n' }));
    const all = [...lines(first), ...rest];
    expect(all.at(-1)).toMatchObject({ type: 'done' });
    expect(all.filter((e) => e.type === 'done')).toHaveLength(1);
    const text = all
      .filter((e) => e.type === 'text_delta')
      .map((e) => e.text)
      .join('');
    expect(all.at(-1).content).toBe(text);
    // The detached turn committed on A.
    expect(await stored(id)).toEqual({ wizard_step: 2, service_name: 'web-api' });
    // A resume from 0 on B replays the whole ended turn.
    const again = lines(await readFrames(await resume(b.url, id, 0), { separator: '\n' }));
    expect(again).toEqual(all);
  });

  it('a stop sent to B ends the turn running on A: TURN_STOPPED, nothing committed', async () => {
    const [a, b] = await Promise.all([demo(1000), demo(1000)]);
    const id = await seed(a.url);
    const reading = stream(a.url, id, 'web-api').then((res) => readFrames(res, { separator: '\n' }));
    await turnRunning(id);
    const stopped = await fetch(`${b.url}/api/session/stop`, {
      method: 'POST',
      headers: { 'x-baton-session': id },
    });
    expect(stopped.status).toBe(200);
    expect(await stopped.json()).toEqual({ stopped: true });
    expect(lines(await reading).at(-1)).toMatchObject({ type: 'error', code: 'TURN_STOPPED' });
    expect(await stored(id)).toEqual({ wizard_step: 1 });
  });

  it('a producer killed mid-turn: the resumed stream on B ends with TURN_LOST, the session unchanged', async () => {
    const [a, b] = await Promise.all([demo(1000), demo(1000)]);
    const id = await seed(a.url);
    const response = await stream(a.url, id, 'web-api');
    expect(response.status).toBe(200);
    await turnRunning(id);
    a.child.kill('SIGKILL');
    await a.exited;
    const started = performance.now();
    const events = lines(await readFrames(await resume(b.url, id, 0), { separator: '\n' }));
    expect(events.at(-1)).toMatchObject({ type: 'error', code: 'TURN_LOST' });
    expect(events.some((e) => e.type === 'done')).toBe(false);
    // The producer's liveness (4 heartbeats, 2 s by default) lapses; the stream never hangs.
    expect(performance.now() - started).toBeLessThan(5_000);
    expect(await stored(id)).toEqual({ wizard_step: 1 });
  });
});
