import { BatonError } from '../errors.js';

/** One layer of an onion: do work, call `next` (optionally with a changed input), work after. */
export type Middleware<C, R> = (input: C, next: (input?: C) => Promise<R>) => Promise<R>;

/**
 * koa-compose for every stage of a turn: the turn, each model call and each tool call are onions
 * built by this one function. `next()` without an argument passes the current input on.
 * By default `next()` may run once per layer (the turn shares one mutable context, as in Koa);
 * `reentrant` onions pass values, so a layer may call `next` again to retry.
 */
export function compose<C, R>(
  layers: readonly Middleware<C, R>[],
  terminal: (input: C) => Promise<R>,
  options: { reentrant?: boolean } = {},
) {
  return function run(input: C): Promise<R> {
    let called = -1;
    const dispatch = (i: number, current: C): Promise<R> => {
      if (!options.reentrant && i <= called) {
        return Promise.reject(new BatonError('INTERNAL', 'next() called more than once in one hook'));
      }
      called = i;
      const layer = layers[i];
      if (layer === undefined) return terminal(current);
      try {
        return Promise.resolve(layer(current, (nextInput) => dispatch(i + 1, nextInput ?? current)));
      } catch (error) {
        return Promise.reject(error);
      }
    };
    return dispatch(0, input);
  };
}
