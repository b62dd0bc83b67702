export {
  batonErrorOf,
  bodyParserError,
  DEFAULT_CHAT_PATHS,
  drainRequest,
  type ErrorAnswer,
  errorAnswer,
  errorBody,
  turnRouteError,
} from './errors.js';
export {
  bodyWasRead,
  callBaton,
  type NodeAnswer,
  type NodeCall,
  requestIdOf,
  writeJsonAnswer,
} from './node-call.js';
export { createNodeHandler, type NodeHandler, type NodeHandlerOptions } from './node-handler.js';
export { toRequest, type UrlSource } from './node-request.js';
export { nodeBody, writeResponse } from './node-response.js';
