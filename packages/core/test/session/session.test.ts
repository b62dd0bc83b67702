import * as v from 'valibot';
import { afterEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { BatonError, Session, TEMP_PREFIX } from '../../src/index.js';
import { DEFAULT_MAX_SESSION_BYTES, RESERVED_PREFIX } from '../../src/session/session.js';

/** Runs `fn`, asserting it throws a BatonError, and returns that error. */
function thrown(fn: () => unknown): BatonError {
  let caught: unknown;
  try {
    fn();
  } catch (error) {
    caught = error;
  }
  if (caught === undefined) throw new Error('expected the call to throw, it returned normally');
  expect(caught).toBeInstanceOf(BatonError);
  return caught as BatonError;
}

/** The exact size of the persisted part as JSON text. */
const jsonBytes = (s: Session): number => Buffer.byteLength(JSON.stringify(s.toJSON()), 'utf8');

afterEach(() => {
  // No test may pollute Object.prototype, whatever it fed the session.
  expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  expect(Object.prototype).not.toHaveProperty('polluted');
});

class Money {
  constructor(
    readonly amount: number,
    readonly currency: string,
  ) {}
  static fromJSON(data: unknown): Money {
    const { amount, currency } = data as { amount: unknown; currency: unknown };
    if (typeof amount !== 'number' || typeof currency !== 'string') throw new TypeError('not a Money');
    return new Money(amount, currency);
  }
  toJSON() {
    return { amount: this.amount, currency: this.currency };
  }
  format(): string {
    return `${this.amount.toFixed(2)} ${this.currency}`;
  }
}

/** A class revived by its constructor, which takes the plain object. */
class Point {
  readonly x: number;
  readonly y: number;
  constructor(data: { x: number; y: number }) {
    if (typeof data?.x !== 'number') throw new TypeError('x must be a number');
    this.x = data.x;
    this.y = data.y;
  }
  norm(): number {
    return Math.hypot(this.x, this.y);
  }
}

describe('a new Session', () => {
  it('is empty, unmodified and serializes to {}', () => {
    const s = new Session();
    expect(s.size).toBe(0);
    expect(s.isEmpty).toBe(true);
    expect(s.isModified).toBe(false);
    expect(s.keys()).toEqual([]);
    expect(s.entries()).toEqual([]);
    expect([...s]).toEqual([]);
    expect(s.toJSON()).toEqual({});
    expect(s.changes()).toEqual({ set: new Map(), deleted: [] });
    expect(s.byteSize).toBe(2);
  });

  it('exports its prefixes and default limit', () => {
    expect(TEMP_PREFIX).toBe('temp:');
    expect(RESERVED_PREFIX).toBe('baton:');
    expect(DEFAULT_MAX_SESSION_BYTES).toBe(1024 * 1024);
  });
});

describe('get and set', () => {
  it('returns what was set, for every kind of JSON value', () => {
    const s = new Session();
    const values = {
      str: 'hello',
      empty: '',
      unicode: 'héllo 👋 \u2028 "quoted" \\ back',
      int: 42,
      zero: 0,
      neg: -7.25,
      big: 1e300,
      t: true,
      f: false,
      nil: null,
      arr: [1, 'two', null, [3], { four: 4 }],
      obj: { a: { b: { c: [1, 2, 3] } }, '': 'empty key', 'with space': 1 },
    };
    for (const [k, value] of Object.entries(values)) s.set(k, value);
    for (const [k, value] of Object.entries(values)) expect(s.get(k)).toEqual(value);
    expect(s.size).toBe(Object.keys(values).length);
  });

  it('returns undefined for a missing key', () => {
    const s = new Session().set('a', 1);
    expect(s.get('b')).toBeUndefined();
  });

  it('set returns the session (chainable)', () => {
    const s = new Session();
    expect(s.set('a', 1).set('b', 2)).toBe(s);
    expect(s.toJSON()).toEqual({ a: 1, b: 2 });
  });

  it('set overwrites', () => {
    const s = new Session().set('a', 1).set('a', { now: 'an object' });
    expect(s.get('a')).toEqual({ now: 'an object' });
    expect(s.size).toBe(1);
  });

  it('keys like toString, hasOwnProperty, valueOf are ordinary keys', () => {
    const s = new Session();
    expect(s.get('toString')).toBeUndefined();
    expect(s.has('hasOwnProperty')).toBe(false);
    s.set('toString', 'a').set('hasOwnProperty', 'b').set('valueOf', 3).set('__proto__x', 4);
    expect(s.get('toString')).toBe('a');
    expect(s.get('hasOwnProperty')).toBe('b');
    const copy = Session.from(JSON.parse(JSON.stringify(s)));
    expect(copy.get('valueOf')).toBe(3);
    expect(copy.get('__proto__x')).toBe(4);
    expect(copy.keys()).toEqual(['toString', 'hasOwnProperty', 'valueOf', '__proto__x']);
  });

  describe('get(key, default)', () => {
    it('returns the default only when the key is absent', () => {
      const s = new Session().set('zero', 0).set('empty', '').set('no', false).set('nil', null);
      expect(s.get('missing', 5)).toBe(5);
      expect(s.get('missing', { items: [] })).toEqual({ items: [] });
      // Falsy stored values are values, not absences.
      expect(s.get('zero', 5)).toBe(0);
      expect(s.get('empty', 'x')).toBe('');
      expect(s.get('no', true)).toBe(false);
      expect(s.get('nil', 'x')).toBeNull();
    });

    it('does not store the default', () => {
      const s = new Session();
      s.get('a', 1);
      expect(s.has('a')).toBe(false);
      expect(s.isModified).toBe(false);
    });

    it('a plain-object default that merely has a "schema" or "as" field is a default, not options', () => {
      const s = new Session();
      const dflt = { schema: 'v1', as: 'text' };
      expect(s.get('cfg', dflt)).toBe(dflt);
    });
  });

  describe('copies (document-by-test)', () => {
    it('get returns a copy: mutating it does not change the session', () => {
      const s = new Session().set('cart', { items: ['a'] });
      const cart = s.get('cart') as { items: string[] };
      cart.items.push('b');
      (cart as Record<string, unknown>).extra = true;
      expect(s.get('cart')).toEqual({ items: ['a'] });
      expect(s.isModified).toBe(true); // from the set, but...
      expect(s.changes().set.get('cart')).toBe('{"items":["a"]}');
      // ...two gets never share an object.
      expect(s.get('cart')).not.toBe(s.get('cart'));
    });

    it('the mutated copy is stored only when set back', () => {
      const s = Session.from({ cart: { items: ['a'] } });
      const cart = s.get('cart') as { items: string[] };
      cart.items.push('b');
      expect(s.isModified).toBe(false);
      s.set('cart', cart);
      expect(s.isModified).toBe(true);
      expect(s.get('cart')).toEqual({ items: ['a', 'b'] });
    });

    it('set stores a snapshot: mutating the original afterwards changes nothing', () => {
      const s = new Session();
      const value = { list: [1, 2] };
      s.set('v', value);
      value.list.push(3);
      expect(s.get('v')).toEqual({ list: [1, 2] });
    });

    it('entries, iteration and toJSON return copies', () => {
      const s = new Session().set('o', { n: 1 });
      (s.entries()[0]?.[1] as { n: number }).n = 2;
      for (const [, value] of s) (value as { n: number }).n = 3;
      (s.toJSON().o as { n: number }).n = 4;
      expect(s.get('o')).toEqual({ n: 1 });
    });
  });
});

describe('get with a schema', () => {
  const Cart = z.object({ items: z.array(z.string()), total: z.number().nonnegative() });

  describe('zod', () => {
    it('validates and returns the parsed value', () => {
      const s = new Session().set('cart', { items: ['a'], total: 3 });
      const cart = s.get('cart', { schema: Cart });
      expect(cart).toEqual({ items: ['a'], total: 3 });
    });

    it('applies the schema (defaults, transforms, stripping unknown keys)', () => {
      const s = new Session().set('prefs', { theme: 'dark', junk: 1 });
      const Prefs = z.object({ theme: z.string().transform((t) => t.toUpperCase()), lang: z.string().default('en') });
      expect(s.get('prefs', { schema: Prefs })).toEqual({ theme: 'DARK', lang: 'en' });
    });

    it('returns undefined for a missing key, and the default when given', () => {
      const s = new Session();
      expect(s.get('cart', { schema: Cart })).toBeUndefined();
      const dflt = { items: [], total: 0 };
      expect(s.get('cart', { schema: Cart, default: dflt })).toBe(dflt);
    });

    it('invalid stored data throws SESSION_VALUE_INVALID naming the key, never returns undefined', () => {
      const s = new Session().set('cart', { items: [1], total: -1 });
      const error = thrown(() => s.get('cart', { schema: Cart }));
      expect(error.code).toBe('SESSION_VALUE_INVALID');
      expect(error.status).toBe(400);
      expect(error.message).toContain('"cart"');
      expect(error.details?.key).toBe('cart');
      const issues = error.details?.issues as { path: string; message: string }[];
      expect(issues.map((i) => i.path).sort()).toEqual(['$.items.0', '$.total']);
    });

    it('a default does not mask invalid stored data', () => {
      const s = new Session().set('cart', 'not a cart');
      const error = thrown(() => s.get('cart', { schema: Cart, default: { items: [], total: 0 } }));
      expect(error.code).toBe('SESSION_VALUE_INVALID');
      expect(error.details?.key).toBe('cart');
    });

    it('an async schema is refused with a BatonError', () => {
      const s = new Session().set('name', 'bob');
      const Async = z.string().refine(async (x) => x.length > 0);
      const error = thrown(() => s.get('name', { schema: Async }));
      expect(error.code).toBe('SESSION_VALUE_INVALID');
      expect(error.message).toMatch(/async/i);
    });
  });

  describe('valibot', () => {
    const VCart = v.object({ items: v.array(v.string()), total: v.pipe(v.number(), v.minValue(0)) });

    it('validates and returns the parsed value', () => {
      const s = new Session().set('cart', { items: ['x', 'y'], total: 0 });
      expect(s.get('cart', { schema: VCart })).toEqual({ items: ['x', 'y'], total: 0 });
    });

    it('invalid stored data throws SESSION_VALUE_INVALID naming the key', () => {
      const s = new Session().set('cart', { items: ['x', 2], total: 1 });
      const error = thrown(() => s.get('cart', { schema: VCart }));
      expect(error.code).toBe('SESSION_VALUE_INVALID');
      expect(error.details?.key).toBe('cart');
      expect(error.message).toContain('cart');
      expect((error.details?.issues as { path: string }[] | undefined)?.[0]?.path).toBe('$.items.1');
    });

    it('missing key: undefined, or the default', () => {
      const s = new Session();
      expect(s.get('cart', { schema: VCart })).toBeUndefined();
      expect(s.get('cart', { schema: VCart, default: { items: ['d'], total: 1 } })).toEqual({
        items: ['d'],
        total: 1,
      });
    });

    it('can revive a Date from its ISO string through a transform', () => {
      const when = new Date('2024-05-06T07:08:09.010Z');
      const s = new Session().set('when', when);
      const VDate = v.pipe(
        v.string(),
        v.isoTimestamp(),
        v.transform((x) => new Date(x)),
      );
      const got = s.get('when', { schema: VDate });
      expect(got).toBeInstanceOf(Date);
      expect(got?.getTime()).toBe(when.getTime());
    });
  });
});

describe('Dates', () => {
  const when = new Date('2030-01-02T03:04:05.678Z');

  it('are stored as ISO strings and read back as strings without a schema', () => {
    const s = new Session().set('when', when);
    expect(s.get('when')).toBe('2030-01-02T03:04:05.678Z');
    expect(s.toJSON()).toEqual({ when: '2030-01-02T03:04:05.678Z' });
    expect(s.changes().set.get('when')).toBe('"2030-01-02T03:04:05.678Z"');
  });

  it('nested Dates are stored as ISO strings too', () => {
    const s = new Session().set('trip', { legs: [{ at: when }] });
    expect(s.get('trip')).toEqual({ legs: [{ at: '2030-01-02T03:04:05.678Z' }] });
  });

  it('are revived with z.coerce.date()', () => {
    const s = new Session().set('when', when);
    const got = s.get('when', { schema: z.coerce.date() });
    expect(got).toBeInstanceOf(Date);
    expect(got?.toISOString()).toBe(when.toISOString());
  });

  it('are validated with z.iso.datetime() (still a string) and rejected when not ISO', () => {
    const s = new Session().set('when', when).set('bad', 'next tuesday');
    expect(s.get('when', { schema: z.iso.datetime() })).toBe(when.toISOString());
    expect(thrown(() => s.get('bad', { schema: z.iso.datetime() })).code).toBe('SESSION_VALUE_INVALID');
  });

  it('are revived with { as: Date } (constructor taking the stored string)', () => {
    const s = new Session().set('when', when);
    const got = s.get('when', { as: Date });
    expect(got).toBeInstanceOf(Date);
    expect(got?.getTime()).toBe(when.getTime());
  });

  it('an invalid Date cannot be stored (toJSON gives null, which is stored as null)', () => {
    // Date#toJSON returns null for an invalid date, as JSON.stringify would: document it.
    const s = new Session().set('when', new Date(Number.NaN));
    expect(s.get('when')).toBeNull();
  });
});

describe('class revival with { as }', () => {
  it('uses a static fromJSON', () => {
    const s = new Session().set('price', new Money(9.5, 'EUR'));
    expect(s.get('price')).toEqual({ amount: 9.5, currency: 'EUR' });
    const price = s.get('price', { as: Money });
    expect(price).toBeInstanceOf(Money);
    expect(price?.format()).toBe('9.50 EUR');
  });

  it('uses the constructor when there is no fromJSON', () => {
    const s = new Session().set('p', { x: 3, y: 4 });
    const p = s.get('p', { as: Point });
    expect(p).toBeInstanceOf(Point);
    expect(p?.norm()).toBe(5);
  });

  it('missing key: undefined, or the default (not revived)', () => {
    const s = new Session();
    expect(s.get('price', { as: Money })).toBeUndefined();
    const dflt = new Money(0, 'USD');
    expect(s.get('price', { as: Money, default: dflt })).toBe(dflt);
  });

  it('a revival failure is SESSION_VALUE_INVALID naming the key, with the cause', () => {
    const s = new Session().set('price', { amount: 'lots' }).set('p', { y: 1 });
    const error = thrown(() => s.get('price', { as: Money }));
    expect(error.code).toBe('SESSION_VALUE_INVALID');
    expect(error.details?.key).toBe('price');
    expect(error.message).toContain('Money');
    expect(error.cause).toBeInstanceOf(TypeError);
    const error2 = thrown(() => s.get('p', { as: Point }));
    expect(error2.code).toBe('SESSION_VALUE_INVALID');
    expect(error2.details?.key).toBe('p');
  });

  it('class instances without toJSON are stored as their own enumerable fields', () => {
    const s = new Session().set('p', new Point({ x: 1, y: 2 }));
    expect(s.get('p')).toEqual({ x: 1, y: 2 });
    expect(s.get('p')).not.toBeInstanceOf(Point);
    expect(s.get('p', { as: Point })).toBeInstanceOf(Point);
  });

  it('toJSON is honoured at any depth', () => {
    const s = new Session().set('order', { lines: [{ price: new Money(1, 'EUR') }] });
    expect(s.get('order')).toEqual({ lines: [{ price: { amount: 1, currency: 'EUR' } }] });
  });
});

describe('set rejects values that are not JSON (SESSION_VALUE_NOT_JSON)', () => {
  const cyclic: Record<string, unknown> = { a: 1 };
  cyclic.self = cyclic;
  const deepCycle: { a: { b: unknown[] } } = { a: { b: [0, 1] } };
  deepCycle.a.b.push(deepCycle.a);
  // biome-ignore lint/suspicious/noSparseArray: a hole is the point of the test
  const sparse = [1, , 3];

  const cases: [string, unknown, string, string | RegExp][] = [
    ['a function', () => 1, '$', 'function'],
    ['a nested function', { a: { b: [0, 1, () => 1] } }, '$.a.b[2]', 'function'],
    ['a function property', { ok: 1, run() {} }, '$.run', 'function'],
    ['a symbol', Symbol('s'), '$', 'symbol'],
    ['a nested symbol', { tags: [Symbol.iterator] }, '$.tags[0]', 'symbol'],
    ['a bigint', 10n, '$', 'bigint'],
    ['a nested bigint', { n: { id: 2n ** 70n } }, '$.n.id', 'bigint'],
    ['undefined at the top level', undefined, '$', /undefined/],
    ['undefined inside an array', [1, undefined, 3], '$[1]', 'undefined'],
    ['a hole in a sparse array', { list: sparse }, '$.list[1]', 'undefined'],
    ['a cycle', cyclic, '$.self', 'a cycle'],
    ['a deep cycle', deepCycle, '$.a.b[2]', 'a cycle'],
    ['NaN', Number.NaN, '$', 'NaN'],
    ['Infinity', Number.POSITIVE_INFINITY, '$', 'Infinity'],
    ['-Infinity nested', { t: [Number.NEGATIVE_INFINITY] }, '$.t[0]', '-Infinity'],
    ['a Map', new Map([['a', 1]]), '$', 'Map'],
    ['a Set', { s: new Set([1]) }, '$.s', 'Set'],
    ['a WeakMap', new WeakMap(), '$', 'WeakMap'],
    ['a RegExp', { re: /x/ }, '$.re', 'RegExp'],
    ['a Promise', Promise.resolve(1), '$', 'Promise'],
    ['a typed array', { bytes: new Uint8Array([1]) }, '$.bytes', 'Uint8Array'],
    ['an Error', new Error('x'), '$', 'Error'],
    ['a toJSON returning a function', { toJSON: () => () => 1 }, '$', 'function'],
  ];

  it.each(cases)('rejects %s', (_name, value, path, found) => {
    const s = new Session();
    const error = thrown(() => s.set('my-key', value as never));
    expect(error.code).toBe('SESSION_VALUE_NOT_JSON');
    expect(error.details?.key).toBe('my-key');
    expect(error.details?.path).toBe(path);
    if (typeof found === 'string') expect(error.details?.found).toBe(found);
    else expect(error.details?.found).toMatch(found);
    expect(error.message).toContain('"my-key"');
    expect(error.message).toContain(path);
    expect(error.status).toBe(500);
    // Nothing was written.
    expect(s.has('my-key')).toBe(false);
    expect(s.isModified).toBe(false);
    expect(s.byteSize).toBe(2);
  });

  it('a rejected set leaves the previous value in place', () => {
    const s = Session.from({ a: { ok: true } });
    expect(() => s.set('a', { ok: () => true })).toThrow(BatonError);
    expect(s.get('a')).toEqual({ ok: true });
    expect(s.isModified).toBe(false);
    expect(s.changes()).toEqual({ set: new Map(), deleted: [] });
  });

  it('rejects non-JSON values for temp: keys too', () => {
    const s = new Session();
    expect(thrown(() => s.set('temp:x', 1n)).code).toBe('SESSION_VALUE_NOT_JSON');
    expect(s.has('temp:x')).toBe(false);
  });

  it('accepts what JSON accepts: shared (acyclic) references, undefined properties dropped', () => {
    const shared = { n: 1 };
    const s = new Session().set('dag', { a: shared, b: [shared, shared] }).set('opt', { a: 1, b: undefined });
    expect(s.get('dag')).toEqual({ a: { n: 1 }, b: [{ n: 1 }, { n: 1 }] });
    expect(s.get('opt')).toEqual({ a: 1 });
    expect(Object.keys(s.get('opt') as object)).toEqual(['a']);
  });

  it('stores -0 as 0, as JSON does', () => {
    const s = new Session().set('z', -0);
    expect(Object.is(s.get('z'), 0)).toBe(true);
  });
});

describe('keys', () => {
  const forbidden = ['__proto__', 'constructor', 'prototype', ''];

  it.each(forbidden)('refuses %j in set, get, has and delete', (key) => {
    const s = new Session();
    for (const call of [() => s.set(key, 1), () => s.get(key), () => s.has(key), () => s.delete(key)]) {
      const error = thrown(call);
      expect(error.code).toBe('SESSION_KEY_INVALID');
      expect(error.details?.key).toBe(key);
      expect(error.status).toBe(400);
    }
    expect(s.size).toBe(0);
  });

  it.each(['baton:pending', 'baton:', 'baton:x:y'])(
    'refuses the reserved key %j in set/get/has/delete/update',
    (key) => {
      const s = new Session();
      for (const call of [
        () => s.set(key, 1),
        () => s.get(key),
        () => s.has(key),
        () => s.delete(key),
        () => s.update({ [key]: 1 }),
      ]) {
        const error = thrown(call);
        expect(error.code).toBe('SESSION_KEY_INVALID');
        expect(error.message).toContain('reserved');
      }
      expect(s.toJSON()).toEqual({});
    },
  );

  it('accepts keys that merely resemble forbidden or reserved ones', () => {
    const s = new Session();
    const keys = ['__proto', '__proto__ ', 'Constructor', 'prototypes', 'baton', 'Baton:x', 'x-baton:', ' ', 'temp'];
    for (const k of keys) s.set(k, k);
    for (const k of keys) expect(s.get(k)).toBe(k);
    expect(s.keys()).toEqual(keys);
  });

  it('refuses a non-string key given at runtime', () => {
    const s = new Session();
    expect(thrown(() => s.set(1 as never, 1)).code).toBe('SESSION_KEY_INVALID');
    expect(thrown(() => s.get(Symbol('k') as never)).code).toBe('SESSION_KEY_INVALID');
  });

  it('a refused __proto__ set never touches Object.prototype', () => {
    const s = new Session();
    expect(() => s.set('__proto__', { polluted: 1 })).toThrow(BatonError);
    expect(() => s.update(JSON.parse('{"__proto__": {"polluted": 1}}'))).toThrow(BatonError);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});

describe('has, delete, clear', () => {
  it('has is true for a stored null and false for a missing key', () => {
    const s = new Session().set('nil', null);
    expect(s.has('nil')).toBe(true);
    expect(s.has('other')).toBe(false);
  });

  it('delete removes a key and says whether it existed', () => {
    const s = new Session().set('a', 1).set('b', 2);
    expect(s.delete('a')).toBe(true);
    expect(s.delete('a')).toBe(false);
    expect(s.has('a')).toBe(false);
    expect(s.get('a')).toBeUndefined();
    expect(s.keys()).toEqual(['b']);
    expect(s.toJSON()).toEqual({ b: 2 });
  });

  it('clear removes every key, temp ones and Baton-reserved ones included', () => {
    const s = Session.from({ a: 1, b: { c: 2 }, 'baton:pending': [1] });
    s.set('temp:t', 1);
    expect(s.clear()).toBe(s);
    expect(s.size).toBe(0);
    expect(s.isEmpty).toBe(true);
    expect(s.toJSON()).toEqual({});
    expect(s.has('temp:t')).toBe(false);
    expect(s.byteSize).toBe(2);
    expect(s.isModified).toBe(true);
    expect(s.changes().deleted.sort()).toEqual(['a', 'b', 'baton:pending']);
    expect([...s.changes().set]).toEqual([]);
  });

  it('clear on an empty session is not a modification', () => {
    const s = new Session().clear();
    expect(s.isModified).toBe(false);
  });
});

describe('update', () => {
  it('sets several keys and returns the session', () => {
    const s = new Session().set('a', 1);
    expect(s.update({ b: 2, c: [3] })).toBe(s);
    expect(s.toJSON()).toEqual({ a: 1, b: 2, c: [3] });
    expect([...s.changes().set.keys()].sort()).toEqual(['a', 'b', 'c']);
  });

  it('is atomic: one non-JSON value and nothing is written', () => {
    const s = Session.from({ a: 1 });
    const error = thrown(() => s.update({ a: 2, b: 3, c: { d: [Number.NaN] }, e: 5 }));
    expect(error.code).toBe('SESSION_VALUE_NOT_JSON');
    expect(error.details?.key).toBe('c');
    expect(error.details?.path).toBe('$.d[0]');
    expect(s.toJSON()).toEqual({ a: 1 });
    expect(s.isModified).toBe(false);
  });

  it('is atomic: one invalid key and nothing is written', () => {
    const s = new Session();
    const error = thrown(() => s.update({ a: 1, prototype: 2 }));
    expect(error.code).toBe('SESSION_KEY_INVALID');
    expect(s.has('a')).toBe(false);
    expect(s.isModified).toBe(false);
  });

  it('is atomic: going over the size limit half-way writes nothing', () => {
    const s = new Session({ maxBytes: 60 }).set('temp:t', 'temp value');
    s.set('a', 'x');
    const before = s.byteSize;
    const error = thrown(() => s.update({ a: 'y', 'temp:t': 'changed', b: 'z'.repeat(100) }));
    expect(error.code).toBe('SESSION_TOO_LARGE');
    expect(s.get('a')).toBe('x');
    expect(s.get('temp:t')).toBe('temp value');
    expect(s.has('b')).toBe(false);
    expect(s.byteSize).toBe(before);
    expect(s.changes().set).toEqual(new Map([['a', '"x"']]));
  });

  it('writes temp: keys to the temp part', () => {
    const s = new Session().update({ 'temp:t': 1, p: 2 });
    expect(s.get('temp:t')).toBe(1);
    expect(s.toJSON()).toEqual({ p: 2 });
  });

  it('with equal values is not a modification', () => {
    const s = Session.from({ a: 1, b: [1, 2] });
    s.update({ a: 1, b: [1, 2] });
    expect(s.isModified).toBe(false);
  });

  it('refuses a non-object', () => {
    const s = new Session();
    for (const bad of [[1, 2], null, 'str', 3]) {
      expect(thrown(() => s.update(bad as never)).code).toBe('SESSION_INVALID');
    }
  });
});

describe('keys, entries, size, iteration', () => {
  it('list persisted user keys in insertion order', () => {
    const s = new Session().set('b', 1).set('a', 2).set('10', 3).set('temp:t', 4);
    expect(s.keys()).toEqual(['b', 'a', '10']);
    expect(s.entries()).toEqual([
      ['b', 1],
      ['a', 2],
      ['10', 3],
    ]);
    expect(s.size).toBe(3);
    expect(s.isEmpty).toBe(false);
  });

  it('for..of yields [key, value] pairs', () => {
    const s = new Session().set('x', { n: 1 }).set('y', 'two');
    const seen: [string, unknown][] = [];
    for (const [key, value] of s) seen.push([key, value]);
    expect(seen).toEqual([
      ['x', { n: 1 }],
      ['y', 'two'],
    ]);
    expect(new Map(s)).toEqual(
      new Map<string, unknown>([
        ['x', { n: 1 }],
        ['y', 'two'],
      ]),
    );
  });

  it('size follows sets and deletes', () => {
    const s = new Session().set('a', 1).set('b', 2).set('a', 3);
    expect(s.size).toBe(2);
    s.delete('a');
    expect(s.size).toBe(1);
    s.delete('b');
    expect(s.isEmpty).toBe(true);
  });

  it('Baton-reserved keys are persisted but hidden from keys/entries/size', () => {
    const s = Session.from({ 'baton:pending': { id: 1 }, user: 'ann' });
    expect(s.keys()).toEqual(['user']);
    expect(s.entries()).toEqual([['user', 'ann']]);
    expect(s.size).toBe(1);
    expect(s.toJSON()).toEqual({ 'baton:pending': { id: 1 }, user: 'ann' });
  });

  it('a session holding only Baton-reserved keys is empty', () => {
    expect(Session.from({ 'baton:pending': 1 }).isEmpty).toBe(true);
  });
});

describe('toJSON and JSON.stringify', () => {
  it('gives the persisted state as a plain object; JSON.stringify(session) works', () => {
    const s = new Session().set('a', { b: [1, 'c'] }).set('temp:t', 1);
    expect(s.toJSON()).toEqual({ a: { b: [1, 'c'] } });
    expect(JSON.stringify(s)).toBe('{"a":{"b":[1,"c"]}}');
    expect(Object.getPrototypeOf(s.toJSON())).toBe(Object.prototype);
  });
});

describe('Session.from', () => {
  it('builds a session from a plain object, unmodified', () => {
    const s = Session.from({ step: 2, cart: { items: ['a'] } });
    expect(s.get('step')).toBe(2);
    expect(s.get('cart')).toEqual({ items: ['a'] });
    expect(s.isModified).toBe(false);
    expect(s.changes()).toEqual({ set: new Map(), deleted: [] });
  });

  it('null and undefined give an empty session', () => {
    for (const data of [null, undefined]) {
      const s = Session.from(data);
      expect(s.isEmpty).toBe(true);
      expect(s.toJSON()).toEqual({});
    }
  });

  it('accepts a null-prototype object', () => {
    const data = Object.assign(Object.create(null) as Record<string, unknown>, { a: 1 });
    expect(Session.from(data).get('a')).toBe(1);
  });

  it.each([
    ['an array', [1, 2]],
    ['an empty array', []],
    ['a string', '{"a":1}'],
    ['a number', 42],
    ['a boolean', true],
  ])('refuses %s with SESSION_INVALID', (_name, data) => {
    const error = thrown(() => Session.from(data));
    expect(error.code).toBe('SESSION_INVALID');
    expect(error.status).toBe(400);
  });

  it.each([
    ['__proto__', '{"a": 1, "__proto__": {"polluted": 1}}'],
    ['constructor', '{"constructor": {"prototype": {"polluted": 1}}}'],
    ['prototype', '{"prototype": {"polluted": 1}}'],
    ['', '{"": 1}'],
  ])('refuses a %j key with SESSION_KEY_INVALID and never pollutes', (key, text) => {
    const data = JSON.parse(text);
    expect(Object.keys(data)).toContain(key); // an own key, as a JSON body would have it
    const error = thrown(() => Session.from(data));
    expect(error.code).toBe('SESSION_KEY_INVALID');
    expect(error.details?.key).toBe(key);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('a nested __proto__ key is plain data: kept as an own property, no pollution', () => {
    const s = Session.from(JSON.parse('{"a": {"__proto__": {"polluted": 1}}}'));
    const a = s.get('a') as Record<string, unknown>;
    expect(Object.keys(a)).toEqual(['__proto__']);
    expect(Object.getPrototypeOf(a)).toBe(Object.prototype);
    expect((a as { polluted?: unknown }).polluted).toBeUndefined();
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    // And it survives a round trip as data.
    expect(JSON.stringify(Session.from(JSON.parse(JSON.stringify(s))))).toBe('{"a":{"__proto__":{"polluted":1}}}');
  });

  it('refuses non-JSON values with SESSION_INVALID naming the key and path', () => {
    const error = thrown(() => Session.from({ ok: 1, bad: { list: [1, Number.NaN] } }));
    expect(error.code).toBe('SESSION_INVALID');
    expect(error.details?.key).toBe('bad');
    expect(error.details?.path).toBe('$.list[1]');
  });

  it('drops temp: keys', () => {
    const s = Session.from({ 'temp:x': 1, 'temp:': 2, keep: 3 });
    expect(s.has('temp:x')).toBe(false);
    expect(s.get('temp:')).toBeUndefined();
    expect(s.toJSON()).toEqual({ keep: 3 });
  });

  it('copies another Session, independently', () => {
    const a = new Session().set('x', 1).set('temp:t', 2);
    const b = Session.from(a);
    expect(b.toJSON()).toEqual({ x: 1 });
    expect(b.has('temp:t')).toBe(false);
    expect(b.isModified).toBe(false);
    b.set('x', 2);
    expect(a.get('x')).toBe(1);
  });

  it('is a faithful round trip with toJSON', () => {
    const original = new Session()
      .set('n', 1.5)
      .set('s', 'ü\n"')
      .set('arr', [null, true, { deep: [[]] }])
      .set('when', new Date(0));
    const copy = Session.from(JSON.parse(JSON.stringify(original.toJSON())));
    expect(copy.toJSON()).toEqual(original.toJSON());
    expect(copy.keys()).toEqual(original.keys());
    expect(copy.byteSize).toBe(original.byteSize);
    expect(copy.get('when')).toBe('1970-01-01T00:00:00.000Z');
  });
});

describe('Session.fromTexts (lazy decode)', () => {
  it('round trips what changes() produced', () => {
    const s = new Session()
      .set('a', { b: [1, 2] })
      .set('c', 'str')
      .set('d', null);
    const copy = Session.fromTexts(s.changes().set);
    expect(copy.toJSON()).toEqual(s.toJSON());
    expect(copy.isModified).toBe(false);
    expect(copy.byteSize).toBe(s.byteSize);
    expect(copy.byteSize).toBe(jsonBytes(copy));
  });

  it('does not decode at load: a corrupt text fails only when its key is read', () => {
    const s = Session.fromTexts([
      ['good', '{"ok":true}'],
      ['bad', '{not json'],
    ]);
    expect(s.keys()).toEqual(['good', 'bad']);
    expect(s.has('bad')).toBe(true);
    expect(s.get('good')).toEqual({ ok: true });
    const error = thrown(() => s.get('bad'));
    expect(error.code).toBe('SESSION_VALUE_INVALID');
    expect(error.details?.key).toBe('bad');
    expect(error.cause).toBeInstanceOf(SyntaxError);
    // Overwriting the corrupt value repairs the session.
    s.set('bad', 1);
    expect(s.toJSON()).toEqual({ good: { ok: true }, bad: 1 });
  });

  it('checks keys at load', () => {
    expect(thrown(() => Session.fromTexts([['__proto__', '1']])).code).toBe('SESSION_KEY_INVALID');
    expect(thrown(() => Session.fromTexts([['', '1']])).code).toBe('SESSION_KEY_INVALID');
    // Baton's own keys come back from the store.
    expect(Session.fromTexts([['baton:pending', '[]']]).toJSON()).toEqual({ 'baton:pending': [] });
  });

  it('setting the loaded value again is not a modification', () => {
    const s = Session.fromTexts([['a', '{"x":[1,2]}']]);
    s.set('a', { x: [1, 2] });
    expect(s.isModified).toBe(false);
  });

  it('a repeated key keeps the last text and counts it once', () => {
    const s = Session.fromTexts([
      ['a', '"first, long text"'],
      ['a', '2'],
    ]);
    expect(s.get('a')).toBe(2);
    expect(s.byteSize).toBe(jsonBytes(s));
  });
});

describe('change tracking', () => {
  it('set of a new key is a change with its JSON text', () => {
    const s = Session.from({ a: 1 });
    s.set('b', { c: 'd' });
    expect(s.isModified).toBe(true);
    expect(s.changes()).toEqual({ set: new Map([['b', '{"c":"d"}']]), deleted: [] });
  });

  it('setting an equal value is not a change', () => {
    const s = Session.from({ a: 1, b: { c: [1, 2] }, n: null });
    s.set('a', 1)
      .set('b', { c: [1, 2] })
      .set('n', null);
    expect(s.isModified).toBe(false);
    expect(s.changes()).toEqual({ set: new Map(), deleted: [] });
  });

  it('set then set back to the original is not a change', () => {
    const s = Session.from({ a: 1 });
    s.set('a', 2);
    expect(s.isModified).toBe(true);
    s.set('a', 1);
    expect(s.isModified).toBe(false);
    expect(s.changes()).toEqual({ set: new Map(), deleted: [] });
  });

  it('deleting a missing key is not a change', () => {
    const s = Session.from({ a: 1 });
    expect(s.delete('zzz')).toBe(false);
    expect(s.isModified).toBe(false);
    expect(s.changes().deleted).toEqual([]);
  });

  it('deleting a loaded key is a change; setting it back undoes it', () => {
    const s = Session.from({ a: 1, b: 2 });
    s.delete('a');
    expect(s.isModified).toBe(true);
    expect(s.changes()).toEqual({ set: new Map(), deleted: ['a'] });
    s.set('a', 1);
    expect(s.isModified).toBe(false);
  });

  it('adding then deleting a key that was never loaded is not a change', () => {
    const s = Session.from({ a: 1 });
    s.set('new', 1);
    s.delete('new');
    expect(s.isModified).toBe(false);
    expect(s.changes()).toEqual({ set: new Map(), deleted: [] });
  });

  it('changes() lists only the real changes', () => {
    const s = Session.from({ same: 1, changed: 1, gone: 1, back: 1 });
    s.set('same', 1).set('changed', 2).set('added', [3]).set('back', 9).set('back', 1);
    s.delete('gone');
    s.delete('never');
    s.set('temp:t', 1);
    const { set, deleted } = s.changes();
    expect([...set].sort()).toEqual([
      ['added', '[3]'],
      ['changed', '2'],
    ]);
    expect(deleted).toEqual(['gone']);
  });

  it('temp: keys never count as modifications', () => {
    const s = Session.from({ a: 1 });
    s.set('temp:x', { y: 1 });
    s.update({ 'temp:z': 2 });
    s.delete('temp:x');
    s.set('temp:q', 3);
    expect(s.isModified).toBe(false);
    expect(s.changes()).toEqual({ set: new Map(), deleted: [] });
  });

  it('a new, empty session that stays empty is not modified', () => {
    const s = new Session();
    s.delete('x');
    s.set('a', 1);
    s.delete('a');
    expect(s.isModified).toBe(false);
  });
});

describe('temp: keys', () => {
  it('are readable and writable, with defaults, schemas and has/delete', () => {
    const s = new Session().set('temp:user', { name: 'ann' });
    expect(s.get('temp:user')).toEqual({ name: 'ann' });
    expect(s.get('temp:user', { schema: z.object({ name: z.string() }) })).toEqual({ name: 'ann' });
    expect(s.get('temp:missing', 7)).toBe(7);
    expect(s.has('temp:user')).toBe(true);
    expect(s.delete('temp:user')).toBe(true);
    expect(s.delete('temp:user')).toBe(false);
    expect(s.has('temp:user')).toBe(false);
  });

  it('get of a temp: key returns a copy too', () => {
    const s = new Session().set('temp:o', { n: 1 });
    (s.get('temp:o') as { n: number }).n = 2;
    expect(s.get('temp:o')).toEqual({ n: 1 });
  });

  it('are never in toJSON, keys, entries, size, byteSize', () => {
    const s = new Session().set('a', 1);
    const bytes = s.byteSize;
    s.set('temp:big', 'x'.repeat(1000));
    expect(s.toJSON()).toEqual({ a: 1 });
    expect(s.keys()).toEqual(['a']);
    expect([...s]).toEqual([['a', 1]]);
    expect(s.size).toBe(1);
    expect(s.byteSize).toBe(bytes);
  });

  it('do not count toward maxBytes', () => {
    const s = new Session({ maxBytes: 20 });
    s.set('temp:big', 'x'.repeat(1000));
    expect(s.get('temp:big')).toHaveLength(1000);
  });
});

describe('byteSize', () => {
  it('is the exact UTF-8 size of JSON.stringify(toJSON())', () => {
    const s = new Session();
    expect(s.byteSize).toBe(2);
    s.set('a', 1);
    expect(s.byteSize).toBe('{"a":1}'.length);
    s.set('b', 'é');
    expect(s.byteSize).toBe(jsonBytes(s));
    s.set('a', [1, 2, 3]);
    expect(s.byteSize).toBe(jsonBytes(s));
    s.set('ключ "quoted" \\ \n \u0001', '👋');
    expect(s.byteSize).toBe(jsonBytes(s));
    s.delete('a');
    expect(s.byteSize).toBe(jsonBytes(s));
    s.clear();
    expect(s.byteSize).toBe(2);
  });

  it('matches after Session.from with escaped keys and values', () => {
    const s = Session.from({ 'a"b': '\u2028', 'c\\d': { '\n': [1.5e-7] }, '😀': '😀' });
    expect(s.byteSize).toBe(jsonBytes(s));
  });
});

describe('size limit (maxBytes)', () => {
  it('refuses a set over the limit with SESSION_TOO_LARGE and leaves the session unchanged', () => {
    const s = Session.from({ a: 'small' }, { maxBytes: 50 });
    const before = { json: s.toJSON(), bytes: s.byteSize };
    const error = thrown(() => s.set('b', 'x'.repeat(100)));
    expect(error.code).toBe('SESSION_TOO_LARGE');
    expect(error.status).toBe(413);
    expect(error.details).toMatchObject({ maxBytes: 50, key: 'b' });
    expect(error.details?.bytes).toBeGreaterThan(50);
    expect(s.toJSON()).toEqual(before.json);
    expect(s.byteSize).toBe(before.bytes);
    expect(s.has('b')).toBe(false);
    expect(s.isModified).toBe(false);
  });

  it('refuses growing an existing value over the limit, keeping the old value', () => {
    const s = new Session({ maxBytes: 30 }).set('a', 'x');
    expect(thrown(() => s.set('a', 'y'.repeat(40))).code).toBe('SESSION_TOO_LARGE');
    expect(s.get('a')).toBe('x');
  });

  it('accepts a session of exactly maxBytes and refuses one byte more', () => {
    const exact = new Session({ maxBytes: 20 });
    exact.set('k', 'x'.repeat(12)); // {"k":"xxxxxxxxxxxx"} is 20 bytes
    expect(exact.byteSize).toBe(20);
    const over = new Session({ maxBytes: 20 });
    expect(thrown(() => over.set('k', 'x'.repeat(13))).code).toBe('SESSION_TOO_LARGE');
  });

  it('allows shrinking or deleting when at the limit', () => {
    const s = new Session({ maxBytes: 40 }).set('a', 'x'.repeat(20));
    s.set('a', 'short');
    s.delete('a');
    s.set('b', 'x'.repeat(20));
    expect(s.get('b')).toHaveLength(20);
  });

  it('refuses Session.from and fromTexts over the limit', () => {
    const data = { a: 'x'.repeat(100) };
    expect(thrown(() => Session.from(data, { maxBytes: 50 })).code).toBe('SESSION_TOO_LARGE');
    expect(thrown(() => Session.fromTexts([['a', JSON.stringify('x'.repeat(100))]], { maxBytes: 50 })).code).toBe(
      'SESSION_TOO_LARGE',
    );
    expect(Session.from(data, { maxBytes: 200 }).get('a')).toBe(data.a);
  });

  it('temp: keys in the data do not count toward the limit of Session.from', () => {
    const s = Session.from({ a: 1, 'temp:big': 'x'.repeat(1000) }, { maxBytes: 20 });
    expect(s.toJSON()).toEqual({ a: 1 });
  });

  it('defaults to 1 MiB', () => {
    const s = new Session();
    s.set('almost', 'x'.repeat(DEFAULT_MAX_SESSION_BYTES - 20));
    expect(thrown(() => s.set('more', 'x'.repeat(100))).code).toBe('SESSION_TOO_LARGE');
    expect(thrown(() => Session.from({ big: 'x'.repeat(DEFAULT_MAX_SESSION_BYTES) })).code).toBe('SESSION_TOO_LARGE');
  });
});

describe('Session.from refuses objects that are not plain JSON objects', () => {
  it.each([
    ['a Map', new Map([['a', 1]])],
    ['a Date', new Date(0)],
    [
      'a class instance',
      new (class Cart {
        items = ['x'];
      })(),
    ],
  ])('%s → SESSION_INVALID', (_label, value) => {
    expect(() => Session.from(value)).toThrow(expect.objectContaining({ code: 'SESSION_INVALID' }));
  });

  it('accepts a null-prototype object', () => {
    const data = Object.create(null) as Record<string, unknown>;
    data.step = 2;
    expect(Session.from(data).get('step')).toBe(2);
  });
});

describe('Session typing accepts interfaces as shapes', () => {
  it('an interface (no index signature) can be a session shape', () => {
    interface Wizard {
      step: number;
    }
    const session = new Session<Wizard>();
    session.set('step', 3);
    expect(session.get('step')).toBe(3);
  });
});

describe('deeply nested values', () => {
  const nested = (depth: number): unknown => {
    let text = '1';
    for (let i = 0; i < depth; i++) text = `[${text}]`;
    return JSON.parse(text);
  };

  it('set refuses nesting deeper than MAX_DEPTH with SESSION_VALUE_NOT_JSON (no stack overflow)', () => {
    const session = new Session();
    expect(() => session.set('deep', nested(10_000))).toThrow(
      expect.objectContaining({ code: 'SESSION_VALUE_NOT_JSON', details: expect.objectContaining({ key: 'deep' }) }),
    );
    expect(session.has('deep')).toBe(false);
  });

  it('Session.from refuses it as SESSION_INVALID', () => {
    expect(() => Session.from({ deep: nested(10_000) })).toThrow(expect.objectContaining({ code: 'SESSION_INVALID' }));
  });

  it('nesting within the bound is kept', () => {
    const session = new Session();
    session.set('ok', nested(200));
    expect(session.get('ok')).toEqual(nested(200));
  });
});

describe('Session.toJSON with large values', () => {
  it('decodes a large value when it is read, and the object is a plain object all the same', () => {
    const history = Array.from({ length: 200 }, (_, i) => ({ i, text: 'x'.repeat(40) }));
    const session = Session.from({ n: 1, history });
    const json = session.toJSON();
    expect(Object.keys(json)).toEqual(['n', 'history']);
    expect(json).toEqual({ n: 1, history });
    expect(JSON.parse(JSON.stringify(json))).toEqual({ n: 1, history });
    (json.history as unknown[]).push('mutated'); // a fresh copy: the session is unchanged
    expect(session.get('history')).toEqual(history);
    json.history = 'replaced';
    expect(json.history).toBe('replaced');
    expect({ ...session.toJSON() }).toEqual({ n: 1, history });
  });
});
