import { InterceptorError } from '../errors.js';
import type { Model } from '../model/model.js';
import type { SessionShape } from '../session/session.js';
import type { Plugin } from '../turn.js';
import { isRetryableModelError } from './model-errors.js';
import { checkFunction, invalid } from './options.js';

const NAME = 'model-fallback';

/** Options of {@link modelFallback}. */
export interface ModelFallbackOptions {
  /**
   * Which failures move on to the next model (default {@link isRetryableModelError}). A refusal
   * (`InterceptorError`) or a failure after the turn's signal fired never does.
   */
  fallbackOn?: (error: unknown) => boolean;
}

/**
 * When a model call fails, calls the fallback models in order (`next({ ...call, model })`) until
 * one answers; if they all fail, the last failure is the turn's. Each call starts from the agent's
 * model (or the one an outer hook chose), so one failure does not stick for the rest of the turn.
 *
 * Ordering: fallback declares `before: ['model-retry']`, so with {@link modelRetry} registered it
 * runs outside retry and every model is retried on its own before the next one is tried.
 * In a streamed turn the fallback's own `stream` is used; text a failed model already streamed
 * stays streamed (see {@link modelRetry}).
 *
 * @example
 * new Agent({ model: primary })
 *   .use(modelFallback([cheaperModel, otherProviderModel]))
 *   .use(modelRetry({ retries: 1 }));
 */
export function modelFallback<S extends object = SessionShape>(
  models: Model[] | Model,
  options: ModelFallbackOptions = {},
): Plugin<S> {
  const fallbacks = Array.isArray(models) ? [...models] : [models];
  if (fallbacks.length === 0) throw invalid(NAME, 'needs at least one fallback model');
  for (const model of fallbacks) {
    if (typeof model !== 'object' || model === null || typeof model.generate !== 'function') {
      throw invalid(NAME, 'every fallback must be a Model (an object with a `generate` method)');
    }
  }
  checkFunction(NAME, 'fallbackOn', options.fallbackOn);
  const fallbackOn = options.fallbackOn ?? isRetryableModelError;
  const fallsBack = (error: unknown, signal: AbortSignal) =>
    !signal.aborted && !(error instanceof InterceptorError) && fallbackOn(error);
  return {
    name: NAME,
    before: ['model-retry'],
    async model(call, next, ctx) {
      for (let i = 0; ; i++) {
        try {
          return await next(i === 0 ? call : { ...call, model: fallbacks[i - 1] as Model });
        } catch (error) {
          if (i === fallbacks.length || !fallsBack(error, ctx.signal)) throw error;
        }
      }
    },
  };
}
