import 'server-only';
import type { ServedFile } from '@/lib/evidence/service';
import { errorJson } from '@/lib/http/route';

/**
 * What every evidence response shares. Nothing is cached anywhere, the
 * browser never second-guesses the type the server detected, and a file
 * opened on its own may load nothing and run nothing (a PDF keeps its
 * viewer through `object-src 'self'`).
 */
const NO_STORE = { 'cache-control': 'no-store, private', pragma: 'no-cache', 'x-content-type-options': 'nosniff' } as const;
const FILE_CSP =
  "default-src 'none'; img-src 'self'; media-src 'self'; object-src 'self'; style-src 'unsafe-inline'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";

/** RFC 6266 with RFC 5987's `filename*`: an ASCII name for old clients, the real (Korean) one for the rest. */
export function contentDisposition(kind: 'inline' | 'attachment', asciiName: string, utf8Name: string): string {
  const encoded = encodeURIComponent(utf8Name).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return `${kind}; filename="${asciiName.replace(/[^\x20-\x7e]|["\\]/g, '_')}"; filename*=UTF-8''${encoded}`;
}

export function fileResponse(file: ServedFile, opts: { disposition: 'inline' | 'attachment'; evidenceId: string }): Response {
  return new Response(new Uint8Array(file.body), {
    headers: {
      ...NO_STORE,
      'content-type': file.contentType,
      'content-length': String(file.body.length),
      'content-security-policy': FILE_CSP,
      'content-disposition': contentDisposition(opts.disposition, `evidence-${opts.evidenceId.slice(0, 8)}.${file.ext}`, file.fileName),
    },
  });
}

/** The evidence routes' errors, mapped by lib/http/route.ts with the stricter headers above. */
export const EVIDENCE_ERRORS = { headers: NO_STORE } as const;

export function notFound(): Response {
  return errorJson('not_found', NO_STORE);
}

export function forbidden(): Response {
  return errorJson('forbidden', NO_STORE);
}

/**
 * A state-changing request must come from our own pages. The session cookie
 * is SameSite=Lax already; this also refuses a same-site but foreign origin.
 */
export function sameOrigin(request: Request): boolean {
  const origin = request.headers.get('origin');
  const host = request.headers.get('x-forwarded-host') ?? request.headers.get('host');
  if (!origin || !host) return request.headers.get('sec-fetch-site') === 'same-origin';
  try {
    return new URL(origin).host === host;
  } catch {
    return false;
  }
}
