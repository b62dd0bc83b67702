import { APICallError } from '@ai-sdk/provider';
import { abortError, BatonError } from '@baton/core';
import { RetryError } from 'ai';

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
