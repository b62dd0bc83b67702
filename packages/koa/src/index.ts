// `errorResponse` and `toBatonError`: the older names of `@baton/node`'s `errorBody` and `turnRouteError`.
export {
  bodyParserError,
  DEFAULT_CHAT_PATHS,
  errorBody as errorResponse,
  turnRouteError as toBatonError,
} from '@baton/node';
export { batonErrors, type ErrorHandlerOptions } from './errors.js';
export * from './middleware.js';
export * from './router.js';
