import { getTranslations } from 'next-intl/server';
import { z } from 'zod';
import { buildHearingInvite } from '@/lib/committee/hearing-invite';
import { errorJson, NO_STORE, withActor } from '@/lib/http/route';

export const dynamic = 'force-dynamic';

/**
 * The scheduled hearing as a calendar invite. No session, no right to the
 * case, no school or office role there, or no scheduled hearing: all 404,
 * so the route never confirms that a case exists.
 */
export async function GET(_request: Request, { params }: { params: Promise<{ id: string }> }) {
  const id = z
    .string()
    .uuid()
    .safeParse((await params).id);
  if (!id.success) return errorJson('not_found');
  return withActor({ where: 'hearing.ics', conceal: true }, async (ctx) => {
    const t = await getTranslations('committee.ics');
    const invite = await buildHearingInvite(
      id.data,
      { summary: (caseNumber) => t('summary', { caseNumber }), description: (caseNumber) => t('description', { caseNumber }) },
      ctx,
    );
    return new Response(invite.body, {
      headers: {
        ...NO_STORE,
        'content-type': 'text/calendar; charset=utf-8',
        // The case number is Korean: an ASCII fallback name, and the real one per RFC 6266/5987.
        'content-disposition': `attachment; filename="hearing.ics"; filename*=UTF-8''${encodeURIComponent(invite.fileName)}`,
        'x-content-type-options': 'nosniff',
      },
    });
  });
}
