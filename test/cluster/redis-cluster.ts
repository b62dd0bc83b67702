/**
 * A throwaway Redis Cluster on loopback for tests and local runs: N masters (and R replicas per
 * master) as plain `redis-server --cluster-enabled yes` child processes on free ports, joined with
 * `redis-cli --cluster create`, nothing kept on disk but a temp dir of nodes.conf files.
 * Only the processes started here are ever stopped (by their pid).
 *
 * CLI: `node --import tsx test/cluster/redis-cluster.ts [--replicas 1]` prints
 * `REDIS_CLUSTER_NODES=...` and keeps the cluster up until Ctrl-C.
 */
import { type ChildProcess, execFile, spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { Redis } from 'ioredis';

const run = promisify(execFile);
const HOST = '127.0.0.1';

export interface ClusterOptions {
  masters?: number;
  replicasPerMaster?: number;
  /** `cluster-node-timeout`: how long a silent master takes to be declared failed (default 1000). */
  nodeTimeoutMs?: number;
  /** First port probed; each node needs its port and port + 10000 (the cluster bus) free. */
  basePort?: number;
}

export interface LocalCluster {
  /** Every node's port, masters first as created. */
  readonly ports: number[];
  /** `host:port,...` of every node: the value of REDIS_CLUSTER_NODES. */
  readonly spec: string;
  readonly dir: string;
  /** Kills one node (SIGKILL by default: no shutdown, no save). */
  kill(port: number, signal?: NodeJS.Signals): Promise<void>;
  /** The port of the master serving `slot` right now, asked of a live node. */
  masterOf(slot: number): Promise<number>;
  /** The port of the master serving `key` right now. */
  masterOfKey(key: string): Promise<number>;
  /** Stops every node this cluster started and removes its directory. */
  stop(): Promise<void>;
}

/** Every pid started here and still running, so an exiting process can take them down. */
const live = new Set<ChildProcess>();
process.once('exit', () => {
  for (const child of live) child.kill('SIGKILL');
});

export async function startCluster(options: ClusterOptions = {}): Promise<LocalCluster> {
  const masters = options.masters ?? 3;
  const replicas = options.replicasPerMaster ?? 0;
  const nodeTimeout = options.nodeTimeoutMs ?? 1000;
  const total = masters * (1 + replicas);
  await requireBinaries();
  const ports = await freePorts(total, options.basePort ?? 7100);
  const dir = mkdtempSync(join(tmpdir(), 'baton-cluster-'));
  const children = new Map<number, ChildProcess>();

  const stop = async (): Promise<void> => {
    await Promise.all([...children.values()].map((child) => terminate(child)));
    children.clear();
    rmSync(dir, { recursive: true, force: true });
  };

  try {
    for (const port of ports) {
      const child = spawn(
        'redis-server',
        [
          '--port',
          String(port),
          '--bind',
          HOST,
          '--cluster-enabled',
          'yes',
          '--cluster-config-file',
          `nodes-${port}.conf`,
          '--cluster-node-timeout',
          String(nodeTimeout),
          '--dir',
          dir,
          '--logfile',
          `redis-${port}.log`,
          '--save',
          '',
          '--appendonly',
          'no',
          // Replicas sync at once (the default waits 5 s for more replicas to share one transfer).
          '--repl-diskless-sync-delay',
          '0',
        ],
        { stdio: 'ignore' },
      );
      children.set(port, child);
      live.add(child);
      child.once('exit', () => live.delete(child));
    }
    await Promise.all(ports.map((port) => waitFor(port, () => ping(port), 10_000, 'answer PING')));
    const addresses = ports.map((port) => `${HOST}:${port}`);
    try {
      await run(
        'redis-cli',
        ['--cluster', 'create', ...addresses, '--cluster-replicas', String(replicas), '--cluster-yes'],
        { timeout: 30_000 },
      );
    } catch (error) {
      const { stdout = '', stderr = '' } = error as { stdout?: string; stderr?: string };
      throw new Error(`redis-cli --cluster create failed:\n${stdout}\n${stderr}`);
    }
    await Promise.all(
      ports.map((port) => waitFor(port, () => ready(port, replicas > 0), 30_000, 'report a healthy cluster')),
    );
  } catch (error) {
    const logs = ports.map((port) => tail(join(dir, `redis-${port}.log`))).join('\n');
    await stop();
    throw new Error(`Cannot start a local Redis Cluster: ${(error as Error).message}\n${logs}`, { cause: error });
  }

  /** Asks the live nodes, one after the other, until one answers. */
  const ask = async <T>(what: string, question: (redis: Redis) => Promise<T | undefined>): Promise<T> => {
    for (const port of children.keys()) {
      const redis = connect(port);
      try {
        const answer = await question(redis);
        if (answer !== undefined) return answer;
      } catch {
        // That node is down or not ready: ask the next one.
      } finally {
        redis.disconnect();
      }
    }
    throw new Error(`No live node knows ${what}`);
  };
  const masterOf = (slot: number): Promise<number> =>
    ask(`who serves slot ${slot}`, async (redis) => {
      const range = (await redis.cluster('SLOTS')).find(([from, to]) => from <= slot && slot <= to);
      return range?.[2]?.[1];
    });
  const masterOfKey = async (key: string): Promise<number> =>
    masterOf(await ask(`the slot of ${key}`, (redis) => redis.cluster('KEYSLOT', key)));

  return {
    ports,
    spec: ports.map((port) => `${HOST}:${port}`).join(','),
    dir,
    async kill(port, signal = 'SIGKILL') {
      const child = children.get(port);
      if (!child) throw new Error(`No node of this cluster on port ${port}`);
      await terminate(child, signal);
      children.delete(port);
    },
    masterOf,
    masterOfKey,
    stop,
  };
}

async function requireBinaries(): Promise<void> {
  for (const binary of ['redis-server', 'redis-cli']) {
    try {
      await run(binary, ['--version']);
    } catch {
      throw new Error(
        `${binary} is not installed: the cluster tests need Redis >= 5 (apt-get install -y redis-server)`,
      );
    }
  }
}

/** `count` ports from `from` on, each with its cluster bus port (+10000) free too. */
async function freePorts(count: number, from: number): Promise<number[]> {
  const ports: number[] = [];
  for (let port = from; ports.length < count && port < from + 1000; port++) {
    if ((await isFree(port)) && (await isFree(port + 10_000))) ports.push(port);
  }
  if (ports.length < count) throw new Error(`Fewer than ${count} free port pairs from ${from}`);
  return ports;
}

function isFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const server = createServer();
    server.once('error', () => resolve(false));
    server.listen(port, HOST, () => server.close(() => resolve(true)));
  });
}

