import { BatonError, ERROR_CODES, publicError } from '../errors.js';

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

/** Whether an error is a server-side failure (5xx) worth logging (a shutdown's 503 is expected). */
export function isServerError(error: BatonError): boolean {
  return ERROR_CODES[error.code].status >= 500 && error.code !== 'SERVER_SHUTTING_DOWN';
}
