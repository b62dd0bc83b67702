/**
 * What a turn costs in Redis: INFO deltas (commandstats calls per command, net bytes in/out) and
 * a `redis-cli MONITOR` capture (round trips = commands sent by clients, i.e. not issued from a
 * Lua script; bytes written = argument bytes of write commands, script-issued ones included).
 */
import { type ChildProcess, spawn } from 'node:child_process';
import type { Redis } from 'ioredis';

/** Commands the harness itself sends; never counted. */
const HARNESS_COMMANDS = new Set(['info', 'echo', 'monitor', 'ping', 'client', 'hello', 'select', 'config']);
/** Commands that write data (their argument bytes are "bytes written"). */
const WRITE_COMMANDS = new Set([
  'set',
  'setex',
  'psetex',
  'setnx',
  'getset',
  'append',
  'mset',
  'hset',
  'hmset',
  'hsetnx',
  'hdel',
  'hincrby',
  'incr',
  'incrby',
  'del',
  'unlink',
  'expire',
  'pexpire',
  'expireat',
  'pexpireat',
  'persist',
  'getex',
]);

export interface InfoSnapshot {
  calls: Map<string, number>;
  netIn: number;
  netOut: number;
}

export async function infoSnapshot(redis: Redis): Promise<InfoSnapshot> {
  const text = `${await redis.info('commandstats')}\n${await redis.info('stats')}`;
  const calls = new Map<string, number>();
  for (const m of text.matchAll(/^cmdstat_([^:]+):calls=(\d+)/gm)) calls.set(m[1] as string, Number(m[2]));
  const stat = (name: string) => Number(new RegExp(`^${name}:(\\d+)`, 'm').exec(text)?.[1] ?? 0);
  return { calls, netIn: stat('total_net_input_bytes'), netOut: stat('total_net_output_bytes') };
}

export interface InfoDelta {
  /** Calls per turn by command (scripts' inner commands included), harness commands excluded. */
  callsPerTurn: Record<string, number>;
  netInPerTurn: number;
  netOutPerTurn: number;
}

export function infoDelta(before: InfoSnapshot, after: InfoSnapshot, turns: number): InfoDelta {
  const callsPerTurn: Record<string, number> = {};
  for (const [cmd, n] of after.calls) {
    if (HARNESS_COMMANDS.has(cmd)) continue;
    const d = n - (before.calls.get(cmd) ?? 0);
    if (d > 0) callsPerTurn[cmd] = round2(d / turns);
  }
  return {
    callsPerTurn,
    netInPerTurn: Math.round((after.netIn - before.netIn) / turns),
    netOutPerTurn: Math.round((after.netOut - before.netOut) / turns),
  };
}

const round2 = (n: number) => Math.round(n * 100) / 100;

/** A running `redis-cli MONITOR`; windows are delimited by ECHO markers from the harness. */
export class Monitor {
  readonly #child: ChildProcess;
  readonly #chunks: Buffer[] = [];
  readonly #ready: Promise<void>;

  constructor(host: string, port: number) {
    this.#child = spawn('redis-cli', ['-h', host, '-p', String(port), 'monitor'], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    this.#ready = new Promise((resolve, reject) => {
      this.#child.once('error', reject);
      this.#child.stdout?.once('data', () => resolve());
    });
    this.#child.stdout?.on('data', (chunk: Buffer) => this.#chunks.push(chunk));
  }

  ready(): Promise<void> {
    return this.#ready;
  }

  /** Stops the monitor (the process this class started) and returns its output. */
  async stop(): Promise<string> {
    const exited = new Promise<void>((resolve) => this.#child.once('exit', () => resolve()));
    this.#child.kill('SIGTERM');
    await exited;
    return Buffer.concat(this.#chunks).toString('latin1');
  }
}

export interface MonitorWindow {
  roundTripsPerTurn: number;
  writtenBytesPerTurn: number;
  /** Client-sent commands per turn, by name. */
  sentPerTurn: Record<string, number>;
}

/** The MONITOR lines between `ECHO <marker>:start` and `ECHO <marker>:end`, summed per turn. */
export function monitorWindow(output: string, marker: string, turns: number): MonitorWindow {
  const start = output.indexOf(`"${marker}:start"`);
  const end = output.indexOf(`"${marker}:end"`);
  if (start < 0 || end < 0) throw new Error(`monitor window ${marker} not found`);
  const lines = output.slice(output.indexOf('\n', start) + 1, output.lastIndexOf('\n', end)).split('\n');
  let roundTrips = 0;
  let written = 0;
  const sent: Record<string, number> = {};
  for (const line of lines) {
    const m = /^\d+\.\d+ \[\d+ ([^\]]+)\] (.*)$/.exec(line);
    if (!m) continue;
    const args = parseArgs(m[2] as string);
    const cmd = (args[0] ?? '').toString('latin1').toLowerCase();
    if (HARNESS_COMMANDS.has(cmd)) continue;
    const fromScript = m[1] === 'lua';
    if (!fromScript) {
      roundTrips++;
      sent[cmd] = (sent[cmd] ?? 0) + 1;
    }
    if (WRITE_COMMANDS.has(cmd)) for (const a of args.slice(1)) written += a.length;
  }
  for (const k of Object.keys(sent)) sent[k] = round2((sent[k] as number) / turns);
  return {
    roundTripsPerTurn: round2(roundTrips / turns),
    writtenBytesPerTurn: Math.round(written / turns),
    sentPerTurn: sent,
  };
}

/** MONITOR's `"arg" "arg"` form, with its escapes (\\ \" \n \r \t \a \b \xHH), as raw bytes. */
function parseArgs(text: string): Buffer[] {
  const out: Buffer[] = [];
  let i = 0;
  while (i < text.length) {
    if (text[i] !== '"') {
      i++;
      continue;
    }
    i++;
    const bytes: number[] = [];
    while (i < text.length && text[i] !== '"') {
      const c = text.charCodeAt(i);
      if (text[i] === '\\') {
        const e = text[i + 1];
        if (e === 'x') {
          bytes.push(Number.parseInt(text.slice(i + 2, i + 4), 16));
          i += 4;
          continue;
        }
        const map: Record<string, number> = { n: 10, r: 13, t: 9, a: 7, b: 8 };
        bytes.push(e !== undefined && e in map ? (map[e] as number) : (e ?? '\\').charCodeAt(0));
        i += 2;
        continue;
      }
      bytes.push(c);
      i++;
    }
    i++;
    out.push(Buffer.from(bytes));
  }
  return out;
}
