/**
 * The logger Baton writes to: the subset of pino's interface it uses, so a pino logger (or
 * Fastify's `app.log`, or anything shaped like them) is passed as is. No logger, no lines: the
 * library is silent unless the application asks.
 *
 * What Baton logs is fixed by `observability/turn-observation.ts`: routes, modes, statuses, codes,
 * counts, durations, request ids and hashed session ids. Never session values, message text,
 * tool inputs or outputs, headers or secrets.
 */
export interface BatonLogger {
  debug(fields: Record<string, unknown>, message?: string): void;
  info(fields: Record<string, unknown>, message?: string): void;
  warn(fields: Record<string, unknown>, message?: string): void;
  error(fields: Record<string, unknown>, message?: string): void;
  /** A logger whose lines carry `bindings` too (pino's `child`); Baton does not need it. */
  child?(bindings: Record<string, unknown>): BatonLogger;
}

/** Log levels Baton writes at. */
export type BatonLogLevel = 'debug' | 'info' | 'warn' | 'error';
