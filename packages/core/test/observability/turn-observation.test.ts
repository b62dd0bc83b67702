/**
 * Logging through a pino logger: one line per turn (route, mode, session status, hashed session id,
 * outcome, duration, model and tool call counts, request id), one per request that fails before
 * its turn, errors with their cause — and never a session value, a message's text, a tool's input
 * or output, a raw session id or a header. Without a logger, Baton writes nothing.
 */
import { createHash } from 'node:crypto';
import pino from 'pino';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { z } from 'zod';
import {
  Agent,
  type BatonLogger,
  ChatHandler,
  createBatonHandler,
  InterceptorError,
  type Model,
  scriptedModel,
  tool,
} from '../../src/index.js';
import { chat, post, URL_BASE } from '../support/fetch.js';

/** A real pino logger writing JSON lines into an array. */
function capture(level: pino.Level = 'debug') {
  const lines: string[] = [];
  const logger = pino({ level }, { write: (line: string) => void lines.push(line) });
  return { logger, lines, records: () => lines.map((l) => JSON.parse(l) as Record<string, unknown>) };
}

/** `remember <x>` runs a tool storing x; `refuse` is refused by an interceptor; else echoes. */
function noteAgent(model?: Model) {
  return new Agent({
    model:
      model ??
      scriptedModel(
        [
          { when: (c) => c.toolResults.length > 0, reply: 'Noted.' },
          { when: /^remember (.+)$/, reply: (c) => ({ toolCalls: [{ name: 'remember', input: { note: c.text } }] }) },
        ],
        { fallback: (c) => `You said: ${c.text}` },
      ),
    requestInterceptors: [
      (request) => {
        const text = request.messages.at(-1)?.content ?? '';
        if (text.startsWith('refuse')) throw new InterceptorError(`Refused: ${text}`, 'BLOCKED_PHRASE');
      },
    ],
    tools: [
      tool({
        name: 'remember',
        description: 'Remember a note.',
        input: z.object({ note: z.string() }),
        execute: ({ note }, { session }) => {
          session.set('note', note);
          session.set('api_key', note);
          return { stored: note };
        },
      }),
    ],
  });
}

const hash = (id: string) => createHash('sha256').update(id).digest('hex').slice(0, 16);

afterEach(() => {
  vi.restoreAllMocks();
});

