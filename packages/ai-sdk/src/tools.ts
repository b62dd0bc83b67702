import {
  type ApprovalPolicy,
  BatonError,
  type Tool as BatonTool,
  tool as batonTool,
  type StandardSchemaV1,
  type ToolContext,
} from '@baton/core';
import { asSchema, type Tool as SdkTool, type ToolExecutionOptions } from 'ai';

/** A set of AI SDK tools, by name (what `generateText({ tools })` takes). */
// biome-ignore lint/suspicious/noExplicitAny: any AI SDK tool, whatever its input and output
export type AiSdkToolSet = Record<string, SdkTool<any, any>>;

/**
 * AI SDK tools (`tool({ description, inputSchema, execute, needsApproval })`) as Baton tools, so a
 * tool written for the AI SDK runs in Baton unchanged: its `inputSchema` validates the input (the
 * model's, and an edited approval's) and is the JSON Schema the model sees; `needsApproval`
 * (boolean or function) is Baton's approval gate — signed, claimed, run at most once. `execute`
 * gets the AI SDK's options (`toolCallId`, `abortSignal`; `messages` is empty: Baton keeps the
 * conversation) with the Baton `ToolContext` as `experimental_context`. A streaming `execute`
 * (an async iterable) yields its last value. Tools without `execute` (run by the client) are
 * refused: Baton runs tools on the server.
 */
export function fromAiSdkTools(tools: AiSdkToolSet): BatonTool[] {
  return Object.entries(tools).map(([name, t]) => {
    const execute = t.execute;
    if (execute === undefined) {
      throw new BatonError('CONFIG_INVALID', `AI SDK tool "${name}" has no execute (Baton runs tools on the server)`);
    }
    const schema = asSchema(t.inputSchema);
    const jsonSchema = schema.jsonSchema;
    if (typeof (jsonSchema as PromiseLike<unknown>).then === 'function') {
      throw new BatonError('CONFIG_INVALID', `AI SDK tool "${name}": its JSON Schema is asynchronous (lazy)`);
    }
    const options = (ctx: ToolContext): ToolExecutionOptions => ({
      toolCallId: ctx.toolCallId,
      messages: [],
      abortSignal: ctx.signal,
      experimental_context: ctx,
    });
    const needsApproval = t.needsApproval;
    const requiresApproval: boolean | ApprovalPolicy =
      typeof needsApproval === 'function'
        ? async (input, ctx) => await needsApproval(input, options(ctx))
        : needsApproval === true;
    return batonTool({
      name,
      description: t.description ?? '',
      input: standardSchemaOf(schema, name),
      jsonSchema: jsonSchema as Record<string, unknown>,
      requiresApproval,
      async execute(input, ctx) {
        const result = await execute(input, options(ctx));
        if (result !== null && typeof result === 'object' && Symbol.asyncIterator in result) {
          let last: unknown;
          for await (const value of result as AsyncIterable<unknown>) last = value;
          return last;
        }
        return result;
      },
    });
  });
}

/** The AI SDK schema's `validate` as a Standard Schema (no `validate`: every input is accepted, as the AI SDK does). */
function standardSchemaOf(schema: ReturnType<typeof asSchema>, name: string): StandardSchemaV1 {
  return {
    '~standard': {
      version: 1,
      vendor: 'baton-ai-sdk',
      async validate(value) {
        if (schema.validate === undefined) return { value };
        const result = await schema.validate(value);
        return result.success
          ? { value: result.value }
          : { issues: [{ message: result.error.message || `Invalid input for "${name}"` }] };
      },
    },
  };
}
