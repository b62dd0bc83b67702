import { BatonError, InterceptorError } from '../errors.js';

/**
 * Whether a failed model call is worth another try (the default of `modelRetry` and
 * `modelFallback`): a `MODEL_ERROR` the provider did not call permanent. The AI SDK adapter puts
 * the provider's verdict in `details.isRetryable` (`retryable` is accepted too); a 400 or 401
 * says `false`, and trying again would fail the same way. An abort, a refusal and every other
 * Baton error are never retried.
 *
 * @example
 * modelRetry({ retryOn: (error) => isRetryableModelError(error) || error instanceof MyTimeout })
 */
export function isRetryableModelError(error: unknown): boolean {
  if (error instanceof InterceptorError || !(error instanceof BatonError) || error.code !== 'MODEL_ERROR') {
    return false;
  }
  const details = error.details ?? {};
  return details.isRetryable !== false && details.retryable !== false;
}
