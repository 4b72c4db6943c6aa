import { z } from 'zod';
import { viewEvidenceQuery } from '@/lib/evidence/schemas';
import { serveEvidenceView } from '@/lib/evidence/service';
import { withActor } from '@/lib/http/route';
import { EVIDENCE_ERRORS, fileResponse, notFound } from '../../respond';

export const dynamic = 'force-dynamic';

/**
 * GET /api/evidence/<id>/view?stage=preview|original&token=…: the blurred
 * preview or the original that a view action granted (custody already
 * recorded). The session, the right to see the vault and the token are all
 * checked again here.
 */
export async function GET(request: Request, { params }: { params: Promise<{ id: string }> }) {
  const id = z
    .string()
    .uuid()
    .safeParse((await params).id);
  const query = viewEvidenceQuery.safeParse(Object.fromEntries(new URL(request.url).searchParams));
  if (!id.success || !query.success) return notFound();
  return withActor({ ...EVIDENCE_ERRORS, where: 'evidence view' }, async (ctx) => {
    const file = await serveEvidenceView({ evidenceId: id.data, stage: query.data.stage, token: query.data.token }, ctx);
    return fileResponse(file, { disposition: 'inline', evidenceId: id.data });
  });
}
