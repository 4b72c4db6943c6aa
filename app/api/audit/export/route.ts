import { cookies } from 'next/headers';
import { getTranslations } from 'next-intl/server';
import { z } from 'zod';
import { EXPORT_TABLES, exportAuditCsv } from '@/lib/audit-dashboard/service';
import type { Tr } from '@/lib/audit-dashboard/tables';
import { errorJson, NO_STORE, withActor } from '@/lib/http/route';
import { LOCALE_COOKIE, toLocale } from '@/lib/i18n/config';

export const dynamic = 'force-dynamic';

/**
 * GET /api/audit/export?table=<id>&<the dashboard's filters>: one dashboard
 * table (or, with table=cases, the drill-down list) as CSV for Excel — UTF-8
 * with a BOM, headers in the reader's language, students by pseudonym only.
 * Every export writes an `audit.exported` row.
 */
export async function GET(request: Request) {
  const url = new URL(request.url);
  const params: Record<string, string | string[]> = {};
  for (const key of new Set(url.searchParams.keys())) {
    const all = url.searchParams.getAll(key);
    params[key] = all.length > 1 ? all : (all[0] ?? '');
  }
  const table = z.enum(EXPORT_TABLES).safeParse(url.searchParams.get('table'));
  if (!table.success) return errorJson('not_found');
  return withActor({ where: 'audit-export' }, async ({ actor, ip }) => {
    const locale = toLocale((await cookies()).get(LOCALE_COOKIE)?.value);
    const t = await getTranslations({ locale });
    const tr: Tr = (key, values) => t(key as never, values as never);
    const csv = await exportAuditCsv(actor, table.data, params, tr, new Date(), ip);
    return new Response(csv.body, {
      headers: {
        ...NO_STORE,
        'content-type': 'text/csv; charset=utf-8',
        'content-disposition': `attachment; filename="${csv.fileName}"`,
        'x-content-type-options': 'nosniff',
      },
    });
  });
}
