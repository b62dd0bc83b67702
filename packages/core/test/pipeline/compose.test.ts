import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compose, type Middleware } from '../../src/entries/plugin.js';
import { BatonError } from '../../src/index.js';

describe('compose', () => {
  it('runs layers as an onion in registration order, then the terminal', async () => {
    const log: string[] = [];
    const layer =
      (name: string): Middleware<number, number> =>
      async (input, next) => {
        log.push(`${name}:before(${input})`);
        const out = await next();
        log.push(`${name}:after(${out})`);
        return out;
      };
    const run = compose([layer('a'), layer('b'), layer('c')], async (input) => {
      log.push(`terminal(${input})`);
      return input * 10;
    });
    await expect(run(4)).resolves.toBe(40);
    expect(log).toEqual([
      'a:before(4)',
      'b:before(4)',
      'c:before(4)',
      'terminal(4)',
      'c:after(40)',
      'b:after(40)',
      'a:after(40)',
    ]);
  });

  it('with no layers calls the terminal directly', async () => {
    const run = compose<string, string>([], async (s) => s.toUpperCase());
    await expect(run('abc')).resolves.toBe('ABC');
  });

  it('next(changedInput) passes the changed input inward; next() keeps the current one', async () => {
    const seen: number[] = [];
    const run = compose<number, number>(
      [
        async (n, next) => next(n + 1),
        async (n, next) => {
          seen.push(n);
          return next();
        },
        async (n, next) => next(n * 3),
      ],
      async (n) => n,
    );
    await expect(run(1)).resolves.toBe(6);
    expect(seen).toEqual([2]);
  });

  it('a layer may change the result on the way out', async () => {
    const run = compose<string, string>([async (_s, next) => `<${await next()}>`], async (s) => s);
    await expect(run('x')).resolves.toBe('<x>');
  });

  it('a layer may answer without calling next (inner layers and terminal never run)', async () => {
    let terminalCalls = 0;
    let innerCalls = 0;
    const run = compose<number, number>(
      [
        async (n) => n + 100,
        async (_n, next) => {
          innerCalls++;
          return next();
        },
      ],
      async (n) => {
        terminalCalls++;
        return n;
      },
    );
    await expect(run(1)).resolves.toBe(101);
    expect(terminalCalls).toBe(0);
    expect(innerCalls).toBe(0);
  });

  it('calling next() twice in one layer rejects with an INTERNAL BatonError', async () => {
    let terminalCalls = 0;
    const run = compose<number, number>(
      [
        async (_n, next) => {
          await next();
          return next();
        },
      ],
      async (n) => {
        terminalCalls++;
        return n;
      },
    );
    const error = await run(1).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(BatonError);
    expect((error as BatonError).code).toBe('INTERNAL');
    expect(terminalCalls).toBe(1);
  });

  it('errors propagate: a terminal rejection reaches the caller through the layers', async () => {
    const after: string[] = [];
    const run = compose<number, number>(
      [
        async (_n, next) => {
          const r = await next();
          after.push('a');
          return r;
        },
      ],
      async () => {
        throw new Error('terminal failed');
      },
    );
    await expect(run(1)).rejects.toThrow('terminal failed');
    expect(after).toEqual([]);
  });

  it('a synchronous throw in a layer becomes a rejection (not a synchronous throw)', async () => {
    const bad: Middleware<number, number> = () => {
      throw new Error('sync boom');
    };
    const run = compose([bad], async (n: number) => n);
    let promise: Promise<number> | undefined;
    expect(() => {
      promise = run(1);
    }).not.toThrow();
    await expect(promise).rejects.toThrow('sync boom');
  });

  it('an outer layer can catch an inner error and recover', async () => {
    const run = compose<number, number>(
      [
        async (_n, next) => {
          try {
            return await next();
          } catch {
            return -1;
          }
        },
        async () => {
          throw new Error('inner');
        },
      ],
      async (n) => n,
    );
    await expect(run(5)).resolves.toBe(-1);
  });

  it('each run is independent (the next-twice guard is per run)', async () => {
    const run = compose<number, number>([async (n, next) => next(n + 1)], async (n) => n);
    await expect(run(1)).resolves.toBe(2);
    await expect(run(10)).resolves.toBe(11);
  });

  it('property: n adding layers compose to a sum and run in order', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.integer({ min: -1000, max: 1000 }), { maxLength: 20 }),
        fc.integer(),
        async (adds, start) => {
          const order: number[] = [];
          const layers = adds.map(
            (a, i): Middleware<number, number> =>
              async (n, next) => {
                order.push(i);
                return next(n + a);
              },
          );
          const run = compose(layers, async (n) => n);
          const result = await run(start);
          expect(result).toBe(adds.reduce((s, a) => s + a, start));
          expect(order).toEqual(adds.map((_, i) => i));
        },
      ),
    );
  });
});
