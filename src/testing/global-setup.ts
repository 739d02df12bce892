import pg from 'pg';

/**
 * Decides once per test run whether the PostgreSQL half of the storage suites runs. CI sets
 * CALLVAULT_REQUIRE_POSTGRES=1, so a server that is down fails the run instead of skipping.
 */
export default async function setup(): Promise<void> {
  const url = process.env.CALLVAULT_TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
  process.env.CALLVAULT_TEST_DATABASE_URL = url;
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 3000 });
  try {
    await client.connect();
    await client.query('SELECT 1');
    process.env.CALLVAULT_TEST_POSTGRES = '1';
    console.log(`[callvault tests] database suites run on PGlite and on PostgreSQL (${redactUrl(url)})`);
  } catch {
    if (process.env.CALLVAULT_REQUIRE_POSTGRES === '1') {
      throw new Error(`PostgreSQL required (CALLVAULT_REQUIRE_POSTGRES=1) but not reachable at ${redactUrl(url)}`);
    }
    process.env.CALLVAULT_TEST_POSTGRES = '0';
    console.log(
      `\n[callvault tests] PostgreSQL not reachable at ${redactUrl(url)}: ` +
        'the PostgreSQL half of the database suites is SKIPPED; only PGlite was tested.\n',
    );
  } finally {
    await client.end().catch(() => undefined);
  }
}

function redactUrl(url: string): string {
  return url.replace(/\/\/([^:@/]+):[^@/]+@/, '//$1:***@');
}
