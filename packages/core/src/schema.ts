import type { StandardJSONSchemaV1, StandardSchemaV1 } from '@standard-schema/spec';
import { BatonError, type BatonErrorCode } from './errors.js';

export type { StandardJSONSchemaV1, StandardSchemaV1 };

/** True if `value` implements Standard Schema (zod, valibot, arktype...). */
export function isStandardSchema(value: unknown): value is StandardSchemaV1 {
  return (
    (typeof value === 'object' || typeof value === 'function') &&
    value !== null &&
    typeof (value as { '~standard'?: { validate?: unknown } })['~standard']?.validate === 'function'
  );
}

export type ValidationResult<T> = { ok: true; value: T } | { ok: false; issues: { message: string; path: string }[] };

/** Runs a Standard Schema synchronously; an async schema is a configuration error. */
export function validateSync<T>(
  schema: StandardSchemaV1<unknown, T>,
  value: unknown,
  code: BatonErrorCode = 'CONFIG_INVALID',
): ValidationResult<T> {
  const result = schema['~standard'].validate(value);
  if (result instanceof Promise) {
    throw new BatonError(code, 'Async schemas are not supported here; use a synchronous schema.');
  }
  if (result.issues === undefined) return { ok: true, value: result.value };
  return { ok: false, issues: result.issues.map(formatIssue) };
}

/** Runs a Standard Schema, awaiting it if it is async. */
export async function validate<T>(schema: StandardSchemaV1<unknown, T>, value: unknown): Promise<ValidationResult<T>> {
  const result = await schema['~standard'].validate(value);
  if (result.issues === undefined) return { ok: true, value: result.value };
  return { ok: false, issues: result.issues.map(formatIssue) };
}

function formatIssue(issue: StandardSchemaV1.Issue): { message: string; path: string } {
  const path = (issue.path ?? [])
    .map((p) => (typeof p === 'object' && p !== null && 'key' in p ? p.key : p))
    .map(String)
    .join('.');
  return { message: issue.message, path: path === '' ? '$' : `$.${path}` };
}

export function describeIssues(issues: { message: string; path: string }[]): string {
  return issues.map((i) => `${i.path}: ${i.message}`).join('; ');
}

/**
 * The JSON Schema of a schema's input, from the Standard JSON Schema interface (zod 4 implements
 * it natively). Returns undefined when the library does not offer it.
 */
export function inputJsonSchema(schema: unknown): Record<string, unknown> | undefined {
  const std = (schema as Partial<StandardJSONSchemaV1>)['~standard'];
  if (std === undefined || typeof std.jsonSchema?.input !== 'function') return undefined;
  const { $schema: _ignored, ...rest } = std.jsonSchema.input({ target: 'draft-07' });
  return rest;
}
