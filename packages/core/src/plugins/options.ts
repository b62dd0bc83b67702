import { BatonError } from '../errors.js';

/* Option checks shared by the built-in plugins: a bad option fails when the plugin is created. */

export function invalid(plugin: string, message: string): BatonError {
  return new BatonError('CONFIG_INVALID', `${plugin}: ${message}`, { plugin });
}

/** An integer >= `min`; `undefined` passes (the caller applies its default). */
export function checkInteger(plugin: string, name: string, value: unknown, min: number): void {
  if (value === undefined) return;
  if (typeof value !== 'number' || !Number.isInteger(value) || value < min) {
    throw invalid(plugin, `\`${name}\` must be an integer >= ${min}, got ${String(value)}`);
  }
}

/** A finite number >= `min`; `undefined` passes. */
export function checkNumber(plugin: string, name: string, value: unknown, min: number): void {
  if (value === undefined) return;
  if (typeof value !== 'number' || !Number.isFinite(value) || value < min) {
    throw invalid(plugin, `\`${name}\` must be a number >= ${min}, got ${String(value)}`);
  }
}

export function checkFunction(plugin: string, name: string, value: unknown): void {
  if (value !== undefined && typeof value !== 'function') throw invalid(plugin, `\`${name}\` must be a function`);
}

export function checkString(plugin: string, name: string, value: unknown): void {
  if (value !== undefined && (typeof value !== 'string' || value === '')) {
    throw invalid(plugin, `\`${name}\` must be a non-empty string`);
  }
}
