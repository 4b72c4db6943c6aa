'use client';

import { useTranslations } from 'next-intl';

/** Opens the browser's print dialog; the page's print styles fit the report on one A4 sheet. */
export function PrintButton() {
  const t = useTranslations('audit.report');
  return (
    <button type="button" className="no-print" onClick={() => window.print()} data-testid="print-report">
      {t('print')}
    </button>
  );
}
