import { describe, expect, it } from 'vitest';
import type { PluginHookKind, StreamHook } from '../../src/entries/plugin.js';
import { Agent, type BatonError, scriptedModel } from '../../src/index.js';
import { HOOK_KIND_NAMES, HOOK_KINDS } from '../../src/pipeline/hook-kinds.js';
import { user } from '../support/turns.js';

const echo = () => scriptedModel([{ when: () => true, reply: (c) => `echo:${c.text}` }]);

describe('the table of hook kinds', () => {
  it('lists every kind a plugin can declare, each joining one stage', () => {
    expect(HOOK_KIND_NAMES).toEqual(['turn', 'request', 'response', 'model', 'tool', 'stream']);
    const stages = Object.fromEntries(HOOK_KIND_NAMES.map((k: PluginHookKind) => [k, HOOK_KINDS[k].stage]));
    expect(stages).toEqual({
      turn: 'turn',
      request: 'turn',
      response: 'response',
      model: 'model',
      tool: 'tool',
      stream: 'stream',
    });
  });

  it("a plugin's turn hook wraps its own request interceptors (table order)", async () => {
    const seen: string[] = [];
    const agent = new Agent({ model: echo() }).use({
      name: 'both',
      requestInterceptors: [() => void seen.push('request')],
      turn: async (_ctx, next) => {
        seen.push('turn:before');
        await next();
        seen.push('turn:after');
      },
    });
    await agent.run([user('x')]);
    expect(seen).toEqual(['turn:before', 'request', 'turn:after']);
  });

  it('a malformed hook is refused at registration (CONFIG_INVALID)', () => {
    const agent = new Agent({ model: echo() });
    let error: unknown;
    try {
      agent.use({ name: 'bad', stream: {} as StreamHook });
    } catch (e) {
      error = e;
    }
    expect(error).toMatchObject({ code: 'CONFIG_INVALID' });
    expect((error as BatonError).message).toBe('Plugin "bad": `stream` needs a transform(chunk, ctx) method');
    expect(agent.plugins).toEqual([]);
  });
});
