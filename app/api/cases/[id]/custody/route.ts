import { z } from 'zod';
import { NOTICE_LANGS } from '@/lib/i18n/config';
import { exportCustodyReport } from '@/lib/evidence/custody-report';
import { CUSTODY_FORMATS } from '@/lib/evidence/custody-report-model';
import { errorJson, NO_STORE, withActor } from '@/lib/http/route';

export const dynamic = 'force-dynamic';

const custodyQuery = z.object({ format: z.enum(CUSTODY_FORMATS), lang: z.enum(NOTICE_LANGS).catch('ko') });

/**
 * GET /api/cases/<id>/custody?format=pdf|csv&lang=ko|en: the case's
 * chain-of-custody report for the police or a court. The service checks the
 * case and the role, records the export in the custody chain and the audit
 * log; lib/http/route.ts turns its DomainError codes into statuses.
 */
export async function GET(request: Request, { params }: { params: Promise<{ id: string }> }) {
  const url = new URL(request.url);
  const id = z
    .string()
    .uuid()
    .safeParse((await params).id);
  const query = custodyQuery.safeParse(Object.fromEntries(url.searchParams));
  if (!id.success || !query.success) return errorJson('not_found');
  return withActor({ where: 'custody' }, async (ctx) => {
    const report = await exportCustodyReport(id.data, query.data.format, query.data.lang, ctx);
    return new Response(new Uint8Array(report.body), {
      headers: {
        ...NO_STORE,
        'content-type': report.contentType,
        // The case number is Korean: an ASCII fallback name, and the real one per RFC 6266/5987.
        'content-disposition': `attachment; filename="${report.fileName}"; filename*=UTF-8''${encodeURIComponent(report.utf8FileName)}`,
        'x-content-type-options': 'nosniff',
      },
    });
  });
}
