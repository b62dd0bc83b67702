import type { BatonError } from '../errors.js';
import type { BatonLogger } from '../observability/logger.js';
import { reportable } from './errors.js';
import type { BatonRouteName } from './route-table.js';

/** Logs one line for a request that ended without a turn (a turn logs its own). */
export type RequestLog = (
  route: BatonRouteName | undefined,
  requestId: string,
  status: number,
  error?: BatonError,
) => void;

const PROBES: ReadonlySet<BatonRouteName> = new Set(['health', 'live', 'ready']);

/**
 * The line of a request that ended without a turn: debug for a health probe, info for anything
 * else, error (with the error itself) for a server-side failure. Nothing without a logger.
 */
export function requestLog(logger: BatonLogger | undefined): RequestLog {
  if (logger === undefined) return () => {};
  return (route, requestId, status, error) => {
    const fields: Record<string, unknown> = { request_id: requestId, route, status };
    if (error === undefined) {
      if (route !== undefined && PROBES.has(route)) logger.debug(fields, 'baton request');
      else logger.info(fields, 'baton request');
      return;
    }
    fields.outcome = error.code;
    const report = status < 500 ? undefined : reportable(error);
    if (report === undefined) return logger.info(fields, 'baton request failed');
    fields.err = report;
    logger.error(fields, 'baton request failed');
  };
}
