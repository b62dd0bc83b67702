/**
 * Every failure Baton reports carries a stable `code`. The table below is the single source of
 * truth: the HTTP edge maps a code to its status from here, and the README's table of codes
 * is generated from the same descriptions.
 */
export const ERROR_CODES = {
  REQUEST_INVALID_JSON: { status: 400, description: 'The body is not valid JSON.' },
  REQUEST_INVALID: {
    status: 400,
    description: 'The body is JSON but not a valid HelpDesk request (shape, roles, types).',
  },
  UNSUPPORTED_MEDIA_TYPE: { status: 415, description: 'The body is not `application/json`.' },
  BODY_TOO_LARGE: { status: 413, description: 'The body is over the configured limit (1 MiB).' },
  BODY_TIMEOUT: {
    status: 408,
    description: 'The body did not arrive within `bodyTimeoutMs` (default 10 s); the connection is closed.',
  },
  NOT_FOUND: { status: 404, description: 'No such route.' },
  METHOD_NOT_ALLOWED: { status: 405, description: 'The route exists but not for this method.' },
  SESSION_INVALID: {
    status: 400,
    description: 'The session sent by the client is not a JSON object of JSON values.',
  },
  SESSION_KEY_INVALID: {
    status: 400,
    description: 'A session key is empty, reserved (`baton:`), or `__proto__`/`constructor`/`prototype`.',
  },
  SESSION_VALUE_NOT_JSON: {
    status: 500,
    description: 'Code tried to store a value that is not JSON (function, bigint, cycle, NaN, lone surrogate...).',
  },
  SESSION_VALUE_INVALID: {
    status: 400,
    description: 'A stored value does not match the schema or class it was read with.',
  },
  SESSION_SCHEMA_VIOLATION: {
    status: 500,
    description: 'A turn left a plugin-owned session key holding a value its schema refuses; nothing was committed.',
  },
  SESSION_TOO_LARGE: { status: 413, description: 'The serialized session is over its size limit.' },
  SESSION_SEAL_INVALID: {
    status: 401,
    description: 'A sealed session was tampered with, truncated, expired or sealed with an unknown key (strict mode).',
  },
  UNAUTHENTICATED: {
    status: 401,
    description: 'Owners: listing sessions needs a caller the `owner` hook names (an anonymous caller has no list).',
  },
  SESSION_ID_INVALID: { status: 400, description: 'A session id is not 22 base64url characters.' },
  SESSION_BUSY: {
    status: 409,
    description: 'Another turn of this session held the lease longer than the wait bound.',
  },
  SESSION_CONFLICT: {
    status: 409,
    description: 'Merge mode: a key this turn changed was changed by a concurrent turn first.',
  },
  SESSION_LEASE_LOST: {
    status: 409,
    description: 'The turn lost its lease (a renewal was refused or failed in time); it stopped, committed nothing.',
  },
  SESSION_STORE_UNAVAILABLE: { status: 503, description: 'The session store cannot be reached.' },
  SESSION_NOT_FOUND: {
    status: 404,
    description: 'Conversation memory: no session with this id (never created, destroyed or expired).',
  },
  MESSAGE_TOO_LARGE: {
    status: 413,
    description: 'Conversation memory: a message is over `memory.limits.maxMessageBytes`; nothing was appended.',
  },
  MEMORY_DISABLED: {
    status: 404,
    description: 'Conversation memory is off (it needs server mode with the `memory` option).',
  },
  SERVER_SHUTTING_DOWN: {
    status: 503,
    description:
      'Shutting down (`close()`): no new turn starts, one still running at the bound is aborted (`Retry-After`).',
  },
  APPROVAL_INPUT_INVALID: {
    status: 400,
    description:
      "An edited approval's input does not match the tool's schema; nothing ran, the approval is still pending.",
  },
  APPROVAL_UNKNOWN: {
    status: 400,
    description:
      'An approval names a call that is not pending (never proposed, altered, or already used: at most once).',
  },
  APPROVAL_INVALID: {
    status: 400,
    description:
      'Signed approvals: the approved call carries no valid signature (forged, altered, expired or unknown key).',
  },
  TOOL_INPUT_INVALID: {
    status: 400,
    description: 'Tool input failed its schema (reported to the model as a tool error, not to HTTP).',
  },
  CALL_LIMIT_EXCEEDED: {
    status: 500,
    description: 'The `callLimits` plugin (exit `error`): a turn made more model or tool calls than allowed.',
  },
  MAX_STEPS_EXCEEDED: { status: 500, description: 'The model kept calling tools past `maxSteps`.' },
  MODEL_ERROR: { status: 502, description: 'The model (provider) failed or returned an unusable answer.' },
  OUTPUT_INVALID: {
    status: 502,
    description:
      "Structured output: the model's final answer is not JSON matching the `output` schema; nothing was committed.",
  },
  TURN_TIMEOUT: {
    status: 504,
    description: 'The turn took longer than `turnTimeoutMs` (default 120 s); nothing was committed.',
  },
  TURN_ABORTED: { status: 499, description: 'The turn was aborted by its signal (client gone, timeout).' },
  TURN_STOPPED: {
    status: 499,
    description:
      'Resume: the turn was stopped (`POST /api/session/stop`, or a newer message interrupted it); nothing was committed.',
  },
  TURN_LOST: {
    status: 503,
    description: 'Resume: the process running the turn stopped beating (it died); the turn committed nothing.',
  },
  INTERCEPTOR_REFUSED: {
    status: 200,
    description: 'Default code of an `InterceptorError` without a code: the turn is refused politely.',
  },
  CONFIG_INVALID: {
    status: 500,
    description: 'The agent or session manager was configured wrongly (duplicate tool, short secret...).',
  },
  INTERNAL: { status: 500, description: 'An unexpected error; details are logged, never sent.' },
} as const satisfies Record<string, { status: number; description: string }>;

