import type { JsonObject } from '../json.js';
import type { Session } from '../session/session.js';
import type { AgentEvent, AgentOptions, AgentResult, AnyPlugin, StopReason } from '../turn.js';
import type { Decision, Message, TurnEvent } from '../turn-events.js';
import type { KitCounts } from './fixture.js';

/* The vocabulary of the plugin test kit: its scenarios, what each expects, what it reports. */

/** The paths a turn can take; the kit runs each as one scenario (see `checkPlugin`). */
export type PluginScenario = 'run' | 'stream' | 'early_answer' | 'refusal' | 'error' | 'approval';

/** The turns `checkPlugin` drives a plugin through (plain, streamed, refused, failing model, tool, approval...). */
export const PLUGIN_SCENARIOS: readonly PluginScenario[] = [
  'run',
  'stream',
  'early_answer',
  'refusal',
  'error',
  'approval',
];

/** How a turn ended: it answered (any stop reason but `refused`), was refused, or threw. */
export type ScenarioOutcome = 'answer' | 'refused' | 'error';

/**
 * What the scenario's main turn should do. Every field has a default per scenario (see
 * `checkPlugin`); override the ones a plugin legitimately changes. Changing `outcome` drops the
 * defaults that belong to the old outcome (`stopReason`, `errorCode`, `content`).
 */
export interface ScenarioExpectation {
  outcome?: ScenarioOutcome;
  /** Stop reason of an answer. */
  stopReason?: StopReason;
  /** `error.code` of a refusal, or the thrown error's `code`. */
  errorCode?: string;
  /** The answer's content: equal to a string, matching a RegExp, or accepted by a predicate. */
  content?: string | RegExp | ((content: string) => boolean);
  /** Runs of the scenario's kit tool (`kit_note`; `kit_deploy` in the approving turn). */
  toolRuns?: number;
  /** Model calls (checked only when set; early answers and refusals default to 0). */
  modelCalls?: number;
  /** Keys the session must hold, with these values, after an answer. */
  sessionIncludes?: JsonObject;
  /** Stream: the concatenated `text` deltas equal the content `done` carries (default true). */
  streamMatchesContent?: boolean;
}

/** Options of `checkPlugin`: which scenarios to run and what model and tools they use. */
export interface PluginCheckOptions {
  /** Scenarios to run (default: all, in `PLUGIN_SCENARIOS` order). */
  scenarios?: readonly PluginScenario[];
  /** The session every scenario starts from (default `{}`); it must satisfy the plugin's owned keys. */
  session?: JsonObject;
  /** The client context (`ctx.clientContext`) of every turn. */
  context?: Record<string, unknown>;
  /**
   * More plugins (the plugin's peers), registered before it; `before`/`after` still apply. The
   * same instances serve every scenario: keep their state in the session, or use one scenario.
   */
  plugins?: readonly AnyPlugin[];
  /** Agent options besides the kit's model, tools and observer (e.g. `approvalSecrets`). */
  agent?: Omit<AgentOptions, 'model' | 'tools' | 'plugins' | 'events'>;
  /** `plugin_error` events (a hook of an `onError: 'skip'` plugin threw) are problems unless true. */
  allowPluginErrors?: boolean;
  /** Per-scenario overrides of what the main turn should do. */
  expect?: { [K in PluginScenario]?: ScenarioExpectation };
  /** More assertions, run after the kit's own for each scenario; what it throws becomes a problem. */
  check?: (report: ScenarioReport) => void | Promise<void>;
}

/** One turn the kit ran, with everything it observed. */
export interface KitTurn {
  /** `main`, or the step of the approval scenario: `propose`, `approve`, `forged`, `replay`. */
  label: string;
  messages: Message[];
  approvals?: Decision[];
  sessionBefore: JsonObject;
  /** The Session once the turn settled (observers included). */
  sessionAfter: JsonObject;
  outcome: ScenarioOutcome;
  result?: AgentResult;
  error?: unknown;
  /** Everything the agent's observers saw, in order. */
  events: AgentEvent[];
  /** The streamed chunks (stream scenario), `done` included. */
  chunks?: TurnEvent<AgentResult>[];
  modelCalls: number;
  toolRuns: KitCounts['toolRuns'];
}

/** One scenario's outcome under the plugin: what the turn did and which checks failed. */
export interface ScenarioReport {
  scenario: PluginScenario;
  ok: boolean;
  problems: string[];
  turns: KitTurn[];
}

/** What `checkPlugin` found: one report per scenario, and whether the plugin passed them all. */
export interface PluginReport {
  plugin: string;
  ok: boolean;
  /** Every scenario's problems, each prefixed with its scenario. */
  problems: string[];
  scenarios: ScenarioReport[];
}

/** What one scenario's body gets. */
export interface Scenario {
  turn(
    label: string,
    messages: Message[],
    session: Session,
    how?: { stream?: boolean; approvals?: Decision[] },
  ): Promise<KitTurn>;
  expected: ScenarioExpectation;
  problems: string[];
}
