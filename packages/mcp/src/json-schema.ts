import type { StandardSchemaV1 } from '@baton/core';
import { AjvJsonSchemaValidator } from '@modelcontextprotocol/sdk/validation/ajv';

const validators = new AjvJsonSchemaValidator();

/**
 * An MCP tool's `inputSchema` (JSON Schema) as the Standard Schema Baton validates tool input
 * with: the same check an approval's edited input and the model's input go through.
 */
export function jsonSchemaInput(schema: Record<string, unknown>): StandardSchemaV1<unknown, Record<string, unknown>> {
  const check = validators.getValidator<Record<string, unknown>>(schema as never);
  return {
    '~standard': {
      version: 1,
      vendor: 'baton-mcp',
      validate(value) {
        const result = check(value);
        return result.valid ? { value: result.data } : { issues: [{ message: result.errorMessage }] };
      },
    },
  };
}
