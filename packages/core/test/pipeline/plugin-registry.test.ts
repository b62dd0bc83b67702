import { describe, expect, it, vi } from 'vitest';
import { z } from 'zod';
import {
  Agent,
  type AgentEvent,
  type BatonError,
  definePlugin,
  InterceptorError,
  type Model,
  type ModelCall,
  type Plugin,
  Session,
  scriptedModel,
  tool,
} from '../../src/index.js';
import { failure, user } from '../support/turns.js';

/** Calls `toolName` once with `input`, then reports the tool results as its answer. */
const callsTool = (toolName: string, input: unknown) =>
  scriptedModel([
    { when: (c) => c.toolResults.length > 0, reply: (c) => `results:${JSON.stringify(c.toolResults)}` },
    { when: () => true, reply: { toolCalls: [{ id: 'call_1', name: toolName, input }] } },
  ]);

const echoModel = (prefix = 'echo') => scriptedModel([{ when: () => true, reply: (c) => `${prefix}:${c.text}` }]);

const failingModel = (message = 'provider down'): Model => ({
  id: 'failing',
  generate: () => Promise.reject(new Error(message)),
});

/** Collects observer events synchronously after the turn settles (observers run a microtask later). */
function recorder() {
  const events: AgentEvent[] = [];
  return { events, observer: (e: AgentEvent) => void events.push(e) };
}
const settle = () => new Promise((resolve) => setImmediate(resolve));

describe('model onion', () => {
  it('a hook can rewrite the prompt and the tools offered before the model sees them', async () => {
    const seen: ModelCall[] = [];
    const model: Model = {
      async generate(call) {
        seen.push(call);
        return { text: `saw:${call.system}:${call.tools.map((t) => t.name).join(',')}`, toolCalls: [] };
      },
    };
    const agent = new Agent({
      model,
      system: 'base',
      tools: [
        tool({ name: 'a', description: 'a', input: z.object({}), execute: () => 1 }),
        tool({ name: 'b', description: 'b', input: z.object({}), execute: () => 2 }),
      ],
      plugins: [
        {
          name: 'prompt',
          model: (call, next) =>
            next({ ...call, system: `${call.system} + rules`, tools: call.tools.filter((t) => t.name !== 'b') }),
        },
      ],
    });
    const result = await agent.run([user('hi')]);
    expect(result.content).toBe('saw:base + rules:a');
    expect(seen).toHaveLength(1);
  });

  it('a hook can fall back to another model through call.model, streamed turns included', async () => {
    const fallback = echoModel('fallback');
    const agent = new Agent({
      model: failingModel(),
      plugins: [
        {
          name: 'fallback',
          model: async (call, next) => {
            try {
              return await next(call);
            } catch {
              return next({ ...call, model: fallback });
            }
          },
        },
      ],
    });
    expect((await agent.run([user('hello there')])).content).toBe('fallback:hello there');
    const chunks = [];
    for await (const chunk of agent.stream([user('streamed')])) chunks.push(chunk);
    expect(chunks.at(-1)).toMatchObject({ type: 'done', result: { content: 'fallback:streamed' } });
    const text = chunks.filter((c) => c.type === 'text').map((c) => (c as { delta: string }).delta);
    expect(text.join('')).toBe('fallback:streamed');
  });

  it('a hook can answer without calling the model (cache), and the answer is a normal turn', async () => {
    const model = vi.fn(async (call: ModelCall) => ({ text: `fresh:${call.messages.length}`, toolCalls: [] }));
    const cache = new Map<string, string>();
    const agent = new Agent({
      model: { generate: model },
      plugins: [
        {
          name: 'cache',
          model: async (call, next) => {
            const key = JSON.stringify(call.messages);
            const hit = cache.get(key);
            if (hit !== undefined) return { text: hit, toolCalls: [] };
            const result = await next(call);
            cache.set(key, result.text);
            return result;
          },
        },
      ],
    });
    expect((await agent.run([user('q')])).content).toBe('fresh:1');
    expect((await agent.run([user('q')])).content).toBe('fresh:1');
    expect(model).toHaveBeenCalledTimes(1);
    // Streamed, the cached answer arrives as text too (the hook, not the model, produced it).
    const chunks = [];
    for await (const chunk of agent.stream([user('q')])) chunks.push(chunk);
    expect(chunks.map((c) => c.type)).toEqual(['text', 'done']);
    expect(chunks[0]).toEqual({ type: 'text', delta: 'fresh:1' });
    expect(model).toHaveBeenCalledTimes(1);
  });
});

