import { BatonError } from '@baton/core';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { modelFromEnv, supportedProviders } from '../../../examples/deploy-wizard/provider.js';

describe('modelFromEnv (examples/deploy-wizard)', () => {
  afterEach(() => {
    vi.unstubAllEnvs();
    vi.unstubAllGlobals();
  });

  it('returns undefined when BATON_MODEL is unset or empty', async () => {
    vi.stubEnv('BATON_MODEL', undefined);
    await expect(modelFromEnv()).resolves.toBeUndefined();
    await expect(modelFromEnv('')).resolves.toBeUndefined();
    await expect(modelFromEnv('  ')).resolves.toBeUndefined();
  });

  it('builds an OpenAI model from "openai:gpt-4o-mini" without touching the network', async () => {
    const fetchSpy = vi.fn(() => {
      throw new Error('no network in tests');
    });
    vi.stubGlobal('fetch', fetchSpy);
    vi.stubEnv('OPENAI_API_KEY', undefined);
    vi.stubEnv('BATON_MODEL', 'openai:gpt-4o-mini');

    const model = await modelFromEnv();

    expect(model).toBeDefined();
    expect(model?.id).toBe('openai:gpt-4o-mini');
    expect(typeof model?.generate).toBe('function');
    expect(typeof model?.stream).toBe('function');
    expect(fetchSpy).not.toHaveBeenCalled();
  });

  it('rejects an unknown provider prefix, naming the supported ones', async () => {
    const error = await modelFromEnv('openia:gpt-4o-mini').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(BatonError);
    expect(error).toMatchObject({ code: 'CONFIG_INVALID', details: { provider: 'openia' } });
    expect((error as Error).message).toContain('unknown provider "openia"');
    expect((error as Error).message).toContain(supportedProviders.join(', '));
  });

  it('rejects a spec that is not provider:model', async () => {
    await expect(modelFromEnv('gpt-4o-mini')).rejects.toMatchObject({
      code: 'CONFIG_INVALID',
      message: expect.stringContaining('"provider:model-id"'),
    });
    await expect(modelFromEnv('openai:')).rejects.toMatchObject({ code: 'CONFIG_INVALID' });
  });

  it('names the package to install when a provider package is missing', async () => {
    // @ai-sdk/anthropic is not a dependency of the example.
    await expect(modelFromEnv('anthropic:claude-sonnet-4-5')).rejects.toMatchObject({
      code: 'CONFIG_INVALID',
      message: expect.stringContaining('"@ai-sdk/anthropic"'),
      details: { package: '@ai-sdk/anthropic' },
    });
  });
});
