import { z } from 'zod';
import { definePlugin } from '../define-plugin.js';
import { InterceptorError } from '../errors.js';
import { RESERVED_PREFIX, type SessionShape, TEMP_PREFIX } from '../session.js';
import type { Plugin } from '../turn.js';
import { checkInteger, checkNumber, checkString, invalid } from './options.js';

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
 * client replay an older sealed session; server mode does not).
 *
 * @example
 * new Agent({ model }).use(rateLimit({ turnsPerMinute: 10, message: 'Slow down a little, please.' }));
 */
export function rateLimit<S extends object = SessionShape>(options: RateLimitOptions): Plugin<S> {
  if (typeof options !== 'object' || options === null) throw invalid(NAME, 'options are required');
  checkInteger(NAME, 'turnsPerMinute', options.turnsPerMinute, 1);
  if (options.turnsPerMinute === undefined) throw invalid(NAME, '`turnsPerMinute` is required');
  checkNumber(NAME, 'windowMs', options.windowMs, 1);
  checkString(NAME, 'key', options.key);
  checkString(NAME, 'message', options.message);
  const { turnsPerMinute: limit, windowMs = 60_000, key = 'rate_limit' } = options;
  if (key.startsWith(TEMP_PREFIX) || key.startsWith(RESERVED_PREFIX)) {
    throw invalid(NAME, `\`key\` cannot start with "${TEMP_PREFIX}" (never stored) or "${RESERVED_PREFIX}" (Baton's)`);
  }
  const message = options.message ?? 'You are sending messages too quickly. Please wait a moment and try again.';
  // A sliding log of at most `limit` timestamps. No `.max(limit)` in the schema: lowering the
  // limit in a deploy must not turn every stored session into SESSION_INVALID.
  const schema = z.array(z.number().int().nonnegative());
  const plugin = definePlugin({
    name: NAME,
    sessionKeys: { [key]: schema },
    async turn(ctx, next) {
      const now = Date.now();
      const recent = (ctx.session.get(key) ?? []).filter((t) => t > now - windowMs);
      if (recent.length >= limit) {
        // A slot frees when enough of the window's turns age out to leave fewer than `limit`.
        const freesAt = (recent.sort((a, b) => a - b)[recent.length - limit] as number) + windowMs;
        throw new InterceptorError(message, RATE_LIMITED, { retryAfterMs: Math.max(1, freesAt - now) });
      }
      ctx.session.set(key, [...recent, now]);
      await next();
    },
  });
  // The owned key is typed inside; to the agent it is one more key of whatever shape it has.
  return plugin as unknown as Plugin<S>;
}
