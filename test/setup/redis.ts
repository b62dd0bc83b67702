import { execFileSync } from 'node:child_process';
import { setTimeout as sleep } from 'node:timers/promises';
import { Redis } from 'ioredis';

/**
 * Tests talk to a real Redis at REDIS_URL (default 127.0.0.1:6379). If it does not answer, start
 * one (nothing kept on disk). If it still does not answer, fail the run: never skip silently.
 */
export default async function ensureRedis(): Promise<void> {
  const url = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
  if (await ping(url)) return;
  const { port } = new URL(url);
  try {
    execFileSync('redis-server', [
      '--daemonize',
      'yes',
      '--bind',
      '127.0.0.1',
      '--port',
      port || '6379',
      '--save',
      '',
      '--appendonly',
      'no',
    ]);
  } catch (error) {
    throw new Error(`Redis is not answering at ${url} and redis-server could not be started: ${error}`);
  }
  for (let i = 0; i < 50; i++) {
    if (await ping(url)) return;
    await sleep(100);
  }
  throw new Error(`Redis is not answering at ${url} even after starting redis-server`);
}

async function ping(url: string): Promise<boolean> {
  const redis = new Redis(url, {
    lazyConnect: true,
    connectTimeout: 500,
    maxRetriesPerRequest: 0,
    retryStrategy: () => null,
  });
  redis.on('error', () => {});
  try {
    await redis.connect();
    return (await redis.ping()) === 'PONG';
  } catch {
    return false;
  } finally {
    redis.disconnect();
  }
}
