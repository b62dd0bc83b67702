/** A small scripted agent for the host-app tests: a session tool, a failing tool, an approval. */
import { Agent, scriptedModel, tool } from '@baton/core';
import { z } from 'zod';

const MiB = 1024 * 1024;

/** `remember <note>` stores a note and counts, `boom` throws, `big` overflows the session, `ship` needs approval. */
export function hostAgent(options: { onToolError?: 'continue' | 'fail' } = {}) {
  return new Agent({
    model: scriptedModel(
      [
        { when: (ctx) => ctx.toolResults.length > 0, reply: (ctx) => `Finished ${ctx.toolResults.at(-1)?.toolName}.` },
        {
          when: /^remember (.+)$/,
          reply: (ctx) => ({ toolCalls: [{ name: 'remember', input: { note: ctx.text.slice('remember '.length) } }] }),
        },
        { when: /boom/, reply: { toolCalls: [{ name: 'boom', input: {} }] } },
        { when: /big/, reply: { toolCalls: [{ name: 'big', input: {} }] } },
        { when: /ship/, reply: { text: 'Ship it?', toolCalls: [{ name: 'ship', input: { what: 'v1' } }] } },
      ],
      { fallback: (ctx) => `You said: ${ctx.text}` },
    ),
    onToolError: options.onToolError ?? 'continue',
    tools: [
      tool({
        name: 'remember',
        description: 'Remember a note.',
        input: z.object({ note: z.string() }),
        execute: ({ note }, { session }) => {
          session.set('note', note);
          session.set('count', ((session.get('count') as number | undefined) ?? 0) + 1);
          return { ok: true };
        },
      }),
      tool({
        name: 'boom',
        description: 'Fails unexpectedly.',
        input: z.object({}),
        execute: () => {
          throw new Error('secret internal detail /srv/app/db.ts');
        },
      }),
      tool({
        name: 'big',
        description: 'Writes a value over the session size limit.',
        input: z.object({}),
        execute: (_input, { session }) => {
          session.set('blob', 'x'.repeat(MiB + 10));
          return { ok: true };
        },
      }),
      tool({
        name: 'ship',
        description: 'Ships a release.',
        input: z.object({ what: z.string() }),
        requiresApproval: true,
        execute: ({ what }) => ({ shipped: what }),
      }),
    ],
  });
}
