export type { RedisClusterNode } from './client.js';
export { RedisSessionStore, type RedisSessionStoreOptions } from './redis-store.js';
