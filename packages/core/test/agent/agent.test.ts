import { describe, expect, it, vi } from 'vitest';
import { z } from 'zod';
import { Agent, BatonError, type Model, type Plugin, Session, scriptedModel, tool } from '../../src/index.js';
import { decodeRequest as decodeHelpDeskRequest } from '../../src/protocols/helpdesk/index.js';
import { callsToolOnce, echo, hangingModel, spy } from '../support/agent.js';
import { failure, user } from '../support/turns.js';

describe('Agent: interceptor and hook order', () => {
  it('runs request and response interceptors in registration order, plugins after options', async () => {
    const log: string[] = [];
    const req = (name: string) => () => {
      log.push(`req:${name}`);
    };
    const res = (name: string) => () => {
      log.push(`res:${name}`);
    };
    const inner = echo();
    const model: Model = {
      async generate(call) {
        log.push('model');
        return inner.model.generate(call);
      },
    };
    const plugin = (name: string): Plugin => ({
      name,
      requestInterceptors: [req(name)],
      responseInterceptors: [res(name)],
    });
    const agent = new Agent({
      model,
      requestInterceptors: [req('opt1'), req('opt2')],
      responseInterceptors: [res('opt1'), res('opt2')],
      plugins: [plugin('p1'), plugin('p2')],
    });
    agent.use(plugin('p3'));
    const result = await agent.run([user('hi')]);
    expect(result.content).toBe('echo:hi');
    expect(log).toEqual([
      'req:opt1',
      'req:opt2',
      'req:p1',
      'req:p2',
      'req:p3',
      'model',
      'res:opt1',
      'res:opt2',
      'res:p1',
      'res:p2',
      'res:p3',
    ]);
  });

  it('response interceptors each see the response the previous one returned', async () => {
    const { model } = echo();
    const agent = new Agent({
      model,
      responseInterceptors: [
        (r) => ({ ...r, content: `${r.content}+a` }),
        (r) => {
          r.content = `${r.content}+b`;
        },
      ],
      plugins: [{ name: 'p', responseInterceptors: [(r) => ({ ...r, content: `${r.content}+c` })] }],
    });
    expect((await agent.run([user('x')])).content).toBe('echo:x+a+b+c');
  });

  it('turn hooks form an onion: before-phase in registration order, after-phase reversed', async () => {
    const log: string[] = [];
    const hook =
      (name: string): Plugin['turn'] =>
      async (_ctx, next) => {
        log.push(`${name}:before`);
        await next();
        log.push(`${name}:after`);
      };
    const agent = new Agent({
      model: echo().model,
      plugins: [
        { name: 'a', turn: hook('a') },
        { name: 'b', turn: hook('b') },
      ],
    });
    await agent.run([user('x')]);
    expect(log).toEqual(['a:before', 'b:before', 'b:after', 'a:after']);
  });
});

