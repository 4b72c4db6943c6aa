type HeaderSource = Headers | Record<string, string | string[] | undefined> | undefined;

function read(headers: HeaderSource, name: string): string | undefined {
  if (!headers) return undefined;
  if (typeof (headers as Headers).get === 'function') return (headers as Headers).get(name) ?? undefined;
  const v = (headers as Record<string, string | string[] | undefined>)[name];
  return Array.isArray(v) ? v[0] : v;
}

/** The client address as the nearest proxy reports it; only for audit and throttling, never for trust. */
export function clientIp(headers: HeaderSource): string | null {
  const forwarded = read(headers, 'x-forwarded-for')?.split(',')[0]?.trim();
  const ip = forwarded || read(headers, 'x-real-ip')?.trim();
  return ip && ip.length <= 64 ? ip : null;
}
