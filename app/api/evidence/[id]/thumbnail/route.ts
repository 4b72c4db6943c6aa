import { z } from 'zod';
import { requestIp, requireActor } from '@/lib/auth/session';
import { thumbnailEvidence } from '@/lib/evidence/service';
import { errorResponse, fileResponse, notFound } from '../../respond';

export const dynamic = 'force-dynamic';

/** GET /api/evidence/<id>/thumbnail: a small copy of a non-sensitive image for the list, recorded in the chain of custody. */
export async function GET(_request: Request, { params }: { params: Promise<{ id: string }> }) {
  const id = z.string().uuid().safeParse((await params).id);
  if (!id.success) return notFound();
  try {
    const actor = await requireActor();
    const file = await thumbnailEvidence(id.data, { actor, ip: await requestIp() });
    return fileResponse(file, { disposition: 'inline', evidenceId: id.data });
  } catch (e) {
    return errorResponse(e, 'thumbnail');
  }
}
