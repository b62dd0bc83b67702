import { expectTypeOf, test } from 'vitest';
import { z } from 'zod';
import { Agent, definePlugin, scriptedModel } from '../../src/index.js';

test('definePlugin types owned keys', () => {
  const p = definePlugin({
    name: 'counter',
    sessionKeys: { count: z.number().int(), tags: z.array(z.string()) },
    turn: async (ctx, next) => {
      expectTypeOf(ctx.session.get('count')).toEqualTypeOf<number | undefined>();
      ctx.session.set('count', (ctx.session.get('count') ?? 0) + 1);
      // @ts-expect-error not an owned key
      ctx.session.get('other');
      await next();
    },
  });
  const agent = new Agent({ model: scriptedModel([]) });
  agent.use(p);
  // A typed plugin fits the options of an agent of any shape, too.
  new Agent<{ cart: string[] }>({ model: scriptedModel([]), plugins: [p] });
});
