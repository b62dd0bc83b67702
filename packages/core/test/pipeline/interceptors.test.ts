import { describe, expect, it, vi } from 'vitest';
import { z } from 'zod';
import { Agent, InterceptorError, Session, tool } from '../../src/index.js';
import { callsToolOnce, echo } from '../support/agent.js';
import { user } from '../support/turns.js';

describe('Agent: InterceptorError (polite refusal)', () => {
  it('from a request interceptor: content = userMessage, error code, refused, model not called, session unchanged', async () => {
    const { model, calls } = echo();
    const responseInterceptor = vi.fn();
    const agent = new Agent({
      model,
      requestInterceptors: [
        (request, ctx) => {
          ctx.session.set('touched', true);
          ctx.session.set('count', 99);
          ctx.session.set('temp:flag', 'x');
          if (request.messages.at(-1)?.content.includes('drop database')) {
            throw new InterceptorError('I cannot do that.', 'BLOCKED_PHRASE', { phrase: 'drop database' });
          }
        },
      ],
      responseInterceptors: [responseInterceptor],
    });
    const session = Session.from({ count: 1 });
    const result = await agent.run([user('please drop database now')], { session });
    expect(result.content).toBe('I cannot do that.');
    expect(result.stopReason).toBe('refused');
    expect(result.error).toEqual({ code: 'BLOCKED_PHRASE', details: { phrase: 'drop database' } });
    expect(result.toolCalls).toEqual([]);
    expect(result.executedToolCalls).toEqual([]);
    expect(calls).toHaveLength(0);
    expect(responseInterceptor).not.toHaveBeenCalled();
    // Rolled back, even though the interceptor set keys before throwing.
    expect(result.session).toEqual({ count: 1 });
    expect(session.toJSON()).toEqual({ count: 1 });
    expect(session.has('touched')).toBe(false);
    expect(session.get('temp:flag')).toBeUndefined();
    expect(session.isModified).toBe(false);
  });

  it('without a code it defaults to INTERCEPTOR_REFUSED and omits details', async () => {
    const agent = new Agent({
      model: echo().model,
      requestInterceptors: [
        () => {
          throw new InterceptorError('No.');
        },
      ],
    });
    const result = await agent.run([user('x')]);
    expect(result.content).toBe('No.');
    expect(result.error).toEqual({ code: 'INTERCEPTOR_REFUSED' });
  });

  it('from a response interceptor: content replaced and the whole turn rolled back (tool writes included)', async () => {
    const { model, calls } = callsToolOnce('save', { value: 7 });
    const execute = vi.fn((input: { value: number }, ctx: { session: Session }) => {
      ctx.session.set('saved', input.value);
      return { ok: true };
    });
    const agent = new Agent({
      model,
      tools: [tool({ name: 'save', description: 'Saves', input: z.object({ value: z.number() }), execute })],
      responseInterceptors: [
        (response, ctx) => {
          expect(ctx.session.get('saved')).toBe(7);
          ctx.session.set('audited', true);
          if (response.content.includes('"ok":true')) throw new InterceptorError('Output withheld.', 'WITHHELD');
        },
      ],
    });
    const session = Session.from({ keep: 'me' });
    const result = await agent.run([user('save it')], { session });
    expect(execute).toHaveBeenCalledTimes(1);
    expect(calls).toHaveLength(2);
    expect(result.content).toBe('Output withheld.');
    expect(result.stopReason).toBe('refused');
    expect(result.error).toEqual({ code: 'WITHHELD' });
    expect(result.session).toEqual({ keep: 'me' });
    expect(session.toJSON()).toEqual({ keep: 'me' });
    expect(session.isModified).toBe(false);
  });
});
