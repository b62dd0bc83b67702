import { RetryError } from 'ai';

/**
 * `f` with the AI SDK's retry semantics (`generateText` / `streamText`, `maxRetries`): an error
 * with `isRetryable: true` (an `APICallError` such as 429 or 5xx, a retryable gateway error) is
 * retried up to `maxRetries` times after 2 s, 4 s, 8 s, ... or what the response's `retry-after-ms`
 * / `retry-after` header asks (when under 60 s); an abort or timeout is never retried. Failing
 * after retries throws the SDK's `RetryError` (`errors`: every attempt's, `lastError`); a
 * non-retryable error on the first attempt, or with `maxRetries: 0`, is thrown as it is.
 */
export async function withRetries<T>(
  f: () => PromiseLike<T>,
  maxRetries: number,
  signal: AbortSignal | undefined,
): Promise<T> {
  const errors: unknown[] = [];
  let backoff = 2000;
  for (;;) {
    try {
      return await f();
    } catch (error) {
      if (isAbortError(error) || maxRetries === 0) throw error;
      errors.push(error);
      const message = messageOf(error);
      if (errors.length > maxRetries) {
        throw new RetryError({
          message: `Failed after ${errors.length} attempts. Last error: ${message}`,
          reason: 'maxRetriesExceeded',
          errors,
        });
      }
      if (!isRetryable(error)) {
        if (errors.length === 1) throw error;
        throw new RetryError({
          message: `Failed after ${errors.length} attempts with non-retryable error: '${message}'`,
          reason: 'errorNotRetryable',
          errors,
        });
      }
      await delay(retryDelay(error, backoff), signal);
      backoff *= 2;
    }
  }
}

function isAbortError(error: unknown): boolean {
  return (
    (error instanceof Error || error instanceof DOMException) &&
    (error.name === 'AbortError' || error.name === 'ResponseAborted' || error.name === 'TimeoutError')
  );
}

function isRetryable(error: unknown): boolean {
  return error instanceof Error && (error as { isRetryable?: unknown }).isRetryable === true;
}

function messageOf(error: unknown): string {
  if (error == null) return 'unknown error';
  if (typeof error === 'string') return error;
  if (error instanceof Error) return error.message;
  return JSON.stringify(error);
}

/** The delay the response's headers ask for (`retry-after-ms`, `retry-after`), else `backoff`. */
function retryDelay(error: unknown, backoff: number): number {
  type WithHeaders = { responseHeaders?: Record<string, string | undefined>; cause?: WithHeaders };
  const e = error as WithHeaders | undefined;
  const headers = e?.responseHeaders ?? e?.cause?.responseHeaders;
  if (!headers) return backoff;
  let ms: number | undefined;
  const retryAfterMs = headers['retry-after-ms'];
  if (retryAfterMs) {
    const parsed = Number.parseFloat(retryAfterMs);
    if (!Number.isNaN(parsed)) ms = parsed;
  }
  const retryAfter = headers['retry-after'];
  if (retryAfter && ms === undefined) {
    const seconds = Number.parseFloat(retryAfter);
    ms = Number.isNaN(seconds) ? Date.parse(retryAfter) - Date.now() : seconds * 1000;
  }
  if (ms !== undefined && !Number.isNaN(ms) && ms >= 0 && (ms < 60_000 || ms < backoff)) return ms;
  return backoff;
}

function delay(ms: number, signal: AbortSignal | undefined): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(signal.reason);
    const onAbort = () => {
      clearTimeout(timer);
      reject(signal?.reason);
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}
