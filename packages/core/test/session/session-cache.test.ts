import { describe, expect, it } from 'vitest';
import { SessionCache } from '../../src/session/session-cache.js';
import type { StoredSession } from '../../src/session/stores/store.js';

function stored(version: string | undefined, texts: Record<string, string>, extra: Partial<StoredSession> = {}) {
  const session: StoredSession = {
    texts: new Map(Object.entries(texts)),
    versions: new Map(),
    createdAt: 1,
    absoluteExpiresAt: 2,
    ...extra,
  };
  if (version !== undefined) session.version = version;
  return session;
}

/** Approximate bytes of one key/text pair as the cache counts them. */
const pair = (key: string, text: string) => 2 * (key.length + text.length) + 64;

describe('SessionCache', () => {
  it('keeps a versioned full answer, applies a delta to the entry the load named, and never mutates an entry', () => {
    const cache = new SessionCache(1_000_000);
    const v1 = cache.loaded('s', stored('v1', { a: '1', b: '2', c: '3' }), undefined);
    expect(v1?.version).toBe('v1');
    const delta = stored('v2', { b: '20', d: '4' }, { delta: { deleted: ['c'] } });
    delta.versions.set('b', 7);
    const v2 = cache.loaded('s', delta, v1);
    expect(Object.fromEntries(v2?.texts ?? [])).toEqual({ a: '1', b: '20', d: '4' });
    expect(v2?.versions.get('b')).toBe(7);
    expect(Object.fromEntries(v1?.texts ?? [])).toEqual({ a: '1', b: '2', c: '3' }); // untouched
    expect(cache.get('s')).toBe(v2);
    // An empty delta at the same version is the entry itself.
    expect(cache.loaded('s', stored('v2', {}, { delta: { deleted: [] } }), v2)).toBe(v2);
  });

  it('does not cache an answer without a version (a store that does not version), and drops the entry', () => {
    const cache = new SessionCache(1_000_000);
    cache.loaded('s', stored('v1', { a: '1' }), undefined);
    expect(cache.loaded('s', stored(undefined, { a: '2' }), undefined)).toBeUndefined();
    expect(cache.get('s')).toBeUndefined();
    expect(cache.size).toBe(0);
    expect(cache.bytes).toBe(0);
  });

  it('refuses a delta without a base (a store answering a load that sent no version)', () => {
    const cache = new SessionCache(1_000_000);
    expect(() => cache.loaded('s', stored('v1', {}, { delta: { deleted: [] } }), undefined)).toThrow(
      expect.objectContaining({ code: 'INTERNAL' }),
    );
  });

  it('rolls forward after its own commit only from the version it holds; merge commits bump key versions', () => {
    const cache = new SessionCache(1_000_000);
    const base = stored('v1', { a: '1', b: '2' });
    base.versions.set('a', 3);
    cache.loaded('s', base, undefined);
    cache.committed('s', 'v0', 'v9', new Map([['a', 'x']]), [], false); // another base: ignored
    expect(cache.get('s')?.version).toBe('v1');
    cache.committed('s', 'v1', 'v2', new Map([['a', '10']]), ['b'], true);
    const entry = cache.get('s');
    expect(entry?.version).toBe('v2');
    expect(Object.fromEntries(entry?.texts ?? [])).toEqual({ a: '10' });
    expect(Object.fromEntries(entry?.versions ?? [])).toEqual({ a: 4, b: 1 });
    cache.committed('s', undefined, 'v3', new Map([['a', '11']]), [], false); // a creation: no previous
    expect(cache.get('s')?.version).toBe('v2');
  });

  it('is bounded by bytes, least recently used first; an entry larger than the bound is not kept', () => {
    const text = 'x'.repeat(100);
    const one = pair('k', text);
    const cache = new SessionCache(2 * one);
    cache.created('a', 'v', new Map([['k', text]]), 1, 2);
    cache.created('b', 'v', new Map([['k', text]]), 1, 2);
    expect(cache.bytes).toBe(2 * one);
    cache.get('a'); // b is now the least recently used
    cache.created('c', 'v', new Map([['k', text]]), 1, 2);
    expect(cache.get('b')).toBeUndefined();
    expect(cache.get('a')).toBeDefined();
    expect(cache.get('c')).toBeDefined();
    expect(cache.size).toBe(2);
    const huge = cache.loaded('h', stored('v', { k: 'y'.repeat(1_000) }), undefined);
    expect(huge?.texts.get('k')).toBe('y'.repeat(1_000)); // served once
    expect(cache.get('h')).toBeUndefined();
    expect(cache.bytes).toBeLessThanOrEqual(2 * one);
    cache.delete('a');
    expect(cache.bytes).toBe(one);
  });

  it('admission: a cyclic scan over more sessions than fit keeps a stable part cached (plain LRU would hit nothing)', () => {
    const text = 'x'.repeat(100);
    const cache = new SessionCache(3 * pair('k', text));
    const ids = ['a', 'b', 'c', 'd', 'e'];
    let hits = 0;
    for (let round = 0; round < 4; round++) {
      for (const id of ids) {
        const base = cache.get(id);
        if (base) hits++;
        cache.loaded(id, stored(base ? base.version : 'v', { k: text }), undefined);
      }
    }
    // Round 1 fills three; in rounds 2-4 those three hit every time.
    expect(hits).toBe(9);
    expect(cache.size).toBe(3);
    // A session asked for more often than the least recently used entry is admitted over it.
    for (let i = 0; i < 5; i++) {
      cache.get('z');
      cache.loaded('z', stored('v', { k: text }), undefined);
    }
    expect(cache.get('z')).toBeDefined();
    expect(cache.size).toBe(3);
  });

  it("counts a large ASCII text one byte per character, and keeps each text's UTF-8 size", () => {
    const cache = new SessionCache(10_000_000);
    const big = 'a'.repeat(100_000);
    const entry = cache.loaded('s', stored('v', { k: big, u: '"é"' }), undefined);
    expect(entry?.bytes).toBe(2 + big.length + 64 + 2 * (1 + 3) + 64);
    expect(entry?.utf8.get('u')).toBe(4);
    expect(entry?.sessionBytes).toBe(1 + (3 + big.length + 2) + (3 + 4 + 2));
  });

  it('refuses a negative or non-numeric bound (CONFIG_INVALID)', () => {
    expect(() => new SessionCache(-1)).toThrow(expect.objectContaining({ code: 'CONFIG_INVALID' }));
    expect(() => new SessionCache(Number.NaN)).toThrow(expect.objectContaining({ code: 'CONFIG_INVALID' }));
  });
});
