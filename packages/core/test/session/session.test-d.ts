import * as v from 'valibot';
import { describe, expectTypeOf, it } from 'vitest';
import { z } from 'zod';
import { type JsonObject, Session, type SessionChanges } from '../../src/index.js';

type Wizard = { step: number; cart: { items: string[] } };

class Money {
  constructor(readonly amount: number) {}
  static fromJSON(data: unknown): Money {
    return new Money((data as { amount: number }).amount);
  }
}
class Point {
  constructor(readonly data: { x: number }) {}
}

describe('a typed Session<{ step: number; cart: { items: string[] } }>', () => {
  const s = new Session<Wizard>();

  it('get(key) is the value type | undefined', () => {
    expectTypeOf(s.get('step')).toEqualTypeOf<number | undefined>();
    expectTypeOf(s.get('cart')).toEqualTypeOf<{ items: string[] } | undefined>();
  });

  it('get(key, default) is the value type', () => {
    expectTypeOf(s.get('step', 0)).toEqualTypeOf<number>();
    expectTypeOf(s.get('cart', { items: [] })).toEqualTypeOf<{ items: string[] }>();
    // @ts-expect-error the default must have the key's type
    s.get('step', 'zero');
  });

  it('unknown keys are type errors', () => {
    // @ts-expect-error not a key of the shape
    s.get('nope');
    // @ts-expect-error not a key of the shape
    s.set('nope', 1);
    // @ts-expect-error not a key of the shape
    s.has('nope');
    // @ts-expect-error not a key of the shape
    s.delete('nope');
    // @ts-expect-error not a key of the shape
    s.update({ nope: 1 });
  });

  it('set checks the value type', () => {
    expectTypeOf(s.set('step', 1)).toEqualTypeOf<Session<Wizard>>();
    // @ts-expect-error step is a number
    s.set('step', 'x');
    // @ts-expect-error items are strings
    s.set('cart', { items: [1] });
    s.update({ step: 2 });
    // @ts-expect-error step is a number
    s.update({ step: '2' });
  });

  it('keys, entries and iteration are typed by the shape', () => {
    expectTypeOf(s.keys()).toEqualTypeOf<('step' | 'cart')[]>();
    expectTypeOf(s.entries()).toEqualTypeOf<['step' | 'cart', number | { items: string[] }][]>();
    for (const [key, value] of s) {
      expectTypeOf(key).toEqualTypeOf<'step' | 'cart'>();
      expectTypeOf(value).toEqualTypeOf<number | { items: string[] }>();
    }
  });

  it('Session.from and fromTexts take the shape as a type argument', () => {
    expectTypeOf(Session.from<Wizard>({ step: 1 })).toEqualTypeOf<Session<Wizard>>();
    expectTypeOf(Session.fromTexts<Wizard>([['step', '1']])).toEqualTypeOf<Session<Wizard>>();
  });
});

describe('an untyped Session', () => {
  const s = new Session();

  it('accepts any string key and holds unknown values', () => {
    expectTypeOf(s.get('anything')).toEqualTypeOf<unknown>();
    expectTypeOf(s.set('anything', { deep: [1] })).toEqualTypeOf<Session>();
    expectTypeOf(s.has('whatever')).toEqualTypeOf<boolean>();
    expectTypeOf(s.keys()).toEqualTypeOf<string[]>();
    expectTypeOf(Session.from({ a: 1 })).toEqualTypeOf<Session>();
  });

  it('keys must still be strings', () => {
    // @ts-expect-error a number is not a key
    s.get(1);
    // @ts-expect-error a symbol is not a key
    s.set(Symbol('k'), 1);
  });
});

describe('get with a schema or a class', () => {
  const s = new Session();
  const Cart = z.object({ items: z.array(z.string()), total: z.number() });

  it("zod: the schema's output type | undefined", () => {
    expectTypeOf(s.get('cart', { schema: Cart })).toEqualTypeOf<{ items: string[]; total: number } | undefined>();
    expectTypeOf(s.get('when', { schema: z.coerce.date() })).toEqualTypeOf<Date | undefined>();
    expectTypeOf(s.get('n', { schema: z.string().transform((x) => x.length) })).toEqualTypeOf<number | undefined>();
  });

  it("with a default: the schema's output type", () => {
    expectTypeOf(s.get('cart', { schema: Cart, default: { items: [], total: 0 } })).toEqualTypeOf<{
      items: string[];
      total: number;
    }>();
    const typed = new Session<{ cart: { items: string[]; total: number } }>();
    // @ts-expect-error the default must match the schema's output
    typed.get('cart', { schema: Cart, default: { items: 'no' } });
    // On an untyped session such a call falls back to the get(key, default) overload, so it only
    // compiles as `unknown`: it never claims the schema's type for a wrong default.
    expectTypeOf(s.get('cart', { schema: Cart, default: { items: 'no' } })).toEqualTypeOf<unknown>();
  });

  it('valibot: the schema output type', () => {
    const VCart = v.object({ items: v.array(v.string()) });
    expectTypeOf(s.get('cart', { schema: VCart })).toEqualTypeOf<{ items: string[] } | undefined>();
  });

  it('a typed session can read a key through a schema', () => {
    const typed = new Session<Wizard>();
    expectTypeOf(typed.get('step', { schema: z.number().int() })).toEqualTypeOf<number | undefined>();
  });

  it('as: the class instance type', () => {
    expectTypeOf(s.get('price', { as: Money })).toEqualTypeOf<Money | undefined>();
    expectTypeOf(s.get('price', { as: Money, default: new Money(0) })).toEqualTypeOf<Money>();
    expectTypeOf(s.get('p', { as: Point })).toEqualTypeOf<Point | undefined>();
    expectTypeOf(s.get('d', { as: Date })).toEqualTypeOf<Date | undefined>();
  });
});

describe('the rest of the API', () => {
  const s = new Session();
  it('has the documented types', () => {
    expectTypeOf(s.toJSON()).toEqualTypeOf<JsonObject>();
    expectTypeOf(s.changes()).toEqualTypeOf<SessionChanges>();
    expectTypeOf(s.changes().set).toEqualTypeOf<Map<string, string>>();
    expectTypeOf(s.isModified).toEqualTypeOf<boolean>();
    expectTypeOf(s.isEmpty).toEqualTypeOf<boolean>();
    expectTypeOf(s.size).toEqualTypeOf<number>();
    expectTypeOf(s.byteSize).toEqualTypeOf<number>();
    expectTypeOf(s.delete('k')).toEqualTypeOf<boolean>();
    expectTypeOf(s.clear()).toEqualTypeOf<Session>();
    expectTypeOf(s).toMatchTypeOf<Iterable<[string, unknown]>>();
  });
});
