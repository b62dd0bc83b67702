export { type RedisClusterNode, RedisSessionStore, type RedisSessionStoreOptions } from './redis-store.js';
