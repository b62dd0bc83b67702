import { z } from 'zod';
import { InterceptorError } from '../errors.js';
import { definePlugin } from '../pipeline/define-plugin.js';
import { RESERVED_PREFIX, type SessionShape, TEMP_PREFIX } from '../session/session.js';
import type { Plugin, TurnContext } from '../turn.js';
import { checkFunction, checkInteger, checkNumber, checkString, invalid } from './options.js';

const NAME = 'rate-limit';

/** Options of {@link rateLimit}. */
export interface RateLimitOptions {
  /** Turns a session may start per window (a minute unless `windowMs` says otherwise). */
  turnsPerMinute: number;
  /** Length of the sliding window (default 60 000 ms). */
  windowMs?: number;
  /** Session key holding the start times of the window's turns (default `rate_limit`). */
  key?: string;
  /** What a refused turn answers. */
  message?: string;
  /**
   * Counts turns per caller instead of per session: returns the caller's key (a user id or IP
   * from `ctx.server`, which the client cannot forge), or `undefined` to count in the session as
   * without it. The counts live in this process (they are not shared between processes or
   * restarts), so a client that starts a fresh session every turn is limited all the same.
   */
  by?: (ctx: TurnContext) => string | undefined;
  /** At most this many callers are tracked by `by` (default 10 000); the least recent is forgotten. */
  maxKeys?: number;
}

/** Error code of a turn refused by {@link rateLimit} (`details.retryAfterMs` says when to come back). */
export const RATE_LIMITED = 'RATE_LIMITED';

/**
 * Limits how many turns one session may run in a sliding window. The start times of the window's
 * turns live in the session under `key`, an owned key with a schema: a value edited into
 * something else is refused when the turn starts (`SESSION_INVALID`).
 *
 * A turn over the limit is refused politely, before the model is called:
 * `InterceptorError(message, 'RATE_LIMITED', { retryAfterMs })`. A refused or failed turn commits
 * nothing, so it does not count; only turns that complete do. Register it first so its refusal
 * comes before other plugins' work.
 *
 * In client mode the client holds the session, and with it the counter: it can send an older copy
 * or drop the key. Use sealed or server mode for a limit that holds (sealed mode still lets a
 * client replay an older sealed session; server mode does not). With `by`, turns are counted per
 * caller in this process instead, whatever the session mode.
 *
 * @example
 * new Agent({ model }).use(rateLimit({ turnsPerMinute: 10, message: 'Slow down a little, please.' }));
 * // Per signed-in user (or IP), from the adapter's `context` option:
 * rateLimit({ turnsPerMinute: 10, by: (ctx) => (ctx.server.userId as string | undefined) });
 */
export function rateLimit<S extends object = SessionShape>(options: RateLimitOptions): Plugin<S> {
  if (typeof options !== 'object' || options === null) throw invalid(NAME, 'options are required');
  checkInteger(NAME, 'turnsPerMinute', options.turnsPerMinute, 1);
  if (options.turnsPerMinute === undefined) throw invalid(NAME, '`turnsPerMinute` is required');
  checkNumber(NAME, 'windowMs', options.windowMs, 1);
  checkString(NAME, 'key', options.key);
  checkString(NAME, 'message', options.message);
  checkFunction(NAME, 'by', options.by);
  checkInteger(NAME, 'maxKeys', options.maxKeys, 1);
  const { turnsPerMinute: limit, windowMs = 60_000, key = 'rate_limit' } = options;
  if (key.startsWith(TEMP_PREFIX) || key.startsWith(RESERVED_PREFIX)) {
    throw invalid(NAME, `\`key\` cannot start with "${TEMP_PREFIX}" (never stored) or "${RESERVED_PREFIX}" (Baton's)`);
  }
  const message = options.message ?? 'You are sending messages too quickly. Please wait a moment and try again.';
  // A sliding log of at most `limit` timestamps. No `.max(limit)` in the schema: lowering the
  // limit in a deploy must not turn every stored session into SESSION_INVALID.
  const schema = z.array(z.number().int().nonnegative());
  const callers = options.by ? callerLog(limit, windowMs, options.maxKeys ?? 10_000) : undefined;
  const refuse = (retryAfterMs: number) => new InterceptorError(message, RATE_LIMITED, { retryAfterMs });
  const plugin = definePlugin({
    name: NAME,
    sessionKeys: { [key]: schema },
    async turn(ctx, next) {
      const caller = callers && options.by?.(ctx as unknown as TurnContext);
      if (callers && caller !== undefined) {
        const retryAfterMs = callers.take(caller);
        if (retryAfterMs !== undefined) throw refuse(retryAfterMs);
        // A refused or failed turn commits nothing in the session; it does not count here either.
        try {
          await next();
        } catch (error) {
          callers.giveBack(caller);
          throw error;
        }
        return;
      }
      const now = Date.now();
      const recent = (ctx.session.get(key) ?? []).filter((t) => t > now - windowMs);
      if (recent.length >= limit) {
        // A slot frees when enough of the window's turns age out to leave fewer than `limit`.
        throw refuse(retryAfter(recent, limit, windowMs, now));
      }
      ctx.session.set(key, [...recent, now]);
      await next();
    },
  });
  // The owned key is typed inside; to the agent it is one more key of whatever shape it has.
  return plugin as unknown as Plugin<S>;
}

/** Milliseconds until a slot frees: enough of the window's turns age out to leave fewer than `limit`. */
function retryAfter(recent: number[], limit: number, windowMs: number, now: number): number {
  const freesAt = (recent.sort((a, b) => a - b)[recent.length - limit] as number) + windowMs;
  return Math.max(1, freesAt - now);
}

/**
 * Sliding logs of turn start times per caller, in memory, bounded: a Map kept in recency order
 * (a touched key moves to the end), so past `maxKeys` the least recent caller is dropped first.
 */
function callerLog(limit: number, windowMs: number, maxKeys: number) {
  const logs = new Map<string, number[]>();
  return {
    /** Counts a turn for `key`, or returns the wait in ms when the key is over the limit. */
    take(key: string): number | undefined {
      const now = Date.now();
      const recent = (logs.get(key) ?? []).filter((t) => t > now - windowMs);
      logs.delete(key);
      if (recent.length >= limit) {
        logs.set(key, recent);
        return retryAfter(recent, limit, windowMs, now);
      }
      recent.push(now);
      logs.set(key, recent);
      if (logs.size > maxKeys) logs.delete(logs.keys().next().value as string);
      return undefined;
    },
    /** Forgets the latest turn counted for `key` (it was refused or failed). */
    giveBack(key: string): void {
      logs.get(key)?.pop();
    },
  };
}
