/**
 * Session keys and values are well-formed Unicode, in every mode and every store: a lone surrogate
 * (`"\ud83d"`, valid in JSON and in a JS string) cannot be encoded as UTF-8, so Redis would hand
 * back U+FFFD instead. `set` refuses it with the error it uses for any other value that is not
 * JSON; a surrogate pair (an emoji) is of course fine and comes back exactly.
 */
import { RedisSessionStore } from '@baton/redis';
import { afterAll, describe, expect, it } from 'vitest';
import { deleteKeys, REDIS_URL, uniquePrefix } from '../../../test/support/redis.js';
import { BatonError, MemorySessionStore, Session, SessionManager, type SessionManagerOptions } from '../src/index.js';
import { parseChatRequest } from '../src/protocols/helpdesk/index.js';

const HIGH = '\ud83d';
const LOW = '\ude00';
const EMOJI = '\ud83d\ude00'; // 😀, a well-formed pair

function thrown(fn: () => unknown): BatonError {
  try {
    fn();
  } catch (error) {
    expect(error).toBeInstanceOf(BatonError);
    return error as BatonError;
  }
  throw new Error('expected the call to throw, it returned normally');
}

describe('Session.set refuses text that is not well-formed Unicode', () => {
  it.each([
    ['a lone high surrogate', HIGH, '$'],
    ['a lone low surrogate', LOW, '$'],
    ['a surrogate inside text', `ab${HIGH}cd`, '$'],
    ['a reversed pair', `${LOW}${HIGH}`, '$'],
    ['a nested string', { items: ['ok', { name: `x${HIGH}` }] }, '$.items[1].name'],
    ['a nested object key', { outer: { [`k${LOW}`]: 1 } }, '$.outer.k\\ude00'],
  ])('%s -> SESSION_VALUE_NOT_JSON naming the key and the path', (_name, value, path) => {
    const session = new Session();
    const error = thrown(() => session.set('note', value));
    expect(error.code).toBe('SESSION_VALUE_NOT_JSON');
    expect(error.details).toMatchObject({ key: 'note', path, found: 'a lone surrogate (not well-formed Unicode)' });
    // The message names the place without carrying the lone surrogate itself.
    expect(error.message.isWellFormed()).toBe(true);
    expect(session.has('note')).toBe(false);
    expect(session.isModified).toBe(false);
  });

  it('refuses a key with a lone surrogate (SESSION_KEY_INVALID), for set, update and temp: keys alike', () => {
    const session = new Session();
    expect(thrown(() => session.set(`k${HIGH}`, 1)).code).toBe('SESSION_KEY_INVALID');
    expect(thrown(() => session.set(`temp:${HIGH}`, 1)).code).toBe('SESSION_KEY_INVALID');
    expect(thrown(() => session.set('temp:t', HIGH)).code).toBe('SESSION_VALUE_NOT_JSON');
    expect(thrown(() => session.update({ a: 1, [LOW]: 2 })).code).toBe('SESSION_KEY_INVALID');
    expect(thrown(() => session.update({ a: 1, b: [HIGH] })).code).toBe('SESSION_VALUE_NOT_JSON');
    expect(session.keys()).toEqual([]);
    expect(thrown(() => session.set(`k${HIGH}`, 1)).message.isWellFormed()).toBe(true);
  });

  it('keeps well-formed text exactly: emoji, astral keys, escapes', () => {
    const session = new Session();
    const value = { [EMOJI]: [EMOJI, 'é', '\u2028', '"\\'] };
    session.set(EMOJI, value);
    expect(session.get(EMOJI)).toEqual(value);
  });

  it('Session.from refuses client data with a lone surrogate (400 SESSION_INVALID / SESSION_KEY_INVALID)', () => {
    expect(thrown(() => Session.from({ a: { b: HIGH } })).code).toBe('SESSION_INVALID');
    expect(thrown(() => Session.from({ a: { b: HIGH } })).status).toBe(400);
    expect(thrown(() => Session.from({ [HIGH]: 1 })).code).toBe('SESSION_KEY_INVALID');
  });
});

describe('chat requests with a lone surrogate', () => {
  // `JSON.parse` of the escape `"\ud83d"` gives a lone surrogate: what a broken client sends.
  const parsed = (text: string): unknown => JSON.parse(text);

  it('refuses message text, platform context and approvals (400 REQUEST_INVALID naming the place)', () => {
    const cases: [string, string][] = [
      ['{"messages":[{"role":"user","content":"hi \\ud83d"}]}', 'messages.0.content'],
      [
        '{"messages":[{"role":"user","content":"hi"},{"role":"assistant","content":"\\ude00"},{"role":"user","content":"x"}]}',
        'messages.1.content',
      ],
      [
        '{"messages":[{"role":"user","content":"hi","platform_context":{"\\ud83d":1}}]}',
        'messages.0.platform_context.\\ud83d',
      ],
      [
        '{"messages":[{"role":"user","content":"ok","data":{"tool_calls":[{"id":"c","name":"t","input":{"a":["\\ud83d"]},"execute":true}]}}]}',
        'messages.0.tool_calls[0].input.a[0]',
      ],
    ];
    for (const [text, where] of cases) {
      const error = thrown(() => parseChatRequest(parsed(text)));
      expect(error.code).toBe('REQUEST_INVALID');
      expect(error.status).toBe(400);
      expect(error.details).toEqual({
        issues: [{ path: where, message: 'a lone surrogate (not well-formed Unicode)' }],
      });
    }
  });

  it('lets well-formed text through, escapes included', () => {
    const request = parseChatRequest(parsed('{"messages":[{"role":"user","content":"hi \\ud83d\\ude00 \\u00e9"}]}'));
    expect(request.messages[0]?.content).toBe(`hi ${EMOJI} é`);
  });
});

describe('every mode and store refuses at set, and stores well-formed text exactly', () => {
  const prefix = uniquePrefix('baton-test-unicode');
  afterAll(async () => {
    await deleteKeys(prefix);
  });

  const modes: [string, () => SessionManagerOptions][] = [
    ['client', () => ({})],
    ['sealed', () => ({ mode: 'sealed', secrets: ['a-sealing-secret-that-is-32-bytes-or-more!'] })],
    ['server, memory', () => ({ mode: 'server', store: new MemorySessionStore() })],
    ['server, Redis', () => ({ mode: 'server', store: new RedisSessionStore({ url: REDIS_URL, prefix }) })],
  ];

  it.each(modes)('%s', async (_name, options) => {
    const manager = new SessionManager(options());
    try {
      const first = await manager.load({});
      expect(thrown(() => first.session.set('note', HIGH)).code).toBe('SESSION_VALUE_NOT_JSON');
      expect(thrown(() => first.session.set(HIGH, 'x')).code).toBe('SESSION_KEY_INVALID');
      const value = { [EMOJI]: `a${EMOJI}b`, list: [EMOJI, '\\ud83d'] };
      first.session.set(EMOJI, value);
      const out = await manager.commit(first);
      // The next turn reads back exactly what was set, whichever way the session travelled.
      const next = await manager.load(
        manager.mode === 'server' ? { sessionId: out.sessionId as string } : { session: out.session },
      );
      expect(next.status).toBe('resumed');
      expect(next.session.keys()).toEqual([EMOJI]);
      expect(next.session.get(EMOJI)).toEqual(value);
      await manager.discard(next);
    } finally {
      await manager.close();
    }
  });
});
