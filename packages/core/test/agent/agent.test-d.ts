import { describe, expectTypeOf, it } from 'vitest';
import { z } from 'zod';
import type { ToolOutcome } from '../../src/entries/plugin.js';
import {
  Agent,
  type AgentResponse,
  type AgentResult,
  type AgentTurnEvent,
  type ModelCall,
  type ModelResult,
  type Plugin,
  type Session,
  scriptedModel,
  type ToolContext,
  type TurnContext,
  tool,
  toolFor,
} from '../../src/index.js';

type Shape = { step: number; name: string };
const model = scriptedModel([]);

describe('Agent<S> types the session everywhere', () => {
  it('types ctx.session in request and response interceptors', () => {
    new Agent<{ step: number }>({
      model,
      requestInterceptors: [
        (request, ctx) => {
          expectTypeOf(ctx.session.get('step')).toEqualTypeOf<number | undefined>();
          expectTypeOf(ctx.session.get('step', 0)).toEqualTypeOf<number>();
          expectTypeOf(ctx).toEqualTypeOf<TurnContext<{ step: number }>>();
          expectTypeOf(request.messages[0]?.content).toEqualTypeOf<string | undefined>();
          ctx.session.set('step', 1);
          // @ts-expect-error a string is not a number
          ctx.session.set('step', 'one');
          // @ts-expect-error not a key of the shape
          ctx.session.get('nope');
        },
      ],
      responseInterceptors: [
        (response, ctx) => {
          expectTypeOf(response).toEqualTypeOf<AgentResponse>();
          expectTypeOf(ctx.session.get('step')).toEqualTypeOf<number | undefined>();
        },
      ],
    });
  });

  it('types ctx.session in plugin turn, model and tool hooks', () => {
    const plugin: Plugin<Shape> = {
      name: 'typed',
      turn: async (ctx, next) => {
        expectTypeOf(ctx.session.get('name')).toEqualTypeOf<string | undefined>();
        expectTypeOf(next).toEqualTypeOf<() => Promise<void>>();
        await next();
        expectTypeOf(ctx.response).toEqualTypeOf<AgentResponse | undefined>();
      },
      model: async (call, next, ctx) => {
        expectTypeOf(call).toEqualTypeOf<ModelCall>();
        expectTypeOf(ctx.session).toEqualTypeOf<Session<Shape>>();
        const result = await next({ ...call, system: 'x' });
        expectTypeOf(result).toEqualTypeOf<ModelResult>();
        return result;
      },
      tool: async (_call, next, ctx) => {
        expectTypeOf(ctx.session.get('step')).toEqualTypeOf<number | undefined>();
        const outcome = await next();
        expectTypeOf(outcome).toEqualTypeOf<ToolOutcome>();
        return outcome;
      },
    };
    new Agent<Shape>({ model, plugins: [plugin] }).use({ name: 'other' });
  });

  it('toolFor<S>() types ctx.session and the input in execute', () => {
    const advance = toolFor<{ step: number }>()({
      name: 'advance',
      description: 'Moves to the next step',
      input: z.object({ by: z.number().int() }),
      execute(input, ctx) {
        expectTypeOf(input).toEqualTypeOf<{ by: number }>();
        expectTypeOf(ctx).toEqualTypeOf<ToolContext<{ step: number }>>();
        expectTypeOf(ctx.session.get('step')).toEqualTypeOf<number | undefined>();
        ctx.session.set('step', (ctx.session.get('step') ?? 0) + input.by);
        // @ts-expect-error the input has no such field
        input.steps;
        // @ts-expect-error not a key of the shape
        ctx.session.set('other', 1);
        return { ok: true };
      },
      onReject(input, reason, ctx) {
        expectTypeOf(input).toEqualTypeOf<{ by: number }>();
        expectTypeOf(reason).toEqualTypeOf<string | undefined>();
        expectTypeOf(ctx.session).toEqualTypeOf<Session<{ step: number }>>();
      },
    });
    new Agent<{ step: number }>({ model, tools: [advance] });
  });

  it('plain tool() has an untyped (any-key) session and a typed input', () => {
    tool({
      name: 'plain',
      description: 'p',
      input: z.object({ q: z.string().transform((s) => s.length) }),
      execute(input, ctx) {
        // The schema's output type, after transforms.
        expectTypeOf(input).toEqualTypeOf<{ q: number }>();
        expectTypeOf(ctx.session.get('anything')).toEqualTypeOf<unknown>();
      },
    });
  });

  it('run and stream return the documented types', () => {
    const agent = new Agent<Shape>({ model });
    expectTypeOf(agent.run).returns.toEqualTypeOf<Promise<AgentResult<Shape>>>();
    expectTypeOf(agent.stream).returns.toEqualTypeOf<AsyncGenerator<AgentTurnEvent<Shape>, AgentResult<Shape>>>();
    expectTypeOf<AgentResult['session']>().toExtend<Record<string, unknown>>();
    expectTypeOf<AgentResult['stopReason']>().toEqualTypeOf<
      'end_turn' | 'approval_required' | 'answered_early' | 'refused'
    >();
  });

  it('a request interceptor may return nothing, a request, or an early answer, but not anything else', () => {
    new Agent({
      model,
      requestInterceptors: [
        () => undefined,
        (request) => ({ ...request, messages: [] }),
        () => ({ content: 'early' }),
        async () => ({ content: 'early', stopReason: 'answered_early' as const }),
        // @ts-expect-error a number is neither
        () => 42,
      ],
    });
  });
});
