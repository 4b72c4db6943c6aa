import { z } from 'zod';
import { requestIp, requireActor } from '@/lib/auth/session';
import { viewEvidenceQuery } from '@/lib/evidence/schemas';
import { serveEvidenceView } from '@/lib/evidence/service';
import { errorResponse, fileResponse, notFound } from '../../respond';

export const dynamic = 'force-dynamic';

/**
 * GET /api/evidence/<id>/view?stage=preview|original&token=…: the blurred
 * preview or the original that a view action granted (custody already
 * recorded). The session, the right to see the vault and the token are all
 * checked again here.
 */
export async function GET(request: Request, { params }: { params: Promise<{ id: string }> }) {
  const id = z.string().uuid().safeParse((await params).id);
  const query = viewEvidenceQuery.safeParse(Object.fromEntries(new URL(request.url).searchParams));
  if (!id.success || !query.success) return notFound();
  try {
    const actor = await requireActor();
    const file = await serveEvidenceView({ evidenceId: id.data, stage: query.data.stage, token: query.data.token }, { actor, ip: await requestIp() });
    return fileResponse(file, { disposition: 'inline', evidenceId: id.data });
  } catch (e) {
    return errorResponse(e, 'view');
  }
}
