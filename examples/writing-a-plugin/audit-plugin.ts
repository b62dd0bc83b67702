import { definePlugin } from '@baton/core';
import { z } from 'zod';

/** One audited tool call: which tool ran, whether it succeeded, how long it took. */
const AuditEntry = z.object({ tool: z.string(), ok: z.boolean(), ms: z.number().nonnegative() });

/**
 * Keeps an audit trail of tool calls in the session key it owns, `audit` (the latest `keep`).
 * The approval gate sits inside every tool hook: a call awaiting approval is audited when it runs.
 * A failed or refused turn rolls its entries back with the rest of the session.
 */
export const auditPlugin = (keep = 20) =>
  definePlugin({
    name: 'audit',
    // Owned: checked when a turn starts and when it ends; `ctx.session.get('audit')` is typed.
    sessionKeys: { audit: z.array(AuditEntry).max(keep) },
    async tool(call, next, ctx) {
      const started = performance.now();
      const outcome = await next(); // call `next` once: twice would run the tool twice
      const entry = { tool: call.name, ok: !outcome.isError, ms: Math.round(performance.now() - started) };
      ctx.session.set('audit', [...(ctx.session.get('audit') ?? []), entry].slice(-keep));
      return outcome;
    },
  });
