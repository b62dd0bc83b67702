/**
 * The migration files and their runner's placeholders (src/migrations.ts): every listed file is
 * shipped and loads, every file in the folder is listed, nothing is left unreplaced, and names are
 * quoted whatever characters they hold. Applying them to PostgreSQL is postgres-specific.test.ts.
 */
import { readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { MIGRATIONS, MIGRATIONS_FOLDER, readMigration, renderMigration, SCHEMA_VERSION } from '../src/migrations.js';
import { schemaNames } from '../src/schema.js';

const code = (expected: string) => expect.objectContaining({ code: expected });

describe('migration files', () => {
  it('are numbered 1, 2, 3… in order, the last one being SCHEMA_VERSION', () => {
    expect(MIGRATIONS.map((migration) => migration.version)).toEqual(MIGRATIONS.map((_, index) => index + 1));
    expect(SCHEMA_VERSION).toBe(MIGRATIONS.length);
  });

  it('are all listed: every .sql file of the folder is a migration, named after its version', () => {
    const files = readdirSync(fileURLToPath(MIGRATIONS_FOLDER)).filter((file) => file.endsWith('.sql'));
    expect(files.sort()).toEqual(MIGRATIONS.map((migration) => migration.file).sort());
    for (const migration of MIGRATIONS) {
      expect(migration.file).toMatch(new RegExp(`^${String(migration.version).padStart(3, '0')}_[a-z0-9_]+\\.sql$`));
    }
  });

  it.each(MIGRATIONS.map((migration) => [migration.file, migration] as const))(
    '%s loads, documents its placeholders and renders with none left over',
    async (_file, migration) => {
      const sql = await readMigration(migration);
      expect(sql).toMatch(new RegExp(`^-- Migration ${migration.version}: `));
      expect(sql).toContain('Placeholders');
      for (const options of [{}, { schema: 'baton_x', tablePrefix: 'app_' }, { schema: 's1', tablePrefix: '' }]) {
        const rendered = renderMigration(sql, schemaNames(options));
        expect(rendered).not.toMatch(/\{\{|\}\}/);
      }
    },
  );

  it('create every object under the schema and prefix given', async () => {
    const sql = renderMigration(await readMigration(MIGRATIONS[0] as (typeof MIGRATIONS)[0]), {
      schema: 'tenant',
      prefix: 'app_',
    });
    expect(sql).toContain('CREATE SEQUENCE "tenant"."app_fence";');
    expect(sql).toContain('CREATE TABLE "tenant"."app_sessions" (');
    expect(sql).toContain('CREATE INDEX "app_sessions_expired_until" ON "tenant"."app_sessions" (expired_until);');
    expect(sql).toContain(`nextval('"tenant"."app_fence"')`);
    // The header's examples aside, no default name is written in.
    expect(sql.replace(/--.*$/gm, '')).not.toMatch(/"(public|baton_)/);
  });
});

describe('renderMigration', () => {
  const names = { schema: 'public', prefix: 'baton_' };

  it('replaces each kind of placeholder, quoted', () => {
    expect(renderMigration('{{schema}}.{{name:sessions}} {{regclass:fence}}', names)).toBe(
      `"public"."baton_sessions" '"public"."baton_fence"'`,
    );
    expect(renderMigration('{{name:load}}', { schema: 'public', prefix: '' })).toBe('"load"');
  });

  it('quotes names with odd characters: double quotes doubled, single quotes doubled in literals', () => {
    const odd = { schema: 'My "Schema"', prefix: `o'Brien; drop ` };
    expect(renderMigration('CREATE TABLE {{schema}}.{{name:t}} ()', odd)).toBe(
      `CREATE TABLE "My ""Schema"""."o'Brien; drop t" ()`,
    );
    expect(renderMigration('SELECT nextval({{regclass:fence}})', odd)).toBe(
      `SELECT nextval('"My ""Schema"""."o''Brien; drop fence"')`,
    );
    // Braces inside a name are text, not a placeholder left over.
    expect(renderMigration('{{schema}}', { schema: '{{x}}', prefix: '' })).toBe('"{{x}}"');
  });

  it('refuses names holding a control character (a line break would end a -- comment)', () => {
    expect(() => renderMigration('-- {{schema}}', { schema: 'a\nDROP TABLE x', prefix: '' })).toThrow(
      code('CONFIG_INVALID'),
    );
    expect(() => renderMigration('{{name:t}}', { schema: 'public', prefix: 'a\u0000' })).toThrow(
      code('CONFIG_INVALID'),
    );
  });

  it('refuses an unknown or malformed placeholder rather than send it', () => {
    for (const sql of ['{{tables}}', '{{name:}}', '{{name:Upper}}', '{{ schema }}', '{{schema}', 'x }} y']) {
      expect(() => renderMigration(sql, names), sql).toThrow(code('INTERNAL'));
    }
  });
});