describe('Agent: request phase', () => {
  it('a request interceptor can replace the request; later stages and the model see the new one', async () => {
    const { model, calls } = echo();
    let seenByLater: string | undefined;
    const agent = new Agent({
      model,
      requestInterceptors: [
        (request) => ({ ...request, messages: [user(`${request.messages.at(-1)?.content.toUpperCase()}!`)] }),
        (request, ctx) => {
          seenByLater = request.messages.at(-1)?.content;
          expect(ctx.request).toBe(request);
        },
      ],
    });
    const result = await agent.run([user('hello')]);
    expect(seenByLater).toBe('HELLO!');
    expect(result.content).toBe('echo:HELLO!');
    expect(calls).toHaveLength(1);
    expect(calls[0]?.messages).toEqual([{ role: 'user', content: 'HELLO!' }]);
  });

  it('an early answer skips the model and later request interceptors, and keeps session changes', async () => {
    const { model, calls } = echo();
    const later = vi.fn();
    const agent = new Agent({
      model,
      requestInterceptors: [
        (request, ctx) => {
          if (request.messages.at(-1)?.content === 'ping') {
            ctx.session.set('pinged', true);
            return { content: 'pong' };
          }
        },
        later,
      ],
    });
    const result = await agent.run([user('ping')], { session: { visits: 1 } });
    expect(result.content).toBe('pong');
    expect(result.stopReason).toBe('answered_early');
    expect(result.toolCalls).toEqual([]);
    expect(result.executedToolCalls).toEqual([]);
    expect(result.usage).toEqual({ inputTokens: 0, outputTokens: 0, totalTokens: 0 });
    expect(result.session).toEqual({ visits: 1, pinged: true });
    expect(calls).toHaveLength(0);
    expect(later).not.toHaveBeenCalled();

    // Other messages do reach the model.
    const normal = await agent.run([user('hello')]);
    expect(normal.content).toBe('echo:hello');
    expect(calls).toHaveLength(1);
    expect(later).toHaveBeenCalledTimes(1);
  });

  it('an early answer still passes through every response interceptor (options and plugins)', async () => {
    const seen: string[] = [];
    const agent = new Agent({
      model: echo().model,
      requestInterceptors: [() => ({ content: 'early' })],
      responseInterceptors: [
        (response) => {
          seen.push(`options:${response.content}`);
        },
      ],
      plugins: [
        {
          name: 'p',
          responseInterceptors: [(response) => ({ ...response, content: `${response.content}!` })],
        },
      ],
    });
    const result = await agent.run([user('x')]);
    expect(seen).toEqual(['options:early']);
    expect(result.content).toBe('early!');
    expect(result.stopReason).toBe('answered_early');
  });

  it('a request interceptor returning something that is neither request nor response is CONFIG_INVALID', async () => {
    const { model, calls } = echo();
    const agent = new Agent({
      model,
      requestInterceptors: [(() => 42) as unknown as () => void],
    });
    const error = await failure(agent.run([user('x')]));
    expect(error).toBeInstanceOf(BatonError);
    expect((error as BatonError).code).toBe('CONFIG_INVALID');
    expect(calls).toHaveLength(0);
  });

  it("the client's context comes from the context option (HelpDesk: the latest user message's platform_context)", async () => {
    const seen: Record<string, unknown>[] = [];
    const agent = new Agent({
      model: echo().model,
      requestInterceptors: [
        (_r, ctx) => {
          seen.push(ctx.context);
        },
      ],
    });
    const input = decodeHelpDeskRequest({
      messages: [
        { role: 'user', content: 'a', platform_context: { tier: 'old' } },
        { role: 'assistant', content: 'b' },
        { role: 'user', content: 'c', platform_context: { tier: 'gold' } },
      ],
    });
    await agent.run(input.messages, { context: input.context });
    await agent.run([user('c')], { context: { tier: 'explicit' } });
    await agent.run([user('c')]);
    expect(seen).toEqual([{ tier: 'gold' }, { tier: 'explicit' }, {}]);
  });

  it('ctx.clientContext is the untrusted client context; ctx.context is its deprecated alias (one object)', async () => {
    const seen: { stage: string; same: boolean; tier: unknown }[] = [];
    const agent = new Agent({
      model: callsToolOnce('probe', {}).model,
      tools: [
        tool({
          name: 'probe',
          description: 'reads the client context',
          input: z.object({}),
          execute: (_input, ctx) => {
            seen.push({ stage: 'tool', same: ctx.context === ctx.clientContext, tier: ctx.clientContext.tier });
            return 'ok';
          },
        }),
      ],
      requestInterceptors: [
        (_r, ctx) => {
          seen.push({ stage: 'request', same: ctx.context === ctx.clientContext, tier: ctx.clientContext.tier });
          // Replacing it through the old name replaces it for the new name too.
          ctx.context = { tier: 'replaced' };
        },
      ],
      responseInterceptors: [
        (_r, ctx) => {
          seen.push({ stage: 'response', same: ctx.context === ctx.clientContext, tier: ctx.clientContext.tier });
        },
      ],
    });
    await agent.run([user('go')], { context: { tier: 'gold' } });
    expect(seen).toEqual([
      { stage: 'request', same: true, tier: 'gold' },
      { stage: 'tool', same: true, tier: 'replaced' },
      { stage: 'response', same: true, tier: 'replaced' },
    ]);
  });
});

