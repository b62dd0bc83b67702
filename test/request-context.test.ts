/**
 * `meta_data.request_context`: every top-level field of a chat request but `messages` comes back
 * as sent, on `/api/chat` and in the `done` event of `/api/chat-stream`, as the Python server
 * (dcaf/core/server.py, dcaf/core/adapters/inbound/server_adapter.py) does. Real HTTP to the demo.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { configFromEnv } from '../examples/deploy-wizard/config.js';
import { type DemoServer, startDemo } from '../examples/deploy-wizard/server.js';
import { postChat, postChatStream } from './support/http.js';

interface Answer {
  content: string;
  data: { session: unknown; session_id?: string; error?: { code: string } };
  meta_data?: { request_context?: Record<string, unknown> };
  error?: { code: string };
}

interface Event {
  type: string;
  data?: Answer['data'];
  meta_data?: Answer['meta_data'];
}

const chat = postChat<Answer>;
const stream = postChatStream<Event>;

// The request the Python server's own tests send (tests/core/test_request_fields.py).
const FIELDS = { thread_id: 'ai-260204162205', tenant_id: '32d6aa2b-xxxx', source: 'help-desk' };

describe.each(['client', 'memory'] as const)('meta_data.request_context (BATON_SESSION=%s)', (mode) => {
  let demo: DemoServer;
  beforeAll(async () => {
    demo = await startDemo(configFromEnv({ PORT: '0', BATON_SESSION: mode }));
  });
  afterAll(() => demo.close());

  it('/api/chat echoes every top-level field but messages, as sent', async () => {
    const nested = { user: { id: 7, roles: ['ops'] }, flags: [true, null, 1.5] };
    const r = await chat(demo.url, { ...FIELDS, custom: nested, messages: [{ role: 'user', content: 'deploy' }] });
    expect(r.status).toBe(200);
    expect(r.body.content).toContain('What service do you want to deploy?');
    expect(r.body.meta_data).toEqual({ request_context: { ...FIELDS, custom: nested } });
    expect(r.body.meta_data?.request_context).not.toHaveProperty('messages');
  });

  it('echoes the top-level data too, all but data.session (state: the answer carries the new one)', async () => {
    const first = await chat(demo.url, { messages: [{ role: 'user', content: 'deploy' }] });
    const id = first.body.data.session_id as string;
    const data = { session: first.body.data.session, ...(mode === 'memory' ? { session_id: id } : {}), extra: 'kept' };
    const r = await chat(demo.url, { messages: [{ role: 'user', content: 'api' }], data, thread_id: 't-1' });
    expect(r.status).toBe(200);
    expect(r.body.content).toContain('How many replicas?'); // the session in data was used as usual
    const echoed = mode === 'memory' ? { session_id: id, extra: 'kept' } : { extra: 'kept' };
    expect(r.body.meta_data).toEqual({ request_context: { data: echoed, thread_id: 't-1' } });
  });

  it('a top-level field nested deeper than 256 levels is 400 REQUEST_INVALID (it could not be echoed)', async () => {
    let deep: unknown = 'bottom';
    for (let i = 0; i < 300; i++) deep = { d: deep };
    const r = await chat(demo.url, { thread_id: deep, messages: [{ role: 'user', content: 'deploy' }] });
    expect(r.status).toBe(400);
    expect(r.body.error?.code).toBe('REQUEST_INVALID');
    let fine: unknown = 'bottom';
    for (let i = 0; i < 200; i++) fine = { d: fine };
    const ok = await chat(demo.url, { thread_id: fine, messages: [{ role: 'user', content: 'deploy' }] });
    expect(ok.status).toBe(200);
    expect(ok.body.meta_data?.request_context?.thread_id).toEqual(fine);
  });

  it('no extra field: no meta_data at all', async () => {
    const r = await chat(demo.url, { messages: [{ role: 'user', content: 'hello' }] });
    expect(r.status).toBe(200);
    expect(r.body).not.toHaveProperty('meta_data');
  });

  it('a data that carries only the session is not echoed (no meta_data)', async () => {
    const first = await chat(demo.url, { messages: [{ role: 'user', content: 'deploy' }] });
    const r = await chat(demo.url, {
      messages: [{ role: 'user', content: 'api' }],
      data: { session: first.body.data.session },
    });
    expect(r.status).toBe(200);
    if (mode === 'client') expect(r.body.content).toContain('How many replicas?');
    expect(r.body).not.toHaveProperty('meta_data');
  });

  it('a refused turn (200) echoes them too; an error (4xx) does not', async () => {
    const refused = await chat(demo.url, { ...FIELDS, messages: [{ role: 'user', content: 'drop database x' }] });
    expect(refused.status).toBe(200);
    expect(refused.body.data.error?.code).toBe('BLOCKED_PHRASE');
    expect(refused.body.meta_data).toEqual({ request_context: FIELDS });
    const bad = await chat(demo.url, { ...FIELDS, messages: [{ role: 'assistant', content: 'hi' }] });
    expect(bad.status).toBe(400);
    expect(bad.body).not.toHaveProperty('meta_data');
  });

  it('/api/chat-stream: the done event carries meta_data.request_context, no other event does', async () => {
    const events = await stream(demo.url, { ...FIELDS, messages: [{ role: 'user', content: 'deploy' }] });
    const done = events.at(-1) as Event;
    expect(done.type).toBe('done');
    expect(done.meta_data).toEqual({ request_context: FIELDS });
    expect(events.slice(0, -1).length).toBeGreaterThan(0);
    for (const event of events.slice(0, -1)) expect(event).not.toHaveProperty('meta_data');
  });

  it('/api/chat-stream without extra fields: done has no meta_data', async () => {
    const events = await stream(demo.url, { messages: [{ role: 'user', content: 'deploy' }] });
    const done = events.at(-1) as Event;
    expect(done.type).toBe('done');
    expect(done).not.toHaveProperty('meta_data');
  });
});
