import postgres from 'postgres';

/**
 * A direct connection to the database the app under test uses
 * (E2E_DATABASE_URL, set by scripts/e2e.ts), for assertions only: the tests
 * drive the app through the browser and read back what it stored.
 */
export function connectTestDb() {
  const url = process.env.E2E_DATABASE_URL;
  if (!url) throw new Error('E2E_DATABASE_URL is not set: run the suite with `npm run test:e2e`');
  return postgres(url, { max: 2, onnotice: () => {} });
}

export type Sql = ReturnType<typeof connectTestDb>;

export async function userIdByEmail(sql: Sql, email: string): Promise<string> {
  const [row] = await sql<{ id: string }[]>`select id from users where email = ${email}`;
  if (!row) throw new Error(`no user ${email} in the e2e database`);
  return row.id;
}

export async function countFailedSignIns(sql: Sql, email: string): Promise<number> {
  const [row] = await sql<{ n: number }[]>`
    select count(*)::int as n from audit_log where action = 'auth.sign_in_failed' and detail->>'email' = ${email}`;
  return row?.n ?? 0;
}
