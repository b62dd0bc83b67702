import { randomUUID } from 'node:crypto';

/** The header a request id travels in, both ways (what load balancers and proxies set). */
export const REQUEST_ID_HEADER = 'x-request-id';

/**
 * What an incoming request id may look like: 1 to 128 characters a log line, a header and a JSON
 * string carry untouched (letters, digits and `- _ . : / + = @`): UUIDs, ULIDs, trace ids, the
 * `Root=1-...` of a cloud load balancer. Anything else is replaced, never echoed.
 */
const SAFE_REQUEST_ID = /^[A-Za-z0-9._:/+=@-]{1,128}$/;

/** Whether `value` is a request id Baton accepts from a client or proxy. */
export function isRequestId(value: unknown): value is string {
  return typeof value === 'string' && SAFE_REQUEST_ID.test(value);
}

/**
 * The request's id: the one it came with when that one is safe (see {@link isRequestId}), else a
 * fresh one (`generate`, default a random UUID). An invalid id never fails the request.
 */
export function requestIdFrom(incoming: string | null | undefined, generate: () => string = randomUUID): string {
  return isRequestId(incoming) ? incoming : generate();
}
