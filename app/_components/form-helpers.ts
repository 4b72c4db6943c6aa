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

/** A datetime-local value in Korean time as an instant, or null while incomplete. */
export function localToInstant(value: string | undefined): string | null {
  if (!value || !/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/.test(value)) return null;
  const d = new Date(`${value.slice(0, 16)}:00+09:00`);
  return Number.isNaN(d.getTime()) ? null : d.toISOString();
}

/** Props that tie a control to its `Field` error slot. */
export function errorProps(id: string, error: string | undefined) {
  return { id, 'aria-invalid': Boolean(error), 'aria-describedby': `${id}-error` } as const;
}

/** Ids `<prefix>-<field>` (dots kept) and the props tying each control to its error slot, for a form outside a `StepCard`. */
export function fieldIds(prefix: string, err: (field: string) => string | undefined) {
  const id = (field: string) => `${prefix}-${field}`;
  return { err, id, control: (field: string) => errorProps(id(field), err(field)) };
}
