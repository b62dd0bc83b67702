import type { StandardSchemaV1 } from '@standard-schema/spec';
import { BatonError } from '../errors.js';
import { inputJsonSchema } from '../schema.js';
import type { Session, SessionShape } from '../session/session.js';
import type { ServerContext } from '../turn-events.js';

/** What a tool's `execute` gets besides its input: the turn's one Session, and the rest. */
export interface ToolContext<S extends object = SessionShape> {
  session: Session<S>;
  /**
   * What the client says about where it runs (HelpDesk: `platform_context`; `agent.run`'s
   * `context` option): UNTRUSTED, the client sets it freely. Trusted values are in `server`.
   */
  clientContext: Record<string, unknown>;
  /**
   * @deprecated Renamed `clientContext` (it is untrusted, unlike `server`); this alias is the same
   * object and goes away in the next minor version.
   */
  context: Record<string, unknown>;
  /** Trusted values from the host application (`TurnContext.server`). */
  server: Readonly<ServerContext>;
  signal: AbortSignal;
  /** Per-turn values shared by every stage; never persisted. */
  locals: Record<string, unknown>;
  toolCallId: string;
  /** The HTTP request's id (`TurnContext.requestId`). */
  requestId?: string | undefined;
}

/** What `tool()` is given: name, description, input schema, approval policy and `execute`. */
export interface ToolDefinition<TSchema extends StandardSchemaV1, S extends object = SessionShape> {
  /** Unique within an agent; letters, digits, `_` and `-`, at most 64 characters. */
  name: string;
  description: string;
  /** Any Standard Schema; input is validated before `execute`. */
  input: TSchema;
  /**
   * JSON Schema shown to the model. Derived from `input` when the schema library implements
   * Standard JSON Schema (zod 4 does); required otherwise.
   */
  jsonSchema?: Record<string, unknown>;
  /**
   * The call is not executed until the user approves it on the next turn: always (`true`), or when
   * the policy says so for this call's validated input (`({ replicas }) => replicas > 5`). The
   * policy is decided before the call is proposed (a proposed call is signed and claimed like any
   * approval) and again at the gate, on the input that reaches it.
   */
  requiresApproval?: boolean | ApprovalPolicy<StandardSchemaV1.InferOutput<TSchema>, S>;
  /** A sentence shown with a pending approval (`ProposedCall.intent`). */
  intent?: (input: StandardSchemaV1.InferOutput<TSchema>) => string;
  execute(input: StandardSchemaV1.InferOutput<TSchema>, ctx: ToolContext<S>): unknown;
  /** Runs when the user rejects a pending call of this tool. */
  onReject?(input: StandardSchemaV1.InferOutput<TSchema>, reason: string | undefined, ctx: ToolContext<S>): unknown;
}

/**
 * Decides per call whether it waits for the user's approval, from the call's validated input and
 * the turn (read the session, `clientContext`, `server`): e.g. only when `replicas > 5`. It must
 * not change the session. A policy that throws fails the turn.
 */
export type ApprovalPolicy<I = unknown, S extends object = SessionShape> = (
  input: I,
  ctx: ToolContext<S>,
) => boolean | Promise<boolean>;

/** A tool as the agent holds it. */
export interface Tool<S extends object = SessionShape> {
  readonly name: string;
  readonly description: string;
  readonly input: StandardSchemaV1;
  readonly jsonSchema: Record<string, unknown>;
  /** `true`/`false`, or a policy deciding per call (see {@link ToolDefinition.requiresApproval}). */
  readonly requiresApproval: boolean | ApprovalPolicy<unknown, S>;
  intent?(input: unknown): string;
  execute(input: unknown, ctx: ToolContext<S>): unknown;
  onReject?(input: unknown, reason: string | undefined, ctx: ToolContext<S>): unknown;
}

const TOOL_NAME = /^[a-zA-Z0-9_-]{1,64}$/;

/** Defines a tool. For a typed session use `toolFor<Shape>()(...)`. */
export function tool<TSchema extends StandardSchemaV1, S extends object = SessionShape>(
  definition: ToolDefinition<TSchema, S>,
): Tool<S> {
  if (!TOOL_NAME.test(definition.name)) {
    throw new BatonError('CONFIG_INVALID', `Tool name ${JSON.stringify(definition.name)} must match ${TOOL_NAME}`);
  }
  const jsonSchema = definition.jsonSchema ?? inputJsonSchema(definition.input);
  if (jsonSchema === undefined) {
    throw new BatonError(
      'CONFIG_INVALID',
      `Tool "${definition.name}": its schema library does not produce JSON Schema; pass \`jsonSchema\``,
    );
  }
  return {
    ...(definition as unknown as Tool<S>),
    jsonSchema,
    requiresApproval: (definition.requiresApproval ?? false) as boolean | ApprovalPolicy<unknown, S>,
  };
}

/** `tool` bound to a session shape, so `ctx.session` is typed without casts. */
export function toolFor<S extends object>() {
  return <TSchema extends StandardSchemaV1>(definition: ToolDefinition<TSchema, S>): Tool<S> =>
    tool<TSchema, S>(definition);
}
