import { BatonError } from '../errors.js';
import type { ModelResult } from '../model/model.js';
import type { SessionShape } from '../session/session.js';
import type { Plugin, ToolOutcome } from '../turn.js';
import { checkInteger, checkString, invalid } from './options.js';

const NAME = 'call-limits';
const EXITS = ['end', 'continue', 'error'] as const;

/** Options of {@link callLimits}. Limits are per turn; leave one out for no limit on that kind. */
export interface CallLimitsOptions {
  /** Model calls allowed in one turn (each step of the tool loop is one). */
  modelCalls?: number;
  /** Tool calls allowed in one turn (approved calls run at the turn's start included). */
  toolCalls?: number;
  /**
   * What a call over a limit does (default `end`):
   * - `end`: the turn ends normally, answering `message` instead of calling the model; a tool over
   *   its limit does not run (the model gets an error result) and the turn ends at the next model call;
   * - `continue`: like `end` for the model; a tool over its limit does not run and the model is told
   *   so and goes on (bounded by `modelCalls` and the agent's `maxSteps`);
   * - `error`: the turn fails with `CALL_LIMIT_EXCEEDED` (`details: { kind, limit }`); nothing is committed.
   */
  exit?: 'end' | 'continue' | 'error';
  /** The answer of a turn ended by a limit. */
  message?: string;
}

interface TurnCounts {
  model: number;
  tool: number;
  /** A tool went over its limit under `exit: 'end'`: the next model call answers instead. */
  ended: boolean;
}

/**
 * Caps the model and tool calls of each turn, against runaway tool loops and their cost. Counts
 * start again with every turn.
 *
 * Ordering: declares `before: ['model-fallback', 'model-retry']`, so it counts the steps the turn
 * asks for, not the attempts retry and fallback make for each. The answer of a turn ended by a
 * limit is this hook's own (the model is not called); a streamed turn streams it like any answer.
 *
 * @example
 * new Agent({ model, tools }).use(callLimits({ modelCalls: 6, toolCalls: 10 }));
 */
export function callLimits<S extends object = SessionShape>(options: CallLimitsOptions): Plugin<S> {
  if (typeof options !== 'object' || options === null) throw invalid(NAME, 'options are required');
  checkInteger(NAME, 'modelCalls', options.modelCalls, 0);
  checkInteger(NAME, 'toolCalls', options.toolCalls, 0);
  checkString(NAME, 'message', options.message);
  if (options.modelCalls === undefined && options.toolCalls === undefined) {
    throw invalid(NAME, 'set `modelCalls`, `toolCalls` or both');
  }
  if (options.exit !== undefined && !EXITS.includes(options.exit)) {
    throw invalid(NAME, `\`exit\` must be one of ${EXITS.join(', ')}`);
  }
  const { modelCalls, toolCalls, exit = 'end' } = options;
  const message = options.message ?? 'I have reached the limit of steps I can take for one request.';
  const answer = (): ModelResult => ({ text: message, toolCalls: [] });
  const turns = new WeakMap<object, TurnCounts>();
  const countsOf = (ctx: object): TurnCounts => {
    let counts = turns.get(ctx);
    if (counts === undefined) {
      counts = { model: 0, tool: 0, ended: false };
      turns.set(ctx, counts);
    }
    return counts;
  };
  const exceeded = (kind: 'model' | 'tool', limit: number) =>
    new BatonError('CALL_LIMIT_EXCEEDED', `The turn went over its limit of ${limit} ${kind} calls`, { kind, limit });

  const plugin: Plugin<S> = { name: NAME, before: ['model-fallback', 'model-retry'] };
  if (modelCalls !== undefined || (toolCalls !== undefined && exit === 'end')) {
    plugin.model = async (call, next, ctx) => {
      const counts = countsOf(ctx);
      counts.model++;
      if (counts.ended) return answer();
      if (modelCalls === undefined || counts.model <= modelCalls) return next(call);
      if (exit === 'error') throw exceeded('model', modelCalls);
      return answer();
    };
  }
  if (toolCalls !== undefined) {
    const refused = (): ToolOutcome => ({
      output: {
        error: `Tool call limit reached (${toolCalls} per turn); the tool did not run.`,
        code: 'CALL_LIMIT_EXCEEDED',
      },
      isError: true,
    });
    plugin.tool = async (call, next, ctx) => {
      const counts = countsOf(ctx);
      counts.tool++;
      if (counts.tool <= toolCalls) return next(call);
      if (exit === 'error') throw exceeded('tool', toolCalls);
      if (exit === 'end') counts.ended = true;
      return refused();
    };
  }
  return plugin;
}
