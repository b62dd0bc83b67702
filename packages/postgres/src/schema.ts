import { BatonError } from '@baton/core/store';

/** Where the store's tables live: a schema and a prefix for every table, sequence and function. */
export interface SchemaOptions {
  /** PostgreSQL schema (default `public`). Created by `migrate()` when absent (needs CREATE on the database). */
  schema?: string;
  /** Prefix of every object the store creates (default `baton_`). */
  tablePrefix?: string;
}

/** The schema-qualified, quoted names of every object of one store (schema + prefix). */
export interface SchemaNames {
  /** The schema, as given (unquoted). */
  schema: string;
  /** The table prefix, as given (unquoted). */
  prefix: string;
  // The rest: `"schema"."<prefix>name"`, ready to splice into SQL.
  sessions: string;
  entries: string;
  transcript: string;
  claims: string;
  migrations: string;
  fence: string;
  load: string;
  commit: string;
  /** Owners (migration 2): the owner-checking wrappers of `load` and `commit`. */
  loadOwned: string;
  commitOwned: string;
  /** Turn logs (migration 3): the logs, their events and their functions. */
  turnLogs: string;
  turnEvents: string;
  turnLogOpen: string;
  turnLogAppend: string;
  turnLogBeat: string;
  turnLogEnd: string;
  turnLogRead: string;
  turnLogStop: string;
  /** Compaction (migration 4): commit_owned with a summary mark, checked and recorded. */
  commitCompacting: string;
}

const IDENTIFIER = /^[a-z_][a-z0-9_]*$/;

/** Validates schema and prefix (lower-case SQL identifiers, so no quoting surprises) and names every object. */
export function schemaNames(options: SchemaOptions = {}): SchemaNames {
  const { schema = 'public', tablePrefix = 'baton_' } = options;
  if (!IDENTIFIER.test(schema) || schema.length > 63) {
    throw new BatonError('CONFIG_INVALID', 'The schema must be a lower-case SQL identifier ([a-z_][a-z0-9_]*)', {
      schema,
    });
  }
  // 63 bytes is PostgreSQL's identifier limit; the longest suffix below is 22 characters.
  if (tablePrefix !== '' && (!IDENTIFIER.test(tablePrefix) || tablePrefix.length > 40)) {
    throw new BatonError(
      'CONFIG_INVALID',
      'The table prefix must be a lower-case SQL identifier of at most 40 characters ([a-z_][a-z0-9_]*)',
      { tablePrefix },
    );
  }
  const q = (name: string): string => qualifiedName(schema, tablePrefix + name);
  return {
    schema,
    prefix: tablePrefix,
    sessions: q('sessions'),
    entries: q('entries'),
    transcript: q('transcript'),
    claims: q('claims'),
    migrations: q('migrations'),
    fence: q('fence'),
    load: q('load'),
    commit: q('commit'),
    loadOwned: q('load_owned'),
    commitOwned: q('commit_owned'),
    turnLogs: q('turn_logs'),
    turnEvents: q('turn_events'),
    turnLogOpen: q('turn_log_open'),
    turnLogAppend: q('turn_log_append'),
    turnLogBeat: q('turn_log_beat'),
    turnLogEnd: q('turn_log_end'),
    turnLogRead: q('turn_log_read'),
    turnLogStop: q('turn_log_stop'),
    commitCompacting: q('commit_compacting'),
  };
}

/** `"schema"."name"`: an object's schema-qualified name, each part quoted. */
export function qualifiedName(schema: string, name: string): string {
  return `${quoteIdentifier(schema)}.${quoteIdentifier(name)}`;
}

/**
 * A name as a quoted SQL identifier: in double quotes, a double quote doubled. A control character
 * (a line break, say) is refused: PostgreSQL would accept it, but spliced into a `--` comment of a
 * migration it would end the comment, so no name needs one and none gets one.
 */
export function quoteIdentifier(name: string): string {
  refuseControlCharacters(name);
  return `"${name.replaceAll('"', '""')}"`;
}

/**
 * A text as an SQL string literal: in single quotes, a single quote doubled. Backslashes stay as
 * they are (standard_conforming_strings, on by default since PostgreSQL 9.1). Control characters
 * are refused, as in {@link quoteIdentifier}.
 */
export function quoteLiteral(text: string): string {
  refuseControlCharacters(text);
  return `'${text.replaceAll("'", "''")}'`;
}

function refuseControlCharacters(text: string): void {
  // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what it looks for.
  if (/[\u0000-\u001f\u007f]/.test(text)) {
    throw new BatonError('CONFIG_INVALID', 'A schema or table name must not contain control characters', {
      name: text,
    });
  }
}
