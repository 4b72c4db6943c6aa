/** Fixed secrets for throwaway test databases: never used for real data. */
export const TEST_SECRETS = {
  AUTH_SECRET: 'test-only-auth-secret-0123456789abcdef0123456789',
  DOLBOM_ENCRYPTION_KEY: Buffer.alloc(32, 7).toString('base64'),
};

/** The same server, another database: tests never touch the database they were pointed at. */
export function siblingUrl(url: string, database: string): string {
  const u = new URL(url);
  u.pathname = `/${database}`;
  return u.toString();
}
