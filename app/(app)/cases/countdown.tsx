'use client';
import { useSyncExternalStore } from 'react';
import { useTranslations } from 'next-intl';

const MINUTE_MS = 60_000;

function subscribe(onTick: () => void): () => void {
  const id = setInterval(onTick, 10_000);
  return () => clearInterval(id);
}
/** Rounded to the minute, so the snapshot stays stable between ticks and the text changes once a minute. */
const minuteNow = () => Math.floor(Date.now() / MINUTE_MS) * MINUTE_MS;

/** "3일 4시간 남음" / "12시간 초과", ticking each minute; the server's time is used until hydration. */
export function Countdown({ dueAt, serverNow }: { dueAt: string; serverNow: number }) {
  const t = useTranslations('cases.countdown');
  const now = useSyncExternalStore(subscribe, minuteNow, () => serverNow);
  const diff = new Date(dueAt).getTime() - now;
  const total = Math.floor(Math.abs(diff) / MINUTE_MS);
  const days = Math.floor(total / 1440);
  const hours = Math.floor((total % 1440) / 60);
  const minutes = total % 60;
  const parts: string[] = [];
  if (days > 0) {
    parts.push(t('days', { n: days }));
    if (hours > 0) parts.push(t('hours', { n: hours }));
  } else if (hours > 0) {
    parts.push(t('hours', { n: hours }));
    if (minutes > 0) parts.push(t('minutes', { n: minutes }));
  } else {
    parts.push(t('minutes', { n: minutes }));
  }
  const time = parts.join(' ');
  return (
    <span className={diff < 0 ? 'countdown over' : 'countdown'} data-testid="countdown">
      {diff < 0 ? t('over', { time }) : t('left', { time })}
    </span>
  );
}