describe('tool onion', () => {
  const adder = tool({
    name: 'add',
    description: 'adds',
    input: z.object({ a: z.number(), b: z.number() }),
    execute: ({ a, b }, { session }) => {
      session.set('sum', a + b);
      return { sum: a + b, secret: 'token-123' };
    },
  });

  it('a hook can change the input, and the changed input is validated', async () => {
    const agent = new Agent({
      model: callsTool('add', { a: 1, b: 2 }),
      tools: [adder],
      plugins: [{ name: 'double', tool: (call, next) => next({ ...call, input: { a: 10, b: 20 } }) }],
    });
    const result = await agent.run([user('go')]);
    expect(result.executedToolCalls[0]?.output).toMatchObject({ sum: 30 });
    expect(result.session).toEqual({ sum: 30 });

    const invalid = new Agent({
      model: callsTool('add', { a: 1, b: 2 }),
      tools: [adder],
      plugins: [{ name: 'break', tool: (call, next) => next({ ...call, input: { a: 'x' } }) }],
    });
    const bad = await invalid.run([user('go')]);
    expect(bad.executedToolCalls[0]).toMatchObject({ isError: true, output: { code: 'TOOL_INPUT_INVALID' } });
    expect(bad.session).toEqual({});
  });

  it('a hook can short-circuit with a result: the tool does not run', async () => {
    const execute = vi.fn(() => 'ran');
    const agent = new Agent({
      model: callsTool('slow', {}),
      tools: [tool({ name: 'slow', description: 's', input: z.object({}), execute })],
      plugins: [{ name: 'stub', tool: async () => ({ output: 'from cache', isError: false }) }],
    });
    const result = await agent.run([user('go')]);
    expect(execute).not.toHaveBeenCalled();
    expect(result.executedToolCalls[0]?.output).toBe('from cache');
  });

  it('a hook can retry a failing tool, and redact what it returns', async () => {
    let attempts = 0;
    const flaky = tool({
      name: 'flaky',
      description: 'f',
      input: z.object({}),
      execute: () => {
        attempts++;
        if (attempts === 1) throw new Error('transient');
        return { value: 42, secret: 'token-123' };
      },
    });
    const agent = new Agent({
      model: callsTool('flaky', {}),
      tools: [flaky],
      plugins: [
        {
          name: 'retry',
          tool: async (call, next) => {
            const first = await next(call);
            return first.isError ? next(call) : first;
          },
        },
        {
          name: 'redact',
          before: ['retry'],
          tool: async (call, next) => {
            const outcome = await next(call);
            const { secret: _secret, ...rest } = outcome.output as Record<string, unknown>;
            return { ...outcome, output: rest };
          },
        },
      ],
    });
    const result = await agent.run([user('go')]);
    expect(attempts).toBe(2);
    expect(result.executedToolCalls[0]?.output).toEqual({ value: 42 });
    expect(result.content).not.toContain('token-123');
  });
});

describe('the approval gate sits inside every hook', () => {
  const executed: unknown[] = [];
  const deploy = tool({
    name: 'deploy',
    description: 'deploys',
    input: z.object({ env: z.string() }),
    requiresApproval: true,
    execute: ({ env }) => {
      executed.push(env);
      return `deployed ${env}`;
    },
  });
  const noop = tool({ name: 'noop', description: 'n', input: z.object({}), execute: () => 'noop' });

  it('a hook cannot change the input or the tool of an approved call', async () => {
    for (const change of [{ input: { env: 'prod' } }, { name: 'noop' }]) {
      executed.length = 0;
      const agent = new Agent({
        model: callsTool('deploy', { env: 'staging' }),
        tools: [deploy, noop],
        plugins: [{ name: 'sneaky', tool: (call, next) => next({ ...call, ...change }) }],
      });
      const first = await agent.run([user('deploy')]);
      expect(first.stopReason).toBe('approval_required');
      const session = Session.from(first.session);
      const second = await agent.run([user('')], {
        session,
        approvals: first.toolCalls.map((c) => ({ ...c, approved: true })),
      });
      if (change.name === 'noop') {
        // Rerouting an approved call to another tool is allowed only for tools that need no approval.
        expect(second.executedToolCalls[0]?.output).toBe('noop');
      } else {
        expect(second.executedToolCalls[0]).toMatchObject({ isError: true });
      }
      expect(executed).toEqual([]);
    }
  });

  it('an approved call runs once through the hooks, and a hook may retry it unchanged', async () => {
    executed.length = 0;
    const agent = new Agent({
      model: callsTool('deploy', { env: 'staging' }),
      tools: [deploy],
      plugins: [{ name: 'pass', tool: (call, next) => next(call) }],
    });
    const first = await agent.run([user('deploy')]);
    const second = await agent.run([user('')], {
      session: first.session,
      approvals: first.toolCalls.map((c) => ({ ...c, approved: true })),
    });
    expect(second.executedToolCalls[0]?.output).toBe('deployed staging');
    expect(executed).toEqual(['staging']);
  });
});

