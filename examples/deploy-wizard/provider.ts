import { BatonError, type Model } from '@baton/core';

/**
 * AI SDK provider packages by `BATON_MODEL` prefix: the package to import and the name of its
 * default provider instance (`openai('gpt-4o-mini')` returns a LanguageModel).
 */
const PROVIDERS: Record<string, { pkg: string; exportName: string }> = {
  openai: { pkg: '@ai-sdk/openai', exportName: 'openai' },
  anthropic: { pkg: '@ai-sdk/anthropic', exportName: 'anthropic' },
  google: { pkg: '@ai-sdk/google', exportName: 'google' },
  mistral: { pkg: '@ai-sdk/mistral', exportName: 'mistral' },
  groq: { pkg: '@ai-sdk/groq', exportName: 'groq' },
  xai: { pkg: '@ai-sdk/xai', exportName: 'xai' },
  deepseek: { pkg: '@ai-sdk/deepseek', exportName: 'deepseek' },
  azure: { pkg: '@ai-sdk/azure', exportName: 'azure' },
  bedrock: { pkg: '@ai-sdk/amazon-bedrock', exportName: 'bedrock' },
};

/** `BATON_MODEL` prefixes `modelFromEnv` understands (`gateway:` passes the id to the AI Gateway). */
export const supportedProviders: readonly string[] = [...Object.keys(PROVIDERS), 'gateway'];

/**
 * The model named by `BATON_MODEL` (`provider:model-id`, e.g. `openai:gpt-4o-mini`,
 * `anthropic:claude-sonnet-4-5`, `gateway:openai/gpt-4o`), wrapped as a Baton Model; `undefined`
 * when the variable is unset or empty (the example then uses its scripted model).
 *
 * Provider packages are optional dependencies, imported only when named: a missing one is a
 * `CONFIG_INVALID` error naming the package to install. API keys are read by the provider on the
 * first request (`OPENAI_API_KEY`, `ANTHROPIC_API_KEY`...), not here.
 */
export async function modelFromEnv(spec = process.env.BATON_MODEL): Promise<Model | undefined> {
  const trimmed = spec?.trim();
  if (trimmed === undefined || trimmed === '') return undefined;
  const colon = trimmed.indexOf(':');
  const prefix = colon === -1 ? '' : trimmed.slice(0, colon).toLowerCase();
  const modelId = colon === -1 ? '' : trimmed.slice(colon + 1).trim();
  if (prefix === '' || modelId === '') {
    throw new BatonError(
      'CONFIG_INVALID',
      `BATON_MODEL=${JSON.stringify(spec)} is not "provider:model-id" (e.g. "openai:gpt-4o-mini")`,
      { spec },
    );
  }
  const { fromAiSdk } = await importOrExplain<typeof import('@baton/ai-sdk')>('@baton/ai-sdk', 'ai', trimmed);
  if (prefix === 'gateway') return fromAiSdk(modelId);

  const provider = PROVIDERS[prefix];
  if (provider === undefined) {
    throw new BatonError(
      'CONFIG_INVALID',
      `BATON_MODEL=${JSON.stringify(spec)}: unknown provider "${prefix}"; use one of ${supportedProviders.join(', ')}`,
      { spec, provider: prefix, supported: supportedProviders },
    );
  }
  const module = await importOrExplain<Record<string, unknown>>(provider.pkg, provider.pkg, trimmed);
  const factory = module[provider.exportName];
  if (typeof factory !== 'function') {
    throw new BatonError('CONFIG_INVALID', `${provider.pkg} does not export a "${provider.exportName}" provider`, {
      spec,
      package: provider.pkg,
    });
  }
  const languageModel = (factory as (id: string) => Parameters<typeof fromAiSdk>[0])(modelId);
  return fromAiSdk(languageModel, { id: `${prefix}:${modelId}` });
}

/** Imports an optional package; when it is not installed, says which one to add. */
async function importOrExplain<T>(specifier: string, pkg: string, spec: string): Promise<T> {
  try {
    // A variable specifier: TypeScript does not require optional provider packages to be installed.
    const name: string = specifier;
    return (await import(name)) as T;
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    const code = (error as { code?: unknown } | null)?.code;
    const notFound = code === 'ERR_MODULE_NOT_FOUND' || /cannot find|failed to (load|resolve)/i.test(message);
    if (notFound && (message.includes(specifier) || message.includes(pkg))) {
      throw new BatonError(
        'CONFIG_INVALID',
        `BATON_MODEL=${JSON.stringify(spec)} needs the package "${pkg}": install it (pnpm add ${pkg} in examples/deploy-wizard)`,
        { spec, package: pkg },
        { cause: error },
      );
    }
    throw error;
  }
}
