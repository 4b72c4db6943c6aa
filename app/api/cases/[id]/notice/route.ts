import { z } from 'zod';
import { requestIp, requireActor } from '@/lib/auth/session';
import { noticeQuery } from '@/lib/decisions/schemas';
import { DomainError, HTTP_STATUS } from '@/lib/errors';
import { downloadDecisionNotice } from '@/lib/notices/download-decision-notice';

export const dynamic = 'force-dynamic';

const noStore = { 'cache-control': 'no-store' };

/**
 * GET /api/cases/<id>/notice?party=<partyId>&lang=ko|en: one party's decision
 * notice as a PDF. The service checks the case, the right to see names, and
 * audits the download; its DomainError codes become statuses here.
 */
export async function GET(request: Request, { params }: { params: Promise<{ id: string }> }) {
  const url = new URL(request.url);
  const id = z.string().uuid().safeParse((await params).id);
  const query = noticeQuery.safeParse(Object.fromEntries(url.searchParams));
  if (!id.success || !query.success) return Response.json({ error: 'not_found' }, { status: 404, headers: noStore });
  try {
    const actor = await requireActor();
    const notice = await downloadDecisionNotice(id.data, query.data.party, query.data.lang, { actor, ip: await requestIp() });
    return new Response(new Uint8Array(notice.pdf), {
      headers: {
        ...noStore,
        'content-type': 'application/pdf',
        // The case number is Korean: an ASCII fallback name, and the real one per RFC 6266/5987.
        'content-disposition': `attachment; filename="${notice.fileName}"; filename*=UTF-8''${encodeURIComponent(notice.utf8FileName)}`,
        'x-content-type-options': 'nosniff',
      },
    });
  } catch (e) {
    if (e instanceof DomainError) return Response.json({ error: e.code }, { status: HTTP_STATUS[e.code], headers: noStore });
    console.error('[notice] unexpected error', e);
    return Response.json({ error: 'unexpected' }, { status: 500, headers: noStore });
  }
}