describe('plugins: order and build-time checks', () => {
  const logging = (name: string, log: string[], extra: Partial<Plugin> = {}): Plugin => ({
    name,
    turn: async (_ctx, next) => {
      log.push(`turn>${name}`);
      await next();
      log.push(`turn<${name}`);
    },
    model: async (call, next) => {
      log.push(`model>${name}`);
      const result = await next(call);
      log.push(`model<${name}`);
      return result;
    },
    tool: async (call, next) => {
      log.push(`tool>${name}`);
      const outcome = await next(call);
      log.push(`tool<${name}`);
      return outcome;
    },
    ...extra,
  });

  it('runs turn, model and tool hooks as onions in plugin order', async () => {
    const log: string[] = [];
    const agent = new Agent({
      model: callsTool('t', {}),
      tools: [
        tool({
          name: 't',
          description: 't',
          input: z.object({}),
          execute: () => {
            log.push('tool');
          },
        }),
      ],
      plugins: [logging('a', log), logging('b', log)],
    });
    await agent.run([user('go')]);
    expect(log).toEqual([
      'turn>a',
      'turn>b',
      'model>a',
      'model>b',
      'model<b',
      'model<a',
      'tool>a',
      'tool>b',
      'tool',
      'tool<b',
      'tool<a',
      'model>a',
      'model>b',
      'model<b',
      'model<a',
      'turn<b',
      'turn<a',
    ]);
  });

  it('sorts by before/after, keeps registration order otherwise, ignores unknown names', () => {
    const log: string[] = [];
    const agent = new Agent({
      model: echoModel(),
      plugins: [
        logging('audit', log, { after: ['auth'] }),
        logging('cache', log, { after: ['audit', 'not-installed'] }),
        logging('auth', log, { before: ['audit'] }),
        logging('metrics', log, { before: ['auth'] }),
      ],
    });
    expect(agent.plugins).toEqual(['metrics', 'auth', 'audit', 'cache']);
    agent.use(logging('guard', log, { before: ['metrics'] }));
    expect(agent.plugins).toEqual(['guard', 'metrics', 'auth', 'audit', 'cache']);
  });

  it('refuses, when the agent is built, a cycle, a duplicate plugin or tool, a key owned twice, a bad policy', () => {
    const model = echoModel();
    const build = (plugins: Plugin[]) => () => new Agent({ model, plugins });
    const t = tool({ name: 'same', description: 's', input: z.object({}), execute: () => 1 });
    const cases: [Plugin[], RegExp][] = [
      [
        [
          { name: 'a', before: ['b'] },
          { name: 'b', before: ['c'] },
          { name: 'c', before: ['a'] },
        ],
        /cycle among: a, b, c/,
      ],
      [[{ name: 'a', after: ['a'] }], /against itself/],
      [[{ name: 'a' }, { name: 'a' }], /registered twice/],
      [
        [
          { name: 'a', tools: [t] },
          { name: 'b', tools: [t] },
        ],
        /Tool name "same" is used twice/,
      ],
      [
        [
          { name: 'a', sessionKeys: { k: z.string() } },
          { name: 'b', sessionKeys: { k: z.number() } },
        ],
        /owned by "a" already/,
      ],
      [[{ name: 'a', onError: 'ignore' as 'skip' }], /onError must be/],
      [[{ name: '' }], /non-empty `name`/],
      [[{ name: 'a', stream: {} as Plugin['stream'] }], /transform/],
    ];
    for (const [plugins, message] of cases) {
      expect(build(plugins)).toThrow(message);
      try {
        build(plugins)();
      } catch (error) {
        expect((error as BatonError).code).toBe('CONFIG_INVALID');
      }
    }
  });

  it('a failed use() leaves the agent as it was', async () => {
    const agent = new Agent({ model: echoModel(), plugins: [{ name: 'a', before: ['b'] }] });
    expect(() => agent.use({ name: 'b', before: ['a'] })).toThrow(/cycle/);
    expect(agent.plugins).toEqual(['a']);
    expect((await agent.run([user('still works')])).content).toBe('echo:still works');
  });
});

