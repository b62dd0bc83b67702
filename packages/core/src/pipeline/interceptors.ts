import { match, P } from 'ts-pattern';
import { BatonError, type InterceptorError } from '../errors.js';
import { emptyUsage } from '../model/model.js';
import type { AgentResponse, RequestInterceptor, ResponseInterceptor, TurnContext, TurnHook } from '../turn.js';
import type { Middleware } from './compose.js';

/* The Python framework's interceptor lists, as sugar over the turn onion. */

export function asTurnMiddleware<S extends object>(hook: TurnHook<S>): Middleware<TurnContext<S>, void> {
  // `next` is passed through as is: a turn hook's next() takes no input, so the context flows on.
  return (ctx, next) => Promise.resolve(hook(ctx, next as () => Promise<void>));
}

export function requestInterceptorHook<S extends object>(fn: RequestInterceptor<S>): TurnHook<S> {
  return async (ctx, next) => {
    let returned = fn(ctx.request, ctx);
    if (returned instanceof Promise) returned = await returned; // no microtask hop for sync interceptors
    if (returned === undefined || returned === null) return next(); // the common case, no matching needed
    const early = match(returned)
      .with(P.nullish, () => false)
      .with({ messages: P.array() }, (request) => {
        ctx.request = request;
        return false;
      })
      .with({ content: P.string }, (answer) => {
        ctx.response = {
          toolCalls: [],
          executedToolCalls: [],
          stopReason: 'answered_early',
          usage: emptyUsage(),
          ...answer,
        };
        return true;
      })
      .otherwise(() => {
        throw new BatonError('CONFIG_INVALID', 'A request interceptor returned neither a request nor a response');
      });
    if (!early) await next();
  };
}

export function responseInterceptorsHook<S extends object>(fns: ResponseInterceptor<S>[]): TurnHook<S> {
  return async (ctx, next) => {
    await next();
    for (const fn of fns) {
      let returned = fn(ctx.response as AgentResponse, ctx);
      if (returned instanceof Promise) returned = await returned; // no microtask hop for sync interceptors
      if (returned !== undefined && returned !== null) ctx.response = returned;
    }
  };
}

export function refusalResponse(error: InterceptorError): AgentResponse {
  return {
    content: error.userMessage,
    toolCalls: [],
    executedToolCalls: [],
    stopReason: 'refused',
    usage: emptyUsage(),
    error: error.details === undefined ? { code: error.code } : { code: error.code, details: error.details },
  };
}