function connect(port: number): Redis {
  const redis = new Redis({ host: HOST, port, lazyConnect: true, connectTimeout: 500, retryStrategy: () => null });
  redis.on('error', () => {});
  return redis;
}

async function ping(port: number): Promise<boolean> {
  const redis = connect(port);
  try {
    await redis.connect();
    return (await redis.ping()) === 'PONG';
  } finally {
    redis.disconnect();
  }
}

/** All slots served, and (with replicas) this node's replication link up. */
async function ready(port: number, replicated: boolean): Promise<boolean> {
  const redis = connect(port);
  try {
    await redis.connect();
    const info = (await redis.cluster('INFO')) as string;
    if (!info.includes('cluster_state:ok') || !info.includes('cluster_slots_ok:16384')) return false;
    if (!replicated) return true;
    const replication = await redis.info('replication');
    return replication.includes('role:master') || replication.includes('master_link_status:up');
  } finally {
    redis.disconnect();
  }
}

async function waitFor(port: number, check: () => Promise<boolean>, ms: number, what: string): Promise<void> {
  const deadline = Date.now() + ms;
  let last: unknown;
  while (Date.now() < deadline) {
    try {
      if (await check()) return;
    } catch (error) {
      last = error;
    }
    await sleep(50);
  }
  throw new Error(`Node ${HOST}:${port} did not ${what} within ${ms} ms${last ? ` (${String(last)})` : ''}`);
}

/** Signals one child we started and waits for it to exit (SIGKILL after 3 s). */
export async function terminate(child: ChildProcess, signal: NodeJS.Signals = 'SIGTERM'): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  child.kill(signal);
  const timer = setTimeout(() => child.kill('SIGKILL'), 3_000);
  await exited;
  clearTimeout(timer);
}

function tail(file: string): string {
  try {
    return `--- ${file}\n${readFileSync(file, 'utf8').split('\n').slice(-15).join('\n')}`;
  } catch {
    return `--- ${file}: no log`;
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const at = process.argv.indexOf('--replicas');
  const cluster = await startCluster({ replicasPerMaster: at > 0 ? Number(process.argv[at + 1]) : 0 });
  console.log(`REDIS_CLUSTER_NODES=${cluster.spec}`);
  console.log(`(nodes.conf and logs in ${cluster.dir}; Ctrl-C stops the cluster)`);
  const stop = () => void cluster.stop().then(() => process.exit(0));
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}
