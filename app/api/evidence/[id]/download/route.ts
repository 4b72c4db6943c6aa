import { z } from 'zod';
import { requestIp, requireActor } from '@/lib/auth/session';
import { fieldErrors } from '@/lib/errors';
import { downloadEvidenceInput } from '@/lib/evidence/schemas';
import { downloadEvidence } from '@/lib/evidence/service';
import { errorResponse, fileResponse, notFound, sameOrigin } from '../../respond';

export const dynamic = 'force-dynamic';

/**
 * POST /api/evidence/<id>/download with `{ reason }`: the original as an
 * attachment, for the office's investigator or committee secretary. A POST,
 * so the reason never sits in a URL or a log, and the custody row, the
 * audit row and the hash check share the transaction that reads the file.
 */
export async function POST(request: Request, { params }: { params: Promise<{ id: string }> }) {
  const id = z.string().uuid().safeParse((await params).id);
  if (!id.success) return notFound();
  if (!sameOrigin(request)) return Response.json({ error: 'forbidden' }, { status: 403, headers: { 'cache-control': 'no-store' } });
  const body: unknown = await request.json().catch(() => null);
  const parsed = downloadEvidenceInput.safeParse({ ...(body && typeof body === 'object' ? body : {}), evidenceId: id.data });
  if (!parsed.success) return Response.json(fieldErrors(parsed.error), { status: 400, headers: { 'cache-control': 'no-store' } });
  try {
    const actor = await requireActor();
    const file = await downloadEvidence(parsed.data, { actor, ip: await requestIp() });
    return fileResponse(file, { disposition: 'attachment', evidenceId: id.data });
  } catch (e) {
    return errorResponse(e, 'download');
  }
}
