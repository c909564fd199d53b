import { randomBytes } from 'node:crypto';
import pg from 'pg';

/** The shared test server (DEVELOPERS.md); each test makes its own database on it. */
export const TEST_POSTGRES = process.env.BATON_TEST_POSTGRES ?? 'postgres://postgres@127.0.0.1:5432/test';

export interface TestDatabase {
  url: string;
  name: string;
  drop(): Promise<void>;
}

/** CREATE DATABASE baton_test_<random>; `drop` removes it, cutting any connection still open. */
export async function createTestDatabase(): Promise<TestDatabase> {
  const name = `baton_test_${randomBytes(6).toString('hex')}`;
  await adminQuery(`CREATE DATABASE ${name}`);
  const url = new URL(TEST_POSTGRES);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    name,
    drop: () => adminQuery(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`),
  };
}

async function adminQuery(sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: TEST_POSTGRES });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}
