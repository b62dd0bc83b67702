/*
 * Baton's own vocabulary for what a turn takes in and gives out. The agent, every hook, the
 * plugins and the turn runner speak only this; a protocol (`protocols/<name>/`) translates it to
 * and from its wire format at the edge.
 */

/** A message of the conversation, as the agent sees it. */
export interface Message {
  role: 'user' | 'assistant';
  content: string;
  /** The client's id of the message, when its protocol has one (AI SDK UI); memory dedupes by it. */
  id?: string;
}

/** A tool call the agent proposes and that waits for the user's decision. */
export interface ProposedCall {
  id: string;
  name: string;
  input: unknown;
  /** The tool's description, so the user knows what they approve. */
  description: string;
  /** The JSON Schema of the tool's input. */
  inputSchema: Record<string, unknown>;
  /** What this call will do, in the tool's own words (`tool({ intent })`). */
  intent?: string;
}

/** A tool call that ran this turn, with what it returned. */
export interface ExecutedCall {
  id: string;
  name: string;
  input: unknown;
  output: unknown;
  /** Set when the tool failed, was refused by the approval gate, or the user rejected the call. */
  isError?: boolean;
  /**
   * Set when the user edited the call's input before approving it: the input the agent proposed
   * (`input` is the edited one, which ran).
   */
  proposedInput?: unknown;
}

/** The user's decision on a proposed call: run it (`approved`) or reject it (with a `reason`). */
export interface Decision {
  id: string;
  name: string;
  input: unknown;
  approved: boolean;
  reason?: string;
  /**
   * An approval that edits the call: the input to run instead of `input` (which still names the
   * proposal, as proposed). It is validated against the tool's schema before anything runs (a bad
   * edit is `APPROVAL_INPUT_INVALID`); the signature and the claim stay the proposal's.
   */
  editedInput?: unknown;
}

/**
 * What a streamed turn yields, in order: text as it is generated, calls proposed and calls run as
 * they happen, then `done` with the result — or, for a refused turn, `refused` before `done`. A
 * turn runner yields `error` (instead of `done`) when the turn fails after its first event.
 * `R` is the result `done` carries: the agent's `AgentResult`, or the turn runner's `TurnResult`.
 */
export type TurnEvent<R = unknown> =
  | { type: 'text'; delta: string }
  | { type: 'proposed'; calls: ProposedCall[] }
  | { type: 'executed'; calls: ExecutedCall[] }
  /** An interceptor refused the turn; `message` is the answer's content (already streamed or not). */
  | { type: 'refused'; code: string; message: string }
  /** `requestId`: the failed request's id, when a turn runner serving HTTP knows it. */
  | { type: 'error'; error: unknown; requestId?: string }
  | { type: 'done'; result: R };

/**
 * Trusted values the host application computed for this turn (the authenticated user, the
 * tenant, the client's IP), passed as `server` to `agent.run` or by an adapter's `context`
 * option. The client cannot set or change them, unlike `clientContext`.
 *
 * Declare its shape once for the whole app, as Koa's `DefaultState` is declared:
 * `declare module '@baton/core' { interface ServerContext { user?: { id: string } } }`.
 */
export interface ServerContext {
  [key: string]: unknown;
}
