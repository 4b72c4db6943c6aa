/**
 * Runs once when a Next.js server instance starts, before it serves requests
 * (node_modules/next/dist/docs/01-app/03-api-reference/03-file-conventions/instrumentation.md):
 * the environment is checked here so a bad value stops the server at start-up.
 * `NEXT_RUNTIME` is Next's own variable, inlined per runtime, not app config.
 */
export async function register() {
  if (process.env.NEXT_RUNTIME !== 'nodejs') return;
  const { validateEnvAtStartup } = await import('@/lib/env');
  validateEnvAtStartup();
}