describe('one line per turn', () => {
  it('server mode: route, mode, status, hashed id, outcome, duration, counts, request id', async () => {
    const { logger, records } = capture();
    const baton = createBatonHandler(noteAgent(), { sessions: { mode: 'server' }, logger });
    const first = await baton.handle(post('/api/chat', chat('remember tea'), { 'x-request-id': 'r-1' }));
    const id = ((await first.json()) as { data: { session_id: string } }).data.session_id;
    await baton.handle(post('/api/chat', chat('hello', { session_id: id }), { 'x-request-id': 'r-2' }));
    const turns = records().filter((r) => r.msg === 'baton turn');
    expect(turns).toEqual([
      expect.objectContaining({
        level: 30,
        request_id: 'r-1',
        route: 'chat',
        mode: 'server',
        session_status: 'new',
        session_id_hash: hash(id),
        outcome: 'ok',
        stop_reason: 'end_turn',
        duration_ms: expect.any(Number),
        model_calls: 2,
        tool_calls: 1,
      }),
      expect.objectContaining({
        request_id: 'r-2',
        session_status: 'resumed',
        session_id_hash: hash(id),
        outcome: 'ok',
        model_calls: 1,
        tool_calls: 0,
      }),
    ]);
    expect(records()).toHaveLength(2);
    await baton.close();
  });

  it('a streamed turn logs once it settled, on its own route', async () => {
    const { logger, records } = capture();
    const baton = createBatonHandler(noteAgent(), { logger });
    const response = await baton.handle(post('/api/chat-stream', chat('hi'), { 'x-request-id': 's-1' }));
    await response.text();
    await vi.waitFor(() => expect(records()).toHaveLength(1));
    expect(records()[0]).toMatchObject({ route: 'chatStream', mode: 'client', outcome: 'ok', request_id: 's-1' });
  });

  it('a refusal is outcome "refused" with its code; a failed turn is logged at error with its cause', async () => {
    const { logger, records } = capture();
    const failing: Model = {
      generate: () => {
        throw new Error('upstream 500', { cause: new Error('socket hang up') });
      },
    };
    const refusing = createBatonHandler(noteAgent(), { logger });
    await refusing.handle(post('/api/chat', chat('refuse this'), { 'x-request-id': 'no-1' }));
    const broken = createBatonHandler(noteAgent(failing), { logger });
    await broken.handle(post('/api/chat', chat('hi'), { 'x-request-id': 'err-1' }));
    const [refused, failed] = records();
    expect(refused).toMatchObject({
      level: 30,
      outcome: 'refused',
      refusal_code: 'BLOCKED_PHRASE',
      request_id: 'no-1',
    });
    expect(failed).toMatchObject({ level: 50, msg: 'baton turn failed', outcome: 'MODEL_ERROR', status: 502 });
    const err = failed?.err as { message: string; stack: string };
    expect(err.message).toContain('upstream 500');
    expect(err.stack).toContain('socket hang up'); // pino's serializer appends the cause chain
  });

  it('a request failing before its turn gets one line too (a client error at info)', async () => {
    const { logger, records } = capture();
    const baton = createBatonHandler(noteAgent(), { logger });
    await baton.handle(post('/api/chat', '{nope', { 'x-request-id': 'bad-1' }));
    await baton.handle(new Request(`${URL_BASE}/health`, { headers: { 'x-request-id': 'h-1' } }));
    expect(records()).toEqual([
      expect.objectContaining({ level: 30, msg: 'baton request failed', outcome: 'REQUEST_INVALID_JSON', status: 400 }),
      expect.objectContaining({ level: 20, msg: 'baton request', route: 'health', status: 200, request_id: 'h-1' }),
    ]);
  });

  it('a turn that fails at load (busy session) is one line with the load failure', async () => {
    const { logger, records } = capture();
    const baton = createBatonHandler(noteAgent(), {
      sessions: { mode: 'server', leaseWaitMs: 20 },
      logger,
    });
    const first = await baton.handle(post('/api/chat', chat('remember a')));
    const id = ((await first.json()) as { data: { session_id: string } }).data.session_id;
    const held = await baton.handler.begin(chat('x', { session_id: id })); // holds the lease
    await baton.handle(post('/api/chat', chat('hello', { session_id: id }), { 'x-request-id': 'busy-1' }));
    await held.abandon();
    const busy = records().find((r) => r.request_id === 'busy-1');
    expect(busy).toMatchObject({ outcome: 'SESSION_BUSY', status: 409, session_status: 'failed', level: 30 });
    await baton.close();
  });

  it('ChatHandler on its own logs with the protocol as the route', async () => {
    const { logger, records } = capture();
    const handler = new ChatHandler(noteAgent(), { logger });
    await (await handler.begin(chat('hi'))).respond();
    expect(records()).toEqual([expect.objectContaining({ route: 'helpdesk', outcome: 'ok' })]);
    expect(records()[0]).not.toHaveProperty('request_id');
  });
});

describe('without a logger Baton is silent', () => {
  it('no console output for turns, streams, refusals, client errors and health', async () => {
    const spies = (['log', 'info', 'warn', 'error', 'debug'] as const).map((m) => vi.spyOn(console, m));
    const stdout = vi.spyOn(process.stdout, 'write');
    const baton = createBatonHandler(noteAgent(), { sessions: { mode: 'server' } });
    await baton.handle(post('/api/chat', chat('remember x')));
    await (await baton.handle(post('/api/chat-stream', chat('hi')))).text();
    await baton.handle(post('/api/chat', chat('refuse me')));
    await baton.handle(post('/api/chat', '{bad'));
    await baton.handle(new Request(`${URL_BASE}/health/ready`));
    await baton.close();
    for (const spy of spies) expect(spy).not.toHaveBeenCalled();
    expect(stdout).not.toHaveBeenCalled();
  });
});