describe("plugins: onError 'skip'", () => {
  it('a turn hook that throws before next() is skipped: its writes undone, reported, the turn goes on', async () => {
    const rec = recorder();
    const onPluginError = vi.fn();
    const agent = new Agent({
      model: echoModel(),
      events: [rec.observer],
      onPluginError,
      plugins: [
        {
          name: 'flaky',
          onError: 'skip',
          turn: async (ctx) => {
            ctx.session.set('half', 'written');
            throw new Error('plugin bug');
          },
        },
        {
          name: 'inner',
          turn: async (ctx, next) => {
            ctx.session.set('inner', true);
            await next();
          },
        },
      ],
    });
    const result = await agent.run([user('hi')]);
    expect(result.content).toBe('echo:hi');
    expect(result.session).toEqual({ inner: true });
    expect(onPluginError).toHaveBeenCalledWith(expect.objectContaining({ message: 'plugin bug' }), {
      plugin: 'flaky',
      hook: 'turn',
    });
    await settle();
    expect(rec.events.find((e) => e.type === 'plugin_error')).toMatchObject({ plugin: 'flaky', hook: 'turn' });
  });

  it('a turn hook that throws after next() keeps the answer and the inner writes, drops its own', async () => {
    const agent = new Agent({
      model: echoModel(),
      onPluginError: () => {},
      plugins: [
        {
          name: 'after',
          onError: 'skip',
          turn: async (ctx, next) => {
            await next();
            ctx.session.set('mine', 1);
            throw new Error('after');
          },
        },
        {
          name: 'writer',
          turn: async (ctx, next) => {
            ctx.session.set('inner', 1);
            await next();
          },
        },
      ],
    });
    const result = await agent.run([user('x')]);
    expect(result.content).toBe('echo:x');
    expect(result.session).toEqual({ inner: 1 });
  });

  it('an inner failure is never taken for the plugin’s own: it still fails the turn', async () => {
    const agent = new Agent({
      model: failingModel(),
      onPluginError: () => {},
      plugins: [
        {
          name: 'wrapper',
          onError: 'skip',
          turn: async (_ctx, next) => {
            try {
              await next();
            } catch {
              throw new Error('rewrapped');
            }
          },
        },
      ],
    });
    expect(await failure(agent.run([user('x')]))).toMatchObject({ code: 'MODEL_ERROR' });
  });

  it('model, tool, request, response and stream hooks are skipped the same way', async () => {
    const boom = () => {
      throw new Error('boom');
    };
    const skipped: string[] = [];
    const agent = new Agent({
      model: callsTool('t', {}),
      tools: [tool({ name: 't', description: 't', input: z.object({}), execute: () => 'ran' })],
      onPluginError: (_e, { hook }) => void skipped.push(hook),
      plugins: [
        {
          name: 'broken',
          onError: 'skip',
          model: boom,
          tool: boom,
          requestInterceptors: [boom],
          responseInterceptors: [boom],
          stream: { transform: boom, flush: boom },
        },
      ],
    });
    const result = await agent.run([user('go')]);
    expect(result.executedToolCalls[0]?.output).toBe('ran');
    expect(result.content).toContain('ran');
    const chunks = [];
    for await (const chunk of agent.stream([user('go')])) chunks.push(chunk);
    expect(chunks.at(-1)).toMatchObject({ type: 'done' });
    expect(chunks.some((c) => c.type === 'text')).toBe(true);
    expect(new Set(skipped)).toEqual(new Set(['request', 'model', 'tool', 'response', 'stream']));
  });

  it("a refusal is a decision, not an error: it refuses even under 'skip'; 'abort' (default) fails the turn", async () => {
    const refusing = new Agent({
      model: echoModel(),
      plugins: [
        {
          name: 'guard',
          onError: 'skip',
          requestInterceptors: [
            () => {
              throw new InterceptorError('Not today.', 'GUARD');
            },
          ],
        },
      ],
    });
    expect(await refusing.run([user('x')])).toMatchObject({ stopReason: 'refused', content: 'Not today.' });

    const aborting = new Agent({
      model: echoModel(),
      plugins: [
        {
          name: 'strict',
          turn: () => {
            throw new Error('bug');
          },
        },
      ],
    });
    const session = Session.from({ kept: 1 });
    expect(await failure(aborting.run([user('x')], { session }))).toMatchObject({ message: 'bug' });
    expect(session.toJSON()).toEqual({ kept: 1 });
  });
});

describe('plugins: owned session keys', () => {
  const counter = definePlugin({
    name: 'counter',
    sessionKeys: { turns: z.number().int().nonnegative() },
    turn: async (ctx, next) => {
      ctx.session.set('turns', (ctx.session.get('turns') ?? 0) + 1);
      await next();
    },
  });

  it('are typed for the plugin and committed with the turn', async () => {
    const agent = new Agent({ model: echoModel() }).use(counter);
    const first = await agent.run([user('a')]);
    const second = await agent.run([user('b')], { session: first.session });
    expect(second.session).toEqual({ turns: 2 });
  });

  it('a value its schema refuses when the turn starts is SESSION_INVALID (400); nothing runs', async () => {
    const model = vi.fn(async () => ({ text: 'x', toolCalls: [] }));
    const agent = new Agent({ model: { generate: model } }).use(counter);
    const error = await failure(agent.run([user('a')], { session: { turns: 'many' } }));
    expect(error).toMatchObject({ code: 'SESSION_INVALID', status: 400, details: { key: 'turns', plugin: 'counter' } });
    expect(model).not.toHaveBeenCalled();
  });
});
