export { bodyParserError, DEFAULT_CHAT_PATHS } from '@baton/node';
export { batonErrors, type ErrorHandlerOptions } from './errors.js';
export * from './middleware.js';
export * from './router.js';
