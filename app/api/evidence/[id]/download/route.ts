import { z } from 'zod';
import { fieldErrors } from '@/lib/errors';
import { downloadEvidenceInput } from '@/lib/evidence/schemas';
import { downloadEvidence } from '@/lib/evidence/service';
import { NO_STORE, withActor } from '@/lib/http/route';
import { EVIDENCE_ERRORS, fileResponse, forbidden, notFound, sameOrigin } from '../../respond';

export const dynamic = 'force-dynamic';

/**
 * POST /api/evidence/<id>/download with `{ reason }`: the original as an
 * attachment, for the office's investigator or committee secretary. A POST,
 * so the reason never sits in a URL or a log, and the custody row, the
 * audit row and the hash check share the transaction that reads the file.
 */
export async function POST(request: Request, { params }: { params: Promise<{ id: string }> }) {
  const id = z
    .string()
    .uuid()
    .safeParse((await params).id);
  if (!id.success) return notFound();
  if (!sameOrigin(request)) return forbidden();
  const body: unknown = await request.json().catch(() => null);
  const parsed = downloadEvidenceInput.safeParse({ ...(body && typeof body === 'object' ? body : {}), evidenceId: id.data });
  if (!parsed.success) return Response.json(fieldErrors(parsed.error), { status: 400, headers: NO_STORE });
  return withActor({ ...EVIDENCE_ERRORS, where: 'evidence download' }, async (ctx) => {
    const file = await downloadEvidence(parsed.data, ctx);
    return fileResponse(file, { disposition: 'attachment', evidenceId: id.data });
  });
}
