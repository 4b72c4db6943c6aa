import { z } from 'zod';
import { thumbnailEvidence } from '@/lib/evidence/service';
import { withActor } from '@/lib/http/route';
import { EVIDENCE_ERRORS, fileResponse, notFound } from '../../respond';

export const dynamic = 'force-dynamic';

/** GET /api/evidence/<id>/thumbnail: a small copy of a non-sensitive image for the list, recorded in the chain of custody. */
export async function GET(_request: Request, { params }: { params: Promise<{ id: string }> }) {
  const id = z
    .string()
    .uuid()
    .safeParse((await params).id);
  if (!id.success) return notFound();
  return withActor({ ...EVIDENCE_ERRORS, where: 'evidence thumbnail' }, async (ctx) => {
    const file = await thumbnailEvidence(id.data, ctx);
    return fileResponse(file, { disposition: 'inline', evidenceId: id.data });
  });
}
