export { batonErrors, type ErrorHandlerOptions, errorResponse, toBatonError } from './errors.js';
export {
  type BatonKoa,
  type BatonKoaOptions,
  batonMiddleware,
  createBatonKoa,
  type SessionCookieOptions,
} from './middleware.js';
export { type BatonRouterOptions, batonRouter } from './router.js';
