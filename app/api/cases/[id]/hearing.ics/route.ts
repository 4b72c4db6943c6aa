import { getTranslations } from 'next-intl/server';
import { z } from 'zod';
import { getActor, requestIp } from '@/lib/auth/session';
import { buildHearingInvite } from '@/lib/committee/hearing-invite';
import { DomainError } from '@/lib/errors';

export const dynamic = 'force-dynamic';

const noStore = { 'cache-control': 'no-store' };

/**
 * The scheduled hearing as a calendar invite. No session, no right to the
 * case, no school or office role there, or no scheduled hearing: all 404,
 * so the route never confirms that a case exists.
 */
export async function GET(_request: Request, { params }: { params: Promise<{ id: string }> }) {
  const notFound = () => Response.json({ error: 'not_found' }, { status: 404, headers: noStore });
  const id = z.string().uuid().safeParse((await params).id);
  if (!id.success) return notFound();
  const actor = await getActor();
  if (!actor) return notFound();
  try {
    const t = await getTranslations('committee.ics');
    const invite = await buildHearingInvite(
      id.data,
      { summary: (caseNumber) => t('summary', { caseNumber }), description: (caseNumber) => t('description', { caseNumber }) },
      { actor, ip: await requestIp() },
    );
    return new Response(invite.body, {
      headers: {
        ...noStore,
        'content-type': 'text/calendar; charset=utf-8',
        // The case number is Korean: an ASCII fallback name, and the real one per RFC 6266/5987.
        'content-disposition': `attachment; filename="hearing.ics"; filename*=UTF-8''${encodeURIComponent(invite.fileName)}`,
        'x-content-type-options': 'nosniff',
      },
    });
  } catch (e) {
    if (e instanceof DomainError) return notFound();
    console.error('[hearing.ics] unexpected error', e);
    return Response.json({ error: 'unexpected' }, { status: 500, headers: noStore });
  }
}
