/** A content block of an MCP tool result (text, image, audio, resource link, embedded resource). */
export interface McpContent {
  type: string;
  text?: string;
  [key: string]: unknown;
}

/** What `tools/call` answers. */
export interface McpCallResult {
  content?: McpContent[];
  structuredContent?: Record<string, unknown>;
  isError?: boolean;
  [key: string]: unknown;
}

/** A tool result the server flagged `isError`: the tool failed, the model is told why. */
export class McpToolError extends Error {
  override readonly name = 'McpToolError';
  constructor(
    message: string,
    readonly result: McpCallResult,
  ) {
    super(message);
  }
}

/**
 * An MCP tool result as a Baton tool output: its structured content when the server sent some
 * (the tool's typed result), else its text when it is text only, else its content blocks as they
 * came. A result flagged `isError` throws {@link McpToolError} with its text, so the call is
 * reported as a failed tool call (`isError`) and what it wrote to the session is rolled back.
 */
export function toolOutput(result: McpCallResult): unknown {
  const content = Array.isArray(result.content) ? result.content : [];
  const text = content.every((c) => c.type === 'text' && typeof c.text === 'string')
    ? content.map((c) => c.text as string).join('\n')
    : undefined;
  if (result.isError === true) {
    throw new McpToolError(text ?? JSON.stringify(content), result);
  }
  if (result.structuredContent !== undefined) return result.structuredContent;
  return text ?? content;
}
