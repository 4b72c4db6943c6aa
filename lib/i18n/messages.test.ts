import { describe, expect, it } from 'vitest';
import { messages } from './messages';

function keys(obj: unknown, prefix = ''): string[] {
  if (obj === null || typeof obj !== 'object') return [prefix];
  return Object.entries(obj as Record<string, unknown>).flatMap(([k, v]) => keys(v, prefix ? `${prefix}.${k}` : k));
}

describe('messages', () => {
  it('Korean and English define exactly the same keys', () => {
    expect(keys(messages.en).sort()).toEqual(keys(messages.ko).sort());
  });
  it('no message is empty', () => {
    for (const locale of ['ko', 'en'] as const) {
      const empty = keys(messages[locale]).filter((k) => k.split('.').reduce<unknown>((o, p) => (o as Record<string, unknown>)[p], messages[locale]) === '');
      expect(empty).toEqual([]);
    }
  });
});
