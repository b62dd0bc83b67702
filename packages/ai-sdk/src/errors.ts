import { abortError, BatonError } from '@baton/core';
// From `ai`, not `@ai-sdk/provider`: the error classes of the `ai` major the application installed.
import { APICallError, RetryError } from 'ai';

/**
 * Any failure of an SDK call as a BatonError: `TURN_ABORTED` when the call's signal fired,
 * `MODEL_ERROR` otherwise. Details name the model and, for HTTP failures, the status and whether
 * the provider called it retryable; the original error is the `cause`. Response bodies and
 * request payloads are left out of `details` on purpose (they may hold prompts or keys).
 */
export function toBatonError(error: unknown, signal: AbortSignal, modelId: string): BatonError {
  if (error instanceof BatonError) return error;
  if (signal.aborted) return abortError(signal);
  // After retries the SDK throws a RetryError; the last attempt's error is the informative one.
  const root = RetryError.isInstance(error) && error.lastError !== undefined ? error.lastError : error;
  const details: Record<string, unknown> = { model: modelId };
  if (root instanceof Error) details.errorName = root.name;
  if (APICallError.isInstance(root)) {
    if (root.statusCode !== undefined) details.statusCode = root.statusCode;
    details.isRetryable = root.isRetryable;
  }
  if (RetryError.isInstance(error)) details.attempts = error.errors.length;
  return new BatonError('MODEL_ERROR', `The model failed: ${messageOf(root)}`, details, { cause: error });
}

function messageOf(error: unknown): string {
  if (error instanceof Error) return error.message;
  if (typeof error === 'string') return error;
  try {
    return JSON.stringify(error) ?? String(error);
  } catch {
    return String(error);
  }
}

/**
 * The finish reasons that mean the step has no usable answer, as the `MODEL_ERROR` they become:
 * `error` (both majors) and `interrupted` (`ai` 7 / specification v4: the provider stream ended
 * without a completion signal, so the text may be cut off). `stop`, `tool-calls`, `length`,
 * `content-filter` and `other` end the step normally: Baton goes on by the tool calls it got.
 * Retryable, so `modelRetry` may try again.
 */
export function finishError(reason: string, modelId: string): BatonError | undefined {
  if (reason !== 'error' && reason !== 'interrupted') return undefined;
  const message =
    reason === 'interrupted'
      ? 'The model failed: its response ended before the provider signalled completion'
      : 'The model failed: the provider finished the step with an error';
  return new BatonError('MODEL_ERROR', message, { model: modelId, finishReason: reason, isRetryable: true });
}
