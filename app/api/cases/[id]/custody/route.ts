import { z } from 'zod';
import { requestIp, requireActor } from '@/lib/auth/session';
import { NOTICE_LANGS } from '@/lib/decisions/schemas';
import { exportCustodyReport } from '@/lib/evidence/custody-report';
import { CUSTODY_FORMATS } from '@/lib/evidence/custody-report-model';
import { DomainError, HTTP_STATUS } from '@/lib/errors';

export const dynamic = 'force-dynamic';

const noStore = { 'cache-control': 'no-store' };
const custodyQuery = z.object({ format: z.enum(CUSTODY_FORMATS), lang: z.enum(NOTICE_LANGS).catch('ko') });

/**
 * GET /api/cases/<id>/custody?format=pdf|csv&lang=ko|en: the case's
 * chain-of-custody report for the police or a court. The service checks the
 * case and the role, records the export in the custody chain and the audit
 * log; its DomainError codes become statuses here.
 */
export async function GET(request: Request, { params }: { params: Promise<{ id: string }> }) {
  const url = new URL(request.url);
  const id = z.string().uuid().safeParse((await params).id);
  const query = custodyQuery.safeParse(Object.fromEntries(url.searchParams));
  if (!id.success || !query.success) return Response.json({ error: 'not_found' }, { status: 404, headers: noStore });
  try {
    const actor = await requireActor();
    const report = await exportCustodyReport(id.data, query.data.format, query.data.lang, { actor, ip: await requestIp() });
    return new Response(new Uint8Array(report.body), {
      headers: {
        ...noStore,
        'content-type': report.contentType,
        // The case number is Korean: an ASCII fallback name, and the real one per RFC 6266/5987.
        'content-disposition': `attachment; filename="${report.fileName}"; filename*=UTF-8''${encodeURIComponent(report.utf8FileName)}`,
        'x-content-type-options': 'nosniff',
      },
    });
  } catch (e) {
    if (e instanceof DomainError) return Response.json({ error: e.code }, { status: HTTP_STATUS[e.code], headers: noStore });
    console.error('[custody] unexpected error', e);
    return Response.json({ error: 'unexpected' }, { status: 500, headers: noStore });
  }
}
