/* Baton's built-in plugins (`@baton/core/plugins`): each a factory returning a `Plugin`. */
export { type CallLimitsOptions, callLimits } from './call-limits.js';
export { isRetryableModelError } from './model-errors.js';
export { type ModelFallbackOptions, modelFallback } from './model-fallback.js';
export { MODEL_RETRIES_LOCAL, type ModelRetryOptions, modelRetry } from './model-retry.js';
export { luhnValid, type PiiKind, type PiiPattern, type PiiRedactionOptions, piiRedaction } from './pii-redaction.js';
export { RATE_LIMITED, type RateLimitOptions, rateLimit } from './rate-limit.js';