describe('log lines never carry values, text, ids or secrets', () => {
  const SECRETS = [
    'sk-live-4f9a8b7c6d5e4f3a2b1c', // an API key in a session value
    'hunter2-Pa55w0rd!', // a password in the message text
    '4111-1111-1111-1111', // a card number in a tool's input and output
    'Bearer eyJhbGciOiJIUzI1NiJ9', // an Authorization header
    'platform-secret-Zq9', // platform_context
    'cookie-secret-Xy7', // a cookie
  ];

  it('over every route and outcome, in client, sealed and server mode', async () => {
    const { logger, lines } = capture('debug');
    const headers = { authorization: SECRETS[3] as string, cookie: `app_session=${SECRETS[5]}` };
    const failing: Model = { generate: () => Promise.reject(new Error('model down')) };
    const modes = [
      { mode: 'client' as const },
      { mode: 'sealed' as const, secrets: ['k'.repeat(32)] },
      { mode: 'server' as const },
    ];
    const sessionIds: string[] = [];
    for (const sessions of modes) {
      const baton = createBatonHandler(noteAgent(), { sessions, logger, cookie: true, aiSdkUi: true });
      const client = { api_key: SECRETS[0], password: SECRETS[1] };
      const data = sessions.mode === 'client' ? { session: client } : {};
      const ok = await baton.handle(
        post(
          '/api/chat',
          {
            messages: [
              { role: 'user', content: `remember ${SECRETS[2]} ${SECRETS[1]}`, platform_context: { t: SECRETS[4] } },
            ],
            data,
          },
          headers,
        ),
      );
      const body = (await ok.json()) as { data: { session_id?: string } };
      expect(ok.status).toBe(200);
      if (body.data.session_id) sessionIds.push(body.data.session_id);
      const next = body.data.session_id ? { session_id: body.data.session_id } : data;
      await (await baton.handle(post('/api/chat-stream', chat(`my password is ${SECRETS[1]}`, next), headers))).text();
      await baton.handle(post('/api/chat', chat(`refuse ${SECRETS[0]}`, next), headers));
      await baton.handle(post('/api/chat', `{"messages": "${SECRETS[1]}"`, headers));
      await baton.handle(post('/api/chat', { messages: [{ role: 'system', content: SECRETS[1] }] }, headers));
      await (
        await baton.handle(
          post(
            '/api/ui/chat',
            { id: 'c1', messages: [{ id: 'm1', role: 'user', parts: [{ type: 'text', text: SECRETS[1] }] }] },
            headers,
          ),
        )
      ).text();
      if (body.data.session_id) {
        await baton.handle(
          new Request(`${URL_BASE}/api/session`, {
            method: 'DELETE',
            headers: { ...headers, 'x-baton-session': body.data.session_id },
          }),
        );
      }
      await baton.close();
      const broken = createBatonHandler(noteAgent(failing), { sessions, logger });
      await broken.handle(post('/api/chat', chat(`remember ${SECRETS[2]}`, data), headers));
      await broken.close();
    }
    await vi.waitFor(() => expect(lines.filter((l) => l.includes('"route":"uiChat"'))).toHaveLength(3));
    expect(lines.length).toBeGreaterThanOrEqual(24);
    expect(sessionIds).toHaveLength(1);
    const all = lines.join('\n');
    for (const secret of [...SECRETS, ...sessionIds, 'api_key', 'password', 'remember', 'tea']) {
      expect(all).not.toContain(secret);
    }
    // The hashed id is there, to correlate.
    expect(all).toContain(hash(sessionIds[0] as string));
  });
});

describe('the logger interface', () => {
  it('a pino logger, and a minimal object with four methods, are both a BatonLogger', () => {
    const fromPino: BatonLogger = pino({ enabled: false });
    const minimal: BatonLogger = { debug() {}, info() {}, warn() {}, error() {} };
    expect(typeof fromPino.child).toBe('function');
    expect(minimal.child).toBeUndefined();
  });
});
