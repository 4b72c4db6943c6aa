import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ERROR_AREAS, resolveErrorMessage, type ErrorArea } from './error-message';
import { messages } from './messages';

const ROOT = path.resolve(__dirname, '../..');

function at(locale: 'ko' | 'en', dotted: string): unknown {
  return dotted.split('.').reduce<unknown>((o, k) => (o as Record<string, unknown> | undefined)?.[k], messages[locale]);
}

function lookup(locale: 'ko' | 'en') {
  return (dotted: string): string | undefined => {
    const v = at(locale, dotted);
    return typeof v === 'string' ? v : undefined;
  };
}

function namespace(locale: 'ko' | 'en', ns: string): Record<string, unknown> {
  return (at(locale, ns) ?? {}) as Record<string, unknown>;
}

function sourceFiles(dir: string): string[] {
  return readdirSync(path.join(ROOT, dir), { withFileTypes: true }).flatMap((e) => {
    const rel = `${dir}/${e.name}`;
    if (e.isDirectory()) return sourceFiles(rel);
    return /\.ts$/.test(e.name) && !/\.(i?test)\.ts$/.test(e.name) ? [rel] : [];
  });
}

/**
 * Whose words the forms fed by this part of lib show; shared and admin code
 * has only the generic `errors`. lib/cases holds the case-team schemas and
 * use-cases too, so its keys may be the team page's.
 */
function areasOf(file: string): (ErrorArea | null)[] {
  if (/^lib\/cases\/team/.test(file)) return ['team'];
  const byDir: Record<string, (ErrorArea | null)[]> = {
    calendar: ['holidays'],
    cases: ['cases', 'team'],
    committee: ['committee'],
    decisions: ['decision'],
    evidence: ['evidence'],
    execution: ['execution'],
    proceedings: ['investigation'],
    takedowns: ['takedowns'],
  };
  return byDir[file.split('/')[1] ?? ''] ?? [null];
}

const KEY = `'([a-z][A-Za-z]*)'`;
/** The ways lib hands a form an error key. */
const PATTERNS = [
  // invalid('field', 'key'), fail('field', 'key') and refuse(code, 'field', 'key')
  new RegExp(`\\b(?:invalid|fail|refuse)\\((?:'[^']*',\\s*|code,\\s*|field,\\s*)*${KEY}\\)`, 'g'),
  // field errors a DomainError carries or an action returns: { field: ['key'] }, { [field]: ['key'] }
  new RegExp(`(?:new DomainError\\([^;]*?|fieldErrors:\\s*)\\{\\s*(?:\\w+|\\[\\w+\\]):\\s*\\[${KEY}\\]`, 'g'),
  // zod: { message: 'key' } and .min(1, 'key'), .uuid('key'), .refine(fn, 'key'), …
  new RegExp(`message:\\s*${KEY}`, 'g'),
  new RegExp(`\\.(?:min|max|length|email|uuid|url|regex|refine|int|positive|nonnegative|gte|lte|gt|lt|nonempty)\\((?:[^()']|\\([^()]*\\))*?${KEY}\\s*\\)`, 'g'),
];

type Received = { key: string; areas: (ErrorArea | null)[]; file: string };

function collectErrorKeys(): Received[] {
  const found = new Map<string, Received>();
  for (const file of sourceFiles('lib')) {
    const source = readFileSync(path.join(ROOT, file), 'utf8');
    const areas = areasOf(file);
    for (const pattern of PATTERNS) {
      for (const m of source.matchAll(pattern)) {
        const key = m[1]!;
        found.set(`${file}:${key}`, { key, areas, file });
      }
    }
  }
  return [...found.values()];
}

describe('error messages', () => {
  const keys = collectErrorKeys();

  it('the scan finds the keys lib sends to forms', () => {
    const names = keys.map((k) => `${k.areas.join('|')}:${k.key}`);
    // One per way of sending a key, so a pattern that stops matching fails here rather than passing vacuously.
    expect(names).toEqual(
      expect.arrayContaining([
        'cases|team:tooEarly',
        'execution:executionPaused',
        'decision:decisionsMissing',
        'committee:quorumNotMet',
        'team:alreadyOnTeam',
        'evidence:fileTooLarge',
        ':duplicateEmail',
        'cases|team:victimRequired',
        ':passwordLength',
        'holidays:builtInHoliday',
        'cases|team:unknownSchool',
        'cases|team:confirmRequired',
      ]),
    );
    expect(names).not.toContain('cases|team:investigating');
    expect(names).not.toContain('takedowns:reuploaded');
  });

  for (const locale of ['ko', 'en'] as const) {
    it(`every error key a form can receive has a message in ${locale}`, () => {
      const t = lookup(locale);
      const missing = keys
        .filter(({ key, areas }) => areas.every((area) => resolveErrorMessage(key, area, t) === key))
        .map(({ key, areas, file }) => `${key} (${areas.join(' or ') || 'errors'}, ${file})`);
      expect(missing).toEqual([]);
    });

    it(`an area's own message wins over the generic one in ${locale}`, () => {
      const t = lookup(locale);
      const overlaps = Object.entries(ERROR_AREAS).flatMap(([area, ns]) =>
        Object.keys(namespace(locale, ns))
          .filter((key) => t(`errors.${key}`) !== undefined)
          .map((key) => ({ area: area as ErrorArea, key, specific: t(`${ns}.${key}`)! })),
      );
      expect(overlaps.map((o) => `${o.area}.${o.key}`)).toEqual(
        expect.arrayContaining(
          [
            'required',
            'tooLong',
            'invalidDate',
            'futureDate',
            'tooEarly',
            'victimRequired',
            'categoryRequired',
            'occurredAfterReport',
            'separationCapExceeded',
            'beforeStart',
            'notPerpetrator',
            'invalidNumber',
            'unknownSchool',
          ]
            .map((k) => `cases.${k}`)
            .concat('decision.notPerpetrator'),
        ),
      );
      for (const { area, key, specific } of overlaps) expect(resolveErrorMessage(key, area, t), `${area}.${key}`).toBe(specific);
      expect(resolveErrorMessage('tooEarly', 'cases', t)).not.toBe(t('errors.tooEarly'));
    });
  }

  it('a key no namespace knows is shown as given', () => {
    expect(resolveErrorMessage('Invalid input', 'cases', lookup('en'))).toBe('Invalid input');
    expect(resolveErrorMessage('conflict', 'cases', lookup('en'))).toBe(messages.en.errors.conflict);
  });
});
