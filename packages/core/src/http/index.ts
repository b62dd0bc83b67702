export { type BodyReadLimits, bodyTooLarge, byteLimit, type ParsedBody } from './body.js';
export type { SessionCookieOptions } from './cookies.js';
export { errorResponse, toBatonError } from './errors.js';
export {
  type BatonCloseOptions,
  type BatonHandler,
  type BatonHandlerOptions,
  type BatonRoute,
  type BatonRouteName,
  type BatonRoutePaths,
  batonRoutes,
  createBatonHandler,
  type HandleExtra,
} from './handler.js';
export { isRequestId, REQUEST_ID_HEADER, requestIdFrom } from './request-id.js';
