import { describeSessionStore } from '@baton/core/testing/store-contract';
import { afterAll, beforeAll } from 'vitest';
import { migrate, PostgresSessionStore } from '../src/index.js';
import { DATABASE_URL, dropSchema, uniqueSchema } from './support.js';

const schema = uniqueSchema('contract');

beforeAll(async () => {
  await migrate(DATABASE_URL, { schema });
});
afterAll(async () => {
  await dropSchema(schema);
});

describeSessionStore(
  'PostgresSessionStore',
  () => new PostgresSessionStore({ connectionString: DATABASE_URL, schema }),
);
