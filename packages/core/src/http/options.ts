import type { MeterProvider } from '@opentelemetry/api';
import type { BatonLogger } from '../observability/logger.js';
import type { BatonMetricProducer } from '../observability/metric-producer.js';
import type { Protocol } from '../protocols/protocol.js';
import type { OwnerOptions } from '../session/owners.js';
import type { SessionManager, SessionManagerOptions } from '../session/session-manager.js';
import type { TurnLogOptions } from '../session/turn-log.js';
import type { ServerContext } from '../turn.js';
import type { DoubleTextPolicy } from '../turn-runner/turn-control.js';
import type { SessionCookieOptions } from './cookies.js';
import type { BatonRoutePaths } from './route-table.js';

/** Options of the HTTP core (`createFetchHandler`); `createBatonHandler` fills `protocols` by default. */
export interface FetchHandlerOptions<C extends ServerContext = ServerContext> {
  /** The wire protocols answered, each on its own routes, in mounting order. */
  protocols: readonly Protocol[];
  /** A SessionManager, or its options (default: client mode). */
  sessions?: SessionManager | SessionManagerOptions;
  /**
   * Owners (server mode): who the caller is, from trusted context — typically
   * `({ server }) => server.user?.id`. A session created with an owner answers only that owner; see
   * `docs/conversations.md`. Same as the SessionManager's `owner` (give it there when you pass one).
   */
  owner?: OwnerOptions['owner'];
  /** Owners: a new owned session's title from its first user message (default: cut to 80 characters). */
  title?: OwnerOptions['title'];
  /** Max body size (default `1mb`); applies to a body a parser in front already read too. */
  bodyLimit?: string | number;
  /** The whole body must arrive within this time, or 408 `BODY_TIMEOUT` (default 10 000 ms; 0: no bound). */
  bodyTimeoutMs?: number;
  /**
   * Trusted values for the turn, computed by the host app from the request (the authenticated
   * user, the tenant): every hook, tool and model hook sees them as `ctx.server`; the client cannot
   * forge them. An error thrown here is the host app's own: `handle()` rejects with it untouched.
   */
  context?: (request: Request) => C | Promise<C>;
  /** Server mode: header carrying the session id (default `x-baton-session`). */
  sessionHeader?: string;
  /** Server mode: also keep the id in an HttpOnly cookie (for browsers). Default: off. */
  cookie?: boolean | SessionCookieOptions;
  /** Receives every 5xx error (its details are withheld from the client); default console.error. */
  onError?: (error: unknown) => void;
  /** A turn taking longer fails with 504 `TURN_TIMEOUT`, committing nothing (default 120 s; 0: none). */
  turnTimeoutMs?: number;
  /** Mount point put before every path (default: none, so routes are `/api/chat`...). */
  prefix?: string;
  /** Rename or switch off routes (a protocol's turn routes by their names too). */
  paths?: BatonRoutePaths;
  /** The protocols' older route names, such as `/api/sendMessage` (default true). */
  aliases?: boolean;
  /**
   * One line per turn (and per request that fails before its turn starts), with pino's interface:
   * pass a pino logger (or Fastify's `app.log`). Default: none, Baton logs nothing. Lines never
   * carry session values, message text or secrets; session ids are hashed.
   */
  logger?: BatonLogger;
  /**
   * Where metrics go (OpenTelemetry). Default: the global MeterProvider — nothing is recorded until
   * the application registers one.
   */
  meterProvider?: MeterProvider;
  /**
   * Baton's metrics aggregated by Baton and read through this producer, which the application
   * also hands its OpenTelemetry reader (`metricProducers: [producer]`): a turn records its metrics
   * in ~1 µs instead of the SDK instruments' ~20 µs (`docs/observability.md`). When set,
   * `meterProvider` is not used.
   */
  metricProducer?: BatonMetricProducer;
  /**
   * Resume (server mode, a store keeping turn logs): every turn's events go to a bounded log
   * beside its session; the protocols' resume routes (`GET /api/chat-stream?after=`, `GET
   * /api/ui/chat/:id/stream`) replay and follow it from any process, and `POST /api/session/stop`
   * stops it. Default off. See `docs/resume.md`.
   */
  resume?: boolean | TurnLogOptions;
  /** `continue`: a turn whose client went away runs to its end and commits (default `abort`). */
  onDisconnect?: 'abort' | 'continue';
  /** What a second message does while a turn of its session runs (default `enqueue`; see `docs/resume.md`). */
  doubleText?: DoubleTextPolicy;
  /** The header a request id comes in and goes out in (default `x-request-id`). */
  requestIdHeader?: string;
  /** Makes a request id when the request brings none, or an unsafe one (default: a random UUID). */
  generateRequestId?: () => string;
}