describe('Agent: failures roll the session back', () => {
  it('a model that throws gives BatonError MODEL_ERROR (with the cause) and the session is unchanged', async () => {
    const cause = new Error('provider 500');
    const model: Model = {
      async generate() {
        throw cause;
      },
    };
    const agent = new Agent({
      model,
      requestInterceptors: [
        (_r, ctx) => {
          ctx.session.set('seen', true);
        },
      ],
    });
    const session = Session.from({ n: 1 });
    const error = await failure(agent.run([user('x')], { session }));
    expect(error).toBeInstanceOf(BatonError);
    expect((error as BatonError).code).toBe('MODEL_ERROR');
    expect((error as BatonError).message).toContain('provider 500');
    expect((error as BatonError).cause).toBe(cause);
    expect(session.toJSON()).toEqual({ n: 1 });
    expect(session.isModified).toBe(false);
  });

  it('a model failure after tools ran rolls back what the tools wrote', async () => {
    let step = 0;
    const model: Model = {
      async generate() {
        step++;
        if (step === 1) return { text: '', toolCalls: [{ id: 'c1', name: 'write', input: {} }] };
        throw new Error('second step failed');
      },
    };
    const agent = new Agent({
      model,
      tools: [
        tool({
          name: 'write',
          description: 'w',
          input: z.object({}),
          execute(_i, ctx) {
            ctx.session.set('written', true);
          },
        }),
      ],
    });
    const session = new Session();
    const error = await failure(agent.run([user('x')], { session }));
    expect((error as BatonError).code).toBe('MODEL_ERROR');
    expect(session.has('written')).toBe(false);
    expect(session.toJSON()).toEqual({});
  });

  it('an interceptor throwing a plain Error propagates it unchanged and the session is unchanged', async () => {
    const boom = new Error('bug in interceptor');
    const { model, calls } = echo();
    const agent = new Agent({
      model,
      responseInterceptors: [
        (_r, ctx) => {
          ctx.session.set('half_done', true);
          throw boom;
        },
      ],
    });
    const session = Session.from({ keep: 1 });
    const error = await failure(agent.run([user('x')], { session }));
    expect(error).toBe(boom);
    expect(calls).toHaveLength(1);
    expect(session.toJSON()).toEqual({ keep: 1 });

    const requestAgent = new Agent({
      model,
      requestInterceptors: [
        (_r, ctx) => {
          ctx.session.delete('keep');
          throw boom;
        },
      ],
    });
    expect(await failure(requestAgent.run([user('x')], { session }))).toBe(boom);
    expect(calls).toHaveLength(1);
    expect(session.toJSON()).toEqual({ keep: 1 });
  });

  it('MAX_STEPS_EXCEEDED after maxSteps model calls that keep calling tools; session rolled back', async () => {
    const { model, calls } = spy(
      scriptedModel([{ when: () => true, reply: { toolCalls: [{ name: 'tick', input: {} }] } }]),
    );
    const agent = new Agent({
      model,
      maxSteps: 3,
      tools: [
        tool({
          name: 'tick',
          description: 't',
          input: z.object({}),
          execute(_i, ctx) {
            ctx.session.set('ticks', ((ctx.session.get('ticks') as number | undefined) ?? 0) + 1);
          },
        }),
      ],
    });
    const session = new Session();
    const error = await failure(agent.run([user('x')], { session }));
    expect(error).toBeInstanceOf(BatonError);
    expect((error as BatonError).code).toBe('MAX_STEPS_EXCEEDED');
    expect((error as BatonError).details).toEqual({ maxSteps: 3 });
    expect(calls).toHaveLength(3);
    expect(session.toJSON()).toEqual({});
  });

  it('a model that answers in exactly maxSteps steps is fine', async () => {
    const { model, calls } = spy(
      scriptedModel([
        { when: (c) => c.step >= 2, reply: 'finished' },
        { when: () => true, reply: { toolCalls: [{ name: 'tick', input: {} }] } },
      ]),
    );
    const agent = new Agent({
      model,
      maxSteps: 3,
      tools: [tool({ name: 'tick', description: 't', input: z.object({}), execute: () => 1 })],
    });
    const result = await agent.run([user('x')]);
    expect(result.content).toBe('finished');
    expect(calls).toHaveLength(3);
    expect(result.executedToolCalls).toHaveLength(2);
  });

  it('an invalid maxSteps is CONFIG_INVALID', () => {
    for (const maxSteps of [0, -1, 1.5, Number.NaN]) {
      expect(() => new Agent({ model: echo().model, maxSteps })).toThrow(
        expect.objectContaining({ code: 'CONFIG_INVALID' }),
      );
    }
  });
});

