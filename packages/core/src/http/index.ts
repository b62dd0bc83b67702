export {
  type BatonCloseOptions,
  type BatonHandler,
  type HandleExtra,
  JSON_ANSWERED,
  type JsonAnswer,
} from './adapter.js';
export { type BodyReadLimits, bodyTooLarge, byteLimit, type ParsedBody } from './body.js';
export type { SessionCookieOptions } from './cookies.js';
export { errorResponse, isServerError, reportable, toBatonError } from './errors.js';
export { createFetchHandler } from './fetch-handler.js';
export type { FetchHandlerOptions } from './options.js';
export { isRequestId, REQUEST_ID_HEADER, requestIdFrom } from './request-id.js';
export {
  type BatonRoute,
  type BatonRouteName,
  type BatonRoutePaths,
  type RouteEntry,
  type RouteTable,
  type RouteTableOptions,
  type RouteTarget,
  routeTable,
} from './route-table.js';
