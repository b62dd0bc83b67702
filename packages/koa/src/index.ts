export {
  batonErrors,
  bodyParserError,
  DEFAULT_CHAT_PATHS,
  type ErrorHandlerOptions,
  errorResponse,
  toBatonError,
} from './errors.js';
export {
  type BatonKoa,
  type BatonKoaOptions,
  type BatonMiddleware,
  batonMiddleware,
  createBatonKoa,
  type SessionCookieOptions,
} from './middleware.js';
export {
  type BatonRoutePaths,
  type BatonRouter,
  type BatonRouterHandle,
  type BatonRouterOptions,
  batonRouter,
} from './router.js';
