import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { Agent, BatonError, InterceptorError, tool } from '../../src/index.js';
import { modelFallback, modelRetry } from '../../src/plugins/index.js';
import { deltas, drain, failure, modelError, scripted, user } from './support.js';

describe('modelFallback', () => {
  it('answers with the fallback when the primary model fails', async () => {
    const log: string[] = [];
    const primary = scripted('primary', [modelError()], log);
    const backup = scripted('backup', ['from backup'], log);
    const agent = new Agent({ model: primary.model, plugins: [modelFallback(backup.model)] });
    const result = await agent.run([user('hi')]);
    expect(result.content).toBe('from backup');
    expect(log).toEqual(['primary', 'backup']);
    expect(backup.calls[0]?.messages).toEqual([{ role: 'user', content: 'hi' }]);
  });

  it('tries the fallbacks in order; the last failure is the turn’s', async () => {
    const log: string[] = [];
    const a = scripted('a', [modelError('a down')], log);
    const b = scripted('b', [modelError('b down')], log);
    const c = scripted('c', [modelError('c down')], log);
    const agent = new Agent({ model: a.model, plugins: [modelFallback([b.model, c.model])] });
    const error = await failure(agent.run([user('hi')]));
    expect((error as BatonError).code).toBe('MODEL_ERROR');
    expect((error as BatonError).message).toContain('c down');
    expect(log).toEqual(['a', 'b', 'c']);

    const d = scripted('d', ['d answers'], log);
    const agent2 = new Agent({ model: a.model, plugins: [modelFallback([b.model, d.model, c.model])] });
    log.length = 0;
    expect((await agent2.run([user('hi')])).content).toBe('d answers');
    expect(log).toEqual(['a', 'b', 'd']);
  });

  it('does not fall back on a permanent error, a refusal, or after a fallback failed permanently', async () => {
    const log: string[] = [];
    const permanent = modelError('bad request', { isRetryable: false });
    const primary = scripted('primary', [permanent], log);
    const backup = scripted('backup', ['unused'], log);
    const agent = new Agent({ model: primary.model, plugins: [modelFallback(backup.model)] });
    expect(await failure(agent.run([user('hi')]))).toBe(permanent);
    expect(log).toEqual(['primary']);

    const refusing = scripted('refusing', [new InterceptorError('Not that.')]);
    const agent2 = new Agent({ model: refusing.model, plugins: [modelFallback(backup.model)] });
    expect((await agent2.run([user('hi')])).stopReason).toBe('refused');
    expect(backup.calls).toHaveLength(0);

    log.length = 0;
    const flaky = scripted('flaky', [modelError()], log);
    const broken = scripted('broken', [permanent], log);
    const agent3 = new Agent({ model: flaky.model, plugins: [modelFallback([broken.model, backup.model])] });
    expect(await failure(agent3.run([user('hi')]))).toBe(permanent);
    expect(log).toEqual(['flaky', 'broken']);
  });

  it('fallbackOn chooses which failures fall back', async () => {
    const primary = scripted('primary', [modelError('bad request', { isRetryable: false })]);
    const backup = scripted('backup', ['backup']);
    const agent = new Agent({
      model: primary.model,
      plugins: [modelFallback(backup.model, { fallbackOn: () => true })],
    });
    expect((await agent.run([user('hi')])).content).toBe('backup');
  });

  it('a streamed turn streams the fallback’s own stream', async () => {
    const primary = scripted('primary', [modelError()], [], { stream: true });
    const backup = scripted('backup', ['Streamed by backup'], [], { stream: true, chunkSize: 4 });
    const agent = new Agent({ model: primary.model, plugins: [modelFallback(backup.model)] });
    const { events, error } = await drain(agent.stream([user('hi')]));
    expect(error).toBeUndefined();
    const textEvents = events.filter((e) => e.type === 'text');
    expect(textEvents.length).toBe(5); // 4-character chunks: the backup's stream, not one whole text
    expect(deltas(events)).toBe('Streamed by backup');
    expect(events.at(-1)).toMatchObject({ type: 'done', result: { content: 'Streamed by backup' } });
  });

  it('each model call starts from the primary again', async () => {
    const log: string[] = [];
    const primary = scripted('primary', [modelError(), 'primary answers'], log);
    const backup = scripted('backup', [{ text: '', toolCalls: [{ id: 't1', name: 'lookup', input: {} }] }], log);
    const agent = new Agent({
      model: primary.model,
      tools: [tool({ name: 'lookup', description: 'l', input: z.object({}), execute: () => 'found' })],
      plugins: [modelFallback(backup.model)],
    });
    const result = await agent.run([user('hi')]);
    expect(result.content).toBe('primary answers');
    expect(log).toEqual(['primary', 'backup', 'primary']);
  });

  it('with modelRetry, orders itself outside retry: each model is retried before the next is tried', async () => {
    const log: string[] = [];
    const primary = scripted('primary', [modelError()], log);
    const backup = scripted('backup', [modelError(), 'backup, second try'], log);
    const agent = new Agent({ model: primary.model });
    // Registered retry first: `before: ['model-retry']` still puts fallback outside.
    agent.use(modelRetry({ retries: 1, baseDelayMs: 0, maxDelayMs: 0 })).use(modelFallback(backup.model));
    expect(agent.plugins).toEqual(['model-fallback', 'model-retry']);
    expect((await agent.run([user('hi')])).content).toBe('backup, second try');
    expect(log).toEqual(['primary', 'primary', 'backup', 'backup']);
  });

  it('refuses bad options when created (CONFIG_INVALID)', () => {
    for (const models of [[], [{}], [null], { generate: 'no' }]) {
      expect(() => modelFallback(models as never)).toThrowError(expect.objectContaining({ code: 'CONFIG_INVALID' }));
    }
    const ok = scripted('ok', ['ok']).model;
    expect(() => modelFallback(ok, { fallbackOn: 1 as never })).toThrowError(BatonError);
  });
});
