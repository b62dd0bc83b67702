import { BatonError, publicError } from '../errors.js';
import { isServerError } from '../turn-runner/inflight-turns.js';

export { isServerError };

/** Any error as a BatonError: a BatonError as is, anything else 500 `INTERNAL` (the original kept as `cause`). */
export function toBatonError(error: unknown): BatonError {
  if (error instanceof BatonError) return error;
  return new BatonError('INTERNAL', 'Internal error', undefined, { cause: error });
}

/**
 * The answer to an error reaching the HTTP edge: the code table's status, the error's own headers
 * (`Allow`, `Connection`, `Retry-After`) and `{ "error": { code, message, details? } }`. A 5xx
 * says only what the code table says (its message is for logs).
 */
export function errorResponse(error: unknown): Response {
  const baton = toBatonError(error);
  return Response.json({ error: publicError(baton) }, { status: baton.status, headers: baton.headers ?? {} });
}

/**
 * What to report of an error (`onError`, an error log line), or `undefined` when it is not worth
 * reporting ({@link isServerError}): an `INTERNAL` error Baton wrapped is reported as the original.
 */
export function reportable(error: BatonError): unknown {
  if (!isServerError(error)) return undefined;
  return error.code === 'INTERNAL' ? (error.cause ?? error) : error;
}

/** An error thrown by the host app's own code (its `context`): passed through untouched. */
export class HostError {
  constructor(readonly error: unknown) {}
}

/**
 * Errors out of Baton's own work are Baton's: anything that is not already a BatonError becomes
 * 500 `INTERNAL` (the original kept as `cause`).
 */
export async function asBaton<T>(work: Promise<T>): Promise<T> {
  try {
    return await work;
  } catch (error) {
    throw toBatonError(error);
  }
}

/**
 * The error with the request's id (body `request_id`, and the id header): set on the error itself,
 * so a host framework's error handling (Koa's `batonErrors()`) shows it too. An error already
 * naming another request (one error object failing two requests) is wrapped instead.
 */
export function withRequestId(error: BatonError, requestId: string, header: string): BatonError {
  let baton = error;
  if (baton.requestId !== undefined && baton.requestId !== requestId) {
    baton = new BatonError(error.code, error.message, error.details, {
      cause: error,
      ...(error.headers ? { headers: error.headers } : {}),
    });
  }
  baton.requestId = requestId;
  baton.headers = { ...baton.headers, [header]: requestId };
  return baton;
}
