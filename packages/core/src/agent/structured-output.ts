import { BatonError } from '../errors.js';
import type { ResponseFormat } from '../model/model.js';
import { describeIssues, inputJsonSchema, type StandardSchemaV1, validate } from '../schema.js';

/** A turn's structured output (`RunOptions.output`): the schema, and what the model is asked for. */
export interface OutputSpec {
  schema: StandardSchemaV1;
  format: ResponseFormat;
}

/**
 * The structured output a turn asks for: the schema must produce JSON Schema (Standard JSON
 * Schema, as zod 4 does), which the model is given as its response format.
 */
export function outputSpec(schema: StandardSchemaV1): OutputSpec {
  const jsonSchema = inputJsonSchema(schema);
  if (jsonSchema === undefined) {
    throw new BatonError('CONFIG_INVALID', 'The `output` schema does not produce JSON Schema (use zod 4 or similar)');
  }
  return { schema, format: { type: 'json', schema: jsonSchema } };
}

/**
 * The final answer as the validated object: its text parsed as JSON (a fenced ```json block is
 * unwrapped: models without native structured output often add one), then the schema. Anything
 * else is `OUTPUT_INVALID` and the turn commits nothing.
 */
export async function parseOutput(text: string, spec: OutputSpec): Promise<unknown> {
  const fenced = /^\s*```(?:json)?\s*\n([\s\S]*?)\n\s*```\s*$/.exec(text);
  let value: unknown;
  try {
    value = JSON.parse(fenced?.[1] ?? text);
  } catch {
    throw new BatonError('OUTPUT_INVALID', "The model's final answer is not JSON", { reason: 'not_json' });
  }
  const checked = await validate(spec.schema, value);
  if (!checked.ok) {
    throw new BatonError(
      'OUTPUT_INVALID',
      `The model's final answer does not match the output schema: ${describeIssues(checked.issues)}`,
      {
        reason: 'schema',
        issues: checked.issues.slice(0, 10),
      },
    );
  }
  return checked.value;
}
