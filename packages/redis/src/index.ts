export type { RedisClusterNode } from './client.js';
export type { RedisSessionStoreOptions } from './options.js';
export { RedisSessionStore } from './redis-store.js';
