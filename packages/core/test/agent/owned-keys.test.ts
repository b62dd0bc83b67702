import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { Agent, type Plugin, Session, scriptedModel, tool } from '../../src/index.js';
import { echo } from '../support/agent.js';
import { failure, user } from '../support/turns.js';

describe('Agent: plugin-owned session keys', () => {
  const cartPlugin = (): Plugin => ({
    name: 'cart',
    sessionKeys: { cart: z.object({ items: z.array(z.string()) }) },
    tools: [
      tool({
        name: 'set_cart',
        description: 'c',
        input: z.object({ value: z.unknown() }),
        execute: ({ value }, { session }) => {
          session.set('cart', value);
          return { ok: true };
        },
      }),
    ],
  });
  const agentWith = (value: unknown) =>
    new Agent({
      model: scriptedModel([
        { when: (c) => c.toolResults.length > 0, reply: 'ok' },
        { when: () => true, reply: { toolCalls: [{ name: 'set_cart', input: { value } }] } },
      ]),
      plugins: [cartPlugin()],
    });

  it('a turn that leaves an owned key valid commits it', async () => {
    const result = await agentWith({ items: ['apple'] }).run([user('x')]);
    expect(result.session).toEqual({ cart: { items: ['apple'] } });
  });

  it('a turn that leaves an owned key invalid fails with SESSION_SCHEMA_VIOLATION and changes nothing', async () => {
    const session = Session.from({ cart: { items: [] } });
    const error = await failure(agentWith({ items: 'not an array' }).run([user('x')], { session }));
    expect(error).toMatchObject({ code: 'SESSION_SCHEMA_VIOLATION', details: { key: 'cart', plugin: 'cart' } });
    expect(session.toJSON()).toEqual({ cart: { items: [] } });
  });

  it('two plugins cannot own the same key', () => {
    const agent = new Agent({ model: echo().model, plugins: [{ name: 'a', sessionKeys: { cart: z.object({}) } }] });
    expect(() => agent.use({ name: 'b', sessionKeys: { cart: z.object({}) } })).toThrow(
      expect.objectContaining({ code: 'CONFIG_INVALID' }),
    );
  });
});
