import type { TurnLogAck, TurnLogOpen, TurnLogRead, TurnLogStore } from '@baton/core/store';
import type { KeyNames } from './keys.js';
import {
  type SessionScripts,
  turnLogAppendCall,
  turnLogBeatCall,
  turnLogEndCall,
  turnLogOpenCall,
  turnLogReadCall,
  turnLogStopCall,
} from './scripts.js';

/** Runs one command of the store, turning "cannot reach Redis" into SESSION_STORE_UNAVAILABLE. */
type Run = <T>(command: () => Promise<T>) => Promise<T>;

/**
 * The Redis store's turn logs (resume): per session a hash (`<prefix>r:{<id>}`: turn id, meta,
 * status, stop flag, truncation, event count and bytes, liveness, bounds — see `TURN_LOG_FIELDS`)
 * and a list of event texts (`<prefix>e:{<id>}`, event seq s at index s - 1), both tagged by the
 * session id so they share its Cluster slot. Every method is one script call (`lua/turn-log-*.lua`);
 * both keys expire (PEXPIRE) `ttlMs` after the log's last write. Readers poll: there is no
 * `waitTurnLog`.
 */
export class RedisTurnLogs implements Omit<TurnLogStore, 'waitTurnLog'> {
  constructor(
    readonly scripts: SessionScripts,
    readonly keys: KeyNames,
    readonly run: Run,
  ) {}

  async openTurnLog(id: string, open: TurnLogOpen): Promise<void> {
    const call = turnLogOpenCall(this.keys.turnLogOf(id), Date.now(), open);
    await this.run(() => this.scripts.run(call));
  }

  async appendTurnLog(id: string, turnId: string, events: string[], aliveMs: number): Promise<TurnLogAck> {
    const call = turnLogAppendCall(this.keys.turnLogOf(id), Date.now(), turnId, events, aliveMs);
    const [current, stop, written] = (await this.run(() => this.scripts.run(call))) as number[];
    return { current: current === 1, stop: stop === 1, written: written === 1 };
  }

  async heartbeatTurnLog(id: string, turnId: string, aliveMs: number): Promise<TurnLogAck> {
    const call = turnLogBeatCall(this.keys.turnLogOf(id), Date.now(), turnId, aliveMs);
    const [current, stop] = (await this.run(() => this.scripts.run(call))) as number[];
    return { current: current === 1, stop: stop === 1 };
  }

  async endTurnLog(id: string, turnId: string, end: { status: 'ended' | 'stopped'; events: string[] }): Promise<void> {
    const call = turnLogEndCall(this.keys.turnLogOf(id), turnId, end.status, end.events);
    await this.run(() => this.scripts.run(call));
  }

  async readTurnLog(id: string, after: number, limit = 10_000): Promise<TurnLogRead | undefined> {
    const call = turnLogReadCall(this.keys.turnLogOf(id), Date.now(), after, limit);
    const reply = (await this.run(() => this.scripts.run(call))) as unknown[];
    if (reply.length === 0) return undefined;
    const [turnId, meta, status, alive, stop, truncated, lastSeq, texts] = reply as [
      string,
      string,
      TurnLogRead['status'],
      number,
      number,
      number,
      number,
      string[],
    ];
    const first = Math.max(0, Math.floor(after)) + 1;
    return {
      turnId,
      meta,
      status,
      alive: alive === 1,
      stop: stop === 1,
      truncated: truncated === 1,
      events: texts.map((text, i) => ({ seq: first + i, text })),
      lastSeq: Number(lastSeq),
    };
  }

  async stopTurnLog(id: string): Promise<string | undefined> {
    const call = turnLogStopCall(this.keys.turnLogOf(id));
    const reply = await this.run(() => this.scripts.run(call));
    return typeof reply === 'string' ? reply : undefined;
  }

  /** The keys `destroy` deletes with the session's. */
  keysOf(id: string): string[] {
    const { turnLog, turnEvents } = this.keys.turnLogOf(id);
    return [turnLog, turnEvents];
  }
}
