import { z } from 'zod';
import { noticeQuery } from '@/lib/decisions/schemas';
import { errorJson, NO_STORE, withActor } from '@/lib/http/route';
import { downloadDecisionNotice } from '@/lib/notices/download-decision-notice';

export const dynamic = 'force-dynamic';

/**
 * GET /api/cases/<id>/notice?party=<partyId>&lang=ko|en: one party's decision
 * notice as a PDF. The service checks the case, the right to see names, and
 * audits the download; lib/http/route.ts turns its DomainError codes into statuses.
 */
export async function GET(request: Request, { params }: { params: Promise<{ id: string }> }) {
  const url = new URL(request.url);
  const id = z
    .string()
    .uuid()
    .safeParse((await params).id);
  const query = noticeQuery.safeParse(Object.fromEntries(url.searchParams));
  if (!id.success || !query.success) return errorJson('not_found');
  return withActor({ where: 'notice' }, async (ctx) => {
    const notice = await downloadDecisionNotice(id.data, query.data.party, query.data.lang, ctx);
    return new Response(new Uint8Array(notice.pdf), {
      headers: {
        ...NO_STORE,
        'content-type': 'application/pdf',
        // The case number is Korean: an ASCII fallback name, and the real one per RFC 6266/5987.
        'content-disposition': `attachment; filename="${notice.fileName}"; filename*=UTF-8''${encodeURIComponent(notice.utf8FileName)}`,
        'x-content-type-options': 'nosniff',
      },
    });
  });
}
