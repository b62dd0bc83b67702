/**
 * Property tests over real HTTP: random valid turns and random junk never get a 5xx, whatever the
 * server stores is valid JSON that `Session.fromTexts` / `Session.from` loads, and nothing ever
 * lands on Object.prototype.
 */
import { randomBytes } from 'node:crypto';
import { Session, SessionManager } from '@baton/core';
import { RedisSessionStore } from '@baton/redis';
import fc from 'fast-check';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { counterAgent, ID, post, prototypeKeys, REDIS_URL, SECRET, startServer, type TestServer } from './helpers.js';

const RUNS = 200;
const PREFIX = `baton-rel-prop-${randomBytes(4).toString('hex')}:`;
const prototypeBefore = prototypeKeys();

/** Text a user might type, including lone surrogates, NULs and the agent's commands. */
const content = fc.oneof(
  fc.constantFrom('bump', 'recall', 'hello', ''),
  fc.string({ unit: 'binary', maxLength: 40 }).map((s) => `remember ${s}`),
  fc.string({ unit: 'binary', maxLength: 200 }),
  fc.nat({ max: 5000 }).map((n) => `blob ${n}`),
);
/** A valid turn's context: any JSON object, except that `__proto__` keys are refused (400) by design. */
const noProtoKeys = (value: unknown): boolean => !JSON.stringify(value ?? null).includes('"__proto__":');
const platformContext = fc.option(
  fc.dictionary(fc.string({ maxLength: 10 }), fc.jsonValue({ maxDepth: 3 })).filter(noProtoKeys),
  { nil: undefined },
);
/** A random JSON-ish body: JSON texts, serialized arbitrary values, raw bytes. */
const junk = fc.oneof(
  fc.json({ maxDepth: 4 }),
  fc.anything({ maxDepth: 3 }).map((v) => {
    try {
      return JSON.stringify(v) ?? 'undefined';
    } catch {
      return String(v);
    }
  }),
  fc.uint8Array({ maxLength: 300 }).map((bytes) => Buffer.from(bytes)),
  // Almost-valid requests: a valid envelope around random parts.
  fc
    .record({
      messages: fc.array(fc.record({ role: fc.string(), content: fc.anything({ maxDepth: 2 }) }), { maxLength: 3 }),
      data: fc.anything({ maxDepth: 2 }),
    })
    .map((v) => JSON.stringify(v) ?? '{}'),
);

/** Every stored text is JSON, and the stored session loads with `Session.fromTexts`. */
async function expectLoadable(sessions: SessionManager, id: string): Promise<Record<string, unknown>> {
  const result = await sessions.store?.load(id, { idleTtlMs: 60_000 });
  expect(result?.status).toBe('found');
  if (result?.status !== 'found') return {};
  for (const [key, text] of result.session.texts) expect(() => JSON.parse(text), key).not.toThrow();
  return Session.fromTexts(result.session.texts).toJSON();
}

describe.each(['server-memory', 'server-redis'] as const)('random valid turns, %s', (mode) => {
  let server: TestServer;
  let ids: string[] = [];

  beforeAll(async () => {
    const store = mode === 'server-redis' ? new RedisSessionStore({ url: REDIS_URL, prefix: PREFIX }) : undefined;
    server = await startServer(counterAgent(), new SessionManager({ mode: 'server', ...(store ? { store } : {}) }));
  });
  afterAll(async () => {
    await server?.close();
  });

  it('never answer 5xx; the stored session is always loadable JSON; counters never go backwards', async () => {
    ids = [];
    const counts = new Map<string, number>();
    await fc.assert(
      fc.asyncProperty(content, platformContext, fc.nat({ max: 4 }), async (text, context, pick) => {
        const id = ids.length > 0 && pick > 0 ? ids[pick % ids.length] : undefined;
        const reply = await post(server.url, {
          messages: [{ role: 'user', content: text, ...(context ? { platform_context: context } : {}) }],
          ...(id ? { data: { session_id: id } } : {}),
        });
        expect(reply.status, reply.text).toBeLessThan(500);
        if (!text.isWellFormed()) {
          // A lone surrogate is not text any store or model takes as UTF-8: refused before the turn.
          expect(reply.body.error.code).toBe('REQUEST_INVALID');
          return;
        }
        expect(reply.status).toBe(200);
        const sid = reply.body.data.session_id as string;
        expect(sid).toMatch(ID);
        if (
          !ids.includes(sid) &&
          reply.body.data.session_status === 'new' &&
          Object.keys(reply.body.data.session).length > 0
        )
          ids.push(sid);
        if (Object.keys(reply.body.data.session).length === 0) return;
        const stored = await expectLoadable(server.sessions, sid);
        expect(stored).toEqual(reply.body.data.session);
        const count = (stored.count as number | undefined) ?? 0;
        expect(count).toBeGreaterThanOrEqual(counts.get(sid) ?? 0);
        counts.set(sid, count);
      }),
      { numRuns: RUNS },
    );
    expect(server.unexpected).toEqual([]);
  });
});

describe('random sessions and turns, client mode', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startServer(counterAgent(), new SessionManager());
  });
  afterAll(async () => {
    await server?.close();
  });

  it('a random client session gives 200 or a typed 4xx, and a returned session loads with Session.from', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.dictionary(fc.string({ unit: 'binary', maxLength: 12 }), fc.jsonValue({ maxDepth: 4 })),
        content,
        async (session, text) => {
          const reply = await post(server.url, { messages: [{ role: 'user', content: text }], data: { session } });
          expect(reply.status, reply.text).toBeLessThan(500);
          if (!text.isWellFormed() && reply.body.error?.code === 'REQUEST_INVALID') return;
          if (reply.status === 200) {
            expect(() => Session.from(reply.body.data.session)).not.toThrow();
          } else {
            expect(reply.body.error.code).toMatch(/^(SESSION_INVALID|SESSION_KEY_INVALID|REQUEST_INVALID_JSON)$/);
          }
        },
      ),
      { numRuns: RUNS },
    );
    expect(server.unexpected).toEqual([]);
  });
});

describe.each(['client', 'sealed', 'server-memory'] as const)('random junk bodies, %s', (mode) => {
  let server: TestServer;
  beforeAll(async () => {
    const options =
      mode === 'client'
        ? {}
        : mode === 'sealed'
          ? ({ mode: 'sealed', secrets: [SECRET] } as const)
          : ({ mode: 'server' } as const);
    server = await startServer(counterAgent(), new SessionManager(options));
  });
  afterAll(async () => {
    await server?.close();
  });

  it('never answer 5xx, on /api/chat and /api/chat-stream', async () => {
    await fc.assert(
      fc.asyncProperty(junk, fc.boolean(), async (body, stream) => {
        const reply = await post(server.url, body, stream ? { path: '/api/chat-stream' } : {});
        expect(reply.status, `${reply.status} ${reply.text.slice(0, 200)}`).toBeLessThan(500);
        if (reply.status >= 400) expect(typeof reply.body?.error?.code).toBe('string');
      }),
      { numRuns: RUNS },
    );
    expect(server.unexpected).toEqual([]);
  });
});

describe('after the properties', () => {
  afterAll(async () => {
    const redis = new Redis(REDIS_URL);
    const keys = await redis.keys(`${PREFIX}*`);
    if (keys.length > 0) await redis.del(...keys);
    redis.disconnect();
  });
  it('Object.prototype was never touched', () => {
    expect(prototypeKeys()).toEqual(prototypeBefore);
  });
});
