import { useTranslations } from 'next-intl';

const KST_OFFSET_MS = 9 * 60 * 60 * 1000;

/** The current Korean wall-clock time as a datetime-local value ('YYYY-MM-DDTHH:mm'), whatever the browser's zone. */
export function kstNowLocal(now: number = Date.now()): string {
  return new Date(now + KST_OFFSET_MS).toISOString().slice(0, 16);
}

/**
 * An idempotency key for one form mount. `crypto.randomUUID` exists only in
 * secure contexts, so a school intranet served over plain http falls back to
 * a v4 UUID built from `getRandomValues`.
 */
export function newIdempotencyKey(): string {
  if (typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  const b = crypto.getRandomValues(new Uint8Array(16));
  b[6] = (b[6]! & 0x0f) | 0x40;
  b[8] = (b[8]! & 0x3f) | 0x80;
  const h = Array.from(b, (x) => x.toString(16).padStart(2, '0')).join('');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}

/**
 * `useActionForm.errorFor` translates through `errors` and returns unknown
 * keys as they are; the case-specific keys ('futureDate', 'victimRequired', …)
 * are translated here from `cases.fieldErrors` until `errors` has them.
 */
export function useCaseFieldErrors(errorFor: (field: string) => string | undefined) {
  const t = useTranslations('cases.fieldErrors');
  return (field: string): string | undefined => {
    const message = errorFor(field);
    if (!message) return undefined;
    return t.has(message as never) ? t(message as never) : message;
  };
}

/** Props that tie a control to its `Field` error slot. */
export function errorProps(id: string, error: string | undefined) {
  return { id, 'aria-invalid': Boolean(error), 'aria-describedby': `${id}-error` } as const;
}