/** Every stable error code Baton uses (the keys of `ERROR_CODES`, each with its HTTP status). */
export type BatonErrorCode = keyof typeof ERROR_CODES;

/**
 * The one error class of Baton: match on `code`, read `details` for the specifics.
 *
 * It is shaped like an http-errors error (`status`, `statusCode`, `expose`, `headers`) so any
 * Koa or Express error handler answers it correctly, Koa's default one included: that handler
 * assigns `err.status`, which is why `status` is a plain writable property, not a getter.
 */
export class BatonError extends Error {
  override readonly name: string = 'BatonError';
  readonly code: BatonErrorCode;
  readonly details: Record<string, unknown> | undefined;
  /** The HTTP status this error maps to at the edge (from the code table). */
  status: number;
  /** The same as `status` (http-errors and Express read either). */
  statusCode: number;
  /** Whether the message is meant for the client: true below 500, as http-errors decides. */
  expose: boolean;
  /** Response headers that belong with this error (`Allow`, `Connection`, `Retry-After`). */
  headers: Record<string, string> | undefined;
  /** The request that failed, set by the HTTP edge: error bodies carry it as `request_id`. */
  requestId: string | undefined;

  constructor(
    code: BatonErrorCode,
    message: string,
    details?: Record<string, unknown>,
    options?: { cause?: unknown; headers?: Record<string, string> },
  ) {
    super(message, options?.cause === undefined ? undefined : { cause: options.cause });
    this.code = code;
    this.details = details;
    this.status = ERROR_CODES[code].status;
    this.statusCode = this.status;
    this.expose = this.status < 500;
    this.headers = options?.headers;
    this.requestId = undefined;
  }

  toJSON(): { code: string; message: string; details?: Record<string, unknown> } {
    return this.details === undefined
      ? { code: this.code, message: this.message }
      : { code: this.code, message: this.message, details: this.details };
  }
}

/** An error as a client sees it: `{ code, message, details?, request_id? }`. */
export interface PublicError {
  code: string;
  message: string;
  details?: Record<string, unknown>;
  /** The failed request's id (`x-request-id`), to quote when reporting the problem. */
  request_id?: string;
}

/**
 * What a client may see of an error. Server-side failures (5xx) say only what the code table says:
 * their messages can carry provider responses, hosts or paths, so those stay in logs. The request
 * id (`requestId`, or the error's own) is added when known.
 */
export function publicError(error: BatonError, requestId: string | undefined = error.requestId): PublicError {
  const shown: PublicError =
    ERROR_CODES[error.code].status >= 500
      ? { code: error.code, message: ERROR_CODES[error.code].description }
      : error.toJSON();
  if (requestId !== undefined) shown.request_id = requestId;
  return shown;
}

/**
 * Thrown by an interceptor to refuse a turn politely: the user sees `userMessage` as the answer
 * (HTTP 200), the model is not called (request phase) and the session is not committed.
 */
export class InterceptorError extends Error {
  override readonly name: string = 'InterceptorError';
  readonly code: string;
  readonly details: Record<string, unknown> | undefined;

  constructor(
    readonly userMessage: string,
    code: string = 'INTERCEPTOR_REFUSED',
    details?: Record<string, unknown>,
  ) {
    super(userMessage);
    this.code = code;
    this.details = details;
  }
}

/** Whether `error` is a `BatonError` (of `code`, when given): a type guard for catch blocks. */
export function isBatonError(error: unknown, code?: BatonErrorCode): error is BatonError {
  return error instanceof BatonError && (code === undefined || error.code === code);
}

/** Normalises an abort reason into a `TURN_ABORTED` BatonError (keeps a BatonError reason as is). */
export function abortError(signal: AbortSignal): BatonError {
  const reason: unknown = signal.reason;
  if (reason instanceof BatonError) return reason;
  return new BatonError('TURN_ABORTED', 'The turn was aborted.', undefined, { cause: reason });
}