describe('Agent: abort', () => {
  const abortAfter = (ms: number) => {
    const controller = new AbortController();
    setTimeout(() => controller.abort(), ms);
    return controller.signal;
  };

  it('a hanging model that ignores the signal: TURN_ABORTED quickly, session unchanged', async () => {
    const agent = new Agent({
      model: hangingModel,
      requestInterceptors: [
        (_r, ctx) => {
          ctx.session.set('started', true);
        },
      ],
    });
    const session = Session.from({ a: 1 });
    const started = Date.now();
    const error = await failure(agent.run([user('x')], { session, signal: abortAfter(30) }));
    expect(Date.now() - started).toBeLessThan(2000);
    expect(error).toBeInstanceOf(BatonError);
    expect((error as BatonError).code).toBe('TURN_ABORTED');
    expect(session.toJSON()).toEqual({ a: 1 });
  });

  it('a hanging tool that ignores the signal: TURN_ABORTED quickly, session unchanged', async () => {
    const { model } = callsToolOnce('slow', {});
    const agent = new Agent({
      model,
      tools: [
        tool({
          name: 'slow',
          description: 's',
          input: z.object({}),
          execute(_i, ctx) {
            ctx.session.set('slow_started', true);
            return new Promise(() => {});
          },
        }),
      ],
    });
    const session = new Session();
    const started = Date.now();
    const error = await failure(agent.run([user('x')], { session, signal: abortAfter(30) }));
    expect(Date.now() - started).toBeLessThan(2000);
    expect((error as BatonError).code).toBe('TURN_ABORTED');
    expect(session.toJSON()).toEqual({});
  });

  it('a hanging request interceptor is aborted too', async () => {
    const { model, calls } = echo();
    const agent = new Agent({ model, requestInterceptors: [() => new Promise<void>(() => {})] });
    const error = await failure(agent.run([user('x')], { signal: abortAfter(30) }));
    expect((error as BatonError).code).toBe('TURN_ABORTED');
    expect(calls).toHaveLength(0);
  });

  it('an already aborted signal: nothing runs', async () => {
    const { model, calls } = echo();
    const interceptor = vi.fn();
    const agent = new Agent({ model, requestInterceptors: [interceptor] });
    const error = await failure(agent.run([user('x')], { signal: AbortSignal.abort() }));
    expect((error as BatonError).code).toBe('TURN_ABORTED');
    expect(calls).toHaveLength(0);
    expect(interceptor).not.toHaveBeenCalled();
  });

  it('a BatonError abort reason is kept as is', async () => {
    const reason = new BatonError('SESSION_BUSY', 'busy');
    const error = await failure(
      new Agent({ model: hangingModel }).run([user('x')], { signal: AbortSignal.abort(reason) }),
    );
    expect(error).toBe(reason);
  });
});

describe('Agent: configuration', () => {
  const t = (name: string) => tool({ name, description: name, input: z.object({}), execute: () => name });

  it('duplicate tool names are CONFIG_INVALID (within options, across options and plugins, via use)', () => {
    const model = echo().model;
    expect(() => new Agent({ model, tools: [t('a'), t('a')] })).toThrow(
      expect.objectContaining({ code: 'CONFIG_INVALID' }),
    );
    expect(() => new Agent({ model, tools: [t('a')], plugins: [{ name: 'p', tools: [t('a')] }] })).toThrow(
      expect.objectContaining({ code: 'CONFIG_INVALID' }),
    );
    expect(() => new Agent({ model, plugins: [{ name: 'p', tools: [t('b'), t('b')] }] })).toThrow(
      expect.objectContaining({ code: 'CONFIG_INVALID' }),
    );
    const agent = new Agent({ model, tools: [t('a')] });
    expect(() => agent.use({ name: 'q', tools: [t('a')] })).toThrow(
      expect.objectContaining({ code: 'CONFIG_INVALID' }),
    );
    // A refused plugin leaves the agent as it was.
    expect(agent.tools.map((x) => x.name)).toEqual(['a']);
    expect(() => agent.use({ name: 'q', tools: [t('c')] })).not.toThrow();
    expect(agent.tools.map((x) => x.name)).toEqual(['a', 'c']);
  });

  it('registering a plugin name twice is CONFIG_INVALID', () => {
    const model = echo().model;
    const plugin: Plugin = { name: 'audit' };
    expect(() => new Agent({ model, plugins: [plugin, plugin] })).toThrow(
      expect.objectContaining({ code: 'CONFIG_INVALID' }),
    );
    const agent = new Agent({ model, plugins: [plugin] });
    expect(() => agent.use({ name: 'audit', tools: [t('x')] })).toThrow(
      expect.objectContaining({ code: 'CONFIG_INVALID' }),
    );
    expect(agent.tools).toEqual([]);
  });

  it('invalid tool names are CONFIG_INVALID', () => {
    expect(() => t('has space')).toThrow(expect.objectContaining({ code: 'CONFIG_INVALID' }));
    expect(() => t('x'.repeat(65))).toThrow(expect.objectContaining({ code: 'CONFIG_INVALID' }));
  });

  it('offers the tools to the model with their JSON Schema', async () => {
    const { model, calls } = echo();
    const agent = new Agent({
      model,
      system: 'be nice',
      tools: [tool({ name: 'find', description: 'Finds', input: z.object({ q: z.string() }), execute: () => 1 })],
    });
    await agent.run([user('x')]);
    expect(calls[0]?.system).toBe('be nice');
    expect(calls[0]?.tools).toEqual([
      {
        name: 'find',
        description: 'Finds',
        inputSchema: expect.objectContaining({
          type: 'object',
          properties: { q: { type: 'string' } },
          required: ['q'],
        }),
      },
    ]);
  });
});
