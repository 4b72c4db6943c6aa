/**
 * The chain-of-custody report as words and rows, before any PDF
 * or CSV bytes: for the police or a court, what was collected (name, type,
 * size, SHA-256), who touched it when and why, what held it, when it was
 * purged, and where it was found online with the takedown history. Pure (no
 * I/O, no clock), so what the report may say is tested on this model.
 *
 * The category is printed only as `disclosedCategories` allows: the report
 * leaves the case team, and "digital sex offence" would say what the
 * material is.
 */
import { createTranslator } from 'use-intl/core';
import { toCsv } from '@/lib/csv';
import { disclosedCategories } from '@/lib/cases/categories';
import type { NoticeLang } from '@/lib/i18n/config';
import { messages } from '@/lib/i18n/messages';
import type { NoticeModel } from '@/lib/notices/decision-notice';
import { formatKst } from '@/lib/rules/time';
import { COMMON_PLATFORMS } from '@/lib/takedowns/schemas';

export const CUSTODY_FORMATS = ['pdf', 'csv'] as const;
export type CustodyFormat = (typeof CUSTODY_FORMATS)[number];

export type CustodyAction = 'uploaded' | 'marked_sensitive' | 'preview_viewed' | 'original_viewed' | 'downloaded' | 'purged' | 'custody_exported';

export type CustodyFile = {
  id: string;
  fileName: string;
  contentType: string;
  sizeBytes: number;
  sha256: string;
  uploadedByName: string | null;
  uploadedAt: Date;
  /** By its own flag or because the case is restricted. */
  sensitive: boolean;
  purgedAt: Date | null;
};

export type CustodyEntry = {
  evidenceId: string | null;
  action: CustodyAction;
  at: Date;
  actorName: string | null;
  reason: string | null;
  sha256: string | null;
  ip: string | null;
};
export type CustodyHold = { reason: string; setByName: string | null; setAt: Date; releasedByName: string | null; releasedAt: Date | null };
export type CustodyAppeal = { kind: 'administrative_appeal' | 'lawsuit'; filedAt: Date };
export type CustodyLocation = {
  platform: string;
  url: string;
  firstSeenAt: Date;
  firstSeenBy: string;
  recordedByName: string | null;
  recordedAt: Date;
  requests: {
    target: 'dsc' | 'platform' | 'kcsc';
    requestedAt: Date;
    referenceNo: string | null;
    status: string;
    updates: { status: string; at: Date; note: string | null; actorName: string | null }[];
  }[];
};

export type CustodySource = {
  caseNumber: string;
  schoolName: string;
  officeName: string;
  /** As recorded; printed only as `disclosedCategories` allows. */
  categories: readonly string[];
  generatedAt: Date;
  generatedBy: string;
  files: CustodyFile[];
  /** Every custody row of the case, oldest first, this report's own export row included. */
  custody: CustodyEntry[];
  holds: CustodyHold[];
  /** Appeals and lawsuits still pending: the automatic hold. */
  pendingAppeals: CustodyAppeal[];
  locations: CustodyLocation[];
};

/** A KST wall-clock stamp to the second: what a court compares with other logs. */
export const kstStamp = (d: Date) =>
  formatKst(Math.floor(d.getTime() / 1000) * 1000)
    .slice(0, 19)
    .replace('T', ' ');

function translator(lang: NoticeLang) {
  const t = createTranslator({ locale: lang, messages: messages[lang] });
  const r = (key: string, values?: Record<string, string | number>) => t(`retention.report.${key}` as never, values as never);
  const platform = (p: string) => ((COMMON_PLATFORMS as readonly string[]).includes(p) && p !== 'other' ? t(`takedowns.platforms.${p}` as never) : p);
  const status = (s: string) => t(`takedowns.status.${s}` as never);
  return {
    r,
    platform,
    status,
    target: (target: string) => t(`takedowns.target.${target}` as never),
    appealKind: (k: CustodyAppeal['kind']) => t(`execution.appeals.kinds.${k}` as never),
    categories: (cs: readonly string[]) =>
      disclosedCategories(cs)
        .map((c) => t(`vocab.category.${c}` as never))
        .join(', '),
    actor: (name: string | null) => name ?? r('system'),
    yesNo: (v: boolean) => r(v ? 'yes' : 'no'),
  };
}

/** The report as the notice renderer lays it out: one section per file with its custody, then holds and takedowns. */
export function custodyReportModel(source: CustodySource, lang: NoticeLang): NoticeModel {
  const tr = translator(lang);
  const { r } = tr;
  const custodyLine = (e: CustodyEntry) =>
    [
      r('custodyLine', { at: kstStamp(e.at), action: r(`action.${e.action}`), actor: tr.actor(e.actorName) }),
      e.reason ? r('reasonPart', { reason: e.reason }) : null,
      e.ip ? r('ipPart', { ip: e.ip }) : null,
    ]
      .filter(Boolean)
      .join(' · ');

  const fileSections = source.files.map((f, i) => ({
    heading: r('fileHeading', { n: i + 1, name: f.fileName }),
    lines: [
      r('fileType', { type: f.contentType, size: f.sizeBytes }),
      r('sha256', { hash: f.sha256 }),
      r('uploaded', { at: kstStamp(f.uploadedAt), name: tr.actor(f.uploadedByName) }),
      r('sensitive', { value: tr.yesNo(f.sensitive) }),
      f.purgedAt ? r('purgedAt', { at: kstStamp(f.purgedAt) }) : r('stored'),
      ...source.custody.filter((e) => e.evidenceId === f.id).map(custodyLine),
    ],
  }));
  const caseLines = source.custody.filter((e) => e.evidenceId === null).map(custodyLine);

  const holdLines = [
    ...source.pendingAppeals.map((a) => r('holdAuto', { kind: tr.appealKind(a.kind), date: kstStamp(a.filedAt) })),
    ...source.holds.map((h) =>
      [
        r('holdSet', { at: kstStamp(h.setAt), name: tr.actor(h.setByName), reason: h.reason }),
        h.releasedAt ? r('holdReleased', { at: kstStamp(h.releasedAt), name: tr.actor(h.releasedByName) }) : r('holdActive'),
      ].join(' · '),
    ),
  ];

  const takedownLines = source.locations.flatMap((l) => [
    r('location', { platform: tr.platform(l.platform), url: l.url }),
    r('locationSeen', { at: kstStamp(l.firstSeenAt), by: l.firstSeenBy, name: tr.actor(l.recordedByName), recordedAt: kstStamp(l.recordedAt) }),
    ...l.requests.flatMap((q) => [
      r('request', { target: tr.target(q.target), at: kstStamp(q.requestedAt), ref: q.referenceNo ?? r('noReference'), status: tr.status(q.status) }),
      ...q.updates.map((u) =>
        [r('update', { at: kstStamp(u.at), status: tr.status(u.status), actor: tr.actor(u.actorName) }), u.note ? r('notePart', { note: u.note }) : null]
          .filter(Boolean)
          .join(' · '),
      ),
    ]),
  ]);
  const orNone = (lines: string[]) => (lines.length ? lines : [r('none')]);

  return {
    lang,
    title: r('title'),
    meta: [
      { label: r('caseNumber'), value: source.caseNumber },
      { label: r('school'), value: source.schoolName },
      { label: r('office'), value: source.officeName },
      { label: r('category'), value: tr.categories(source.categories) },
      { label: r('generatedAt'), value: `${kstStamp(source.generatedAt)} KST` },
      { label: r('generatedBy'), value: source.generatedBy },
      { label: r('fileCount'), value: r('files', { count: source.files.length }) },
    ],
    intro: r('intro'),
    sections: [
      ...fileSections,
      { heading: r('caseEvents'), lines: orNone(caseLines) },
      { heading: r('holds'), lines: orNone(holdLines) },
      { heading: r('takedowns'), lines: orNone(takedownLines) },
    ],
    footer: [r('footer')],
    fileName: custodyFileName(source.caseNumber, 'pdf'),
  };
}

type Row = {
  at: Date;
  kind: 'custody' | 'hold' | 'takedown' | 'location';
  event: string;
  file?: CustodyFile;
  sha256?: string | null;
  actor?: string;
  reason?: string | null;
  ip?: string | null;
  platform?: string;
  url?: string;
  target?: string;
  referenceNo?: string | null;
};

/**
 * The report as one CSV row per event, oldest first, each carrying the case
 * and the file it concerns, so a filtered or sorted sheet still says what
 * every row is about. UTF-8 with a BOM and CRLF, so Excel opens it in Korean.
 */
export function custodyReportCsv(source: CustodySource, lang: NoticeLang): string {
  const tr = translator(lang);
  const { r } = tr;
  const c = (key: string, values?: Record<string, string | number>) => r(`csv.${key}`, values);
  const fileOf = new Map(source.files.map((f) => [f.id, f]));

  const rows: Row[] = [
    ...source.custody.map((e): Row => {
      const file = e.evidenceId ? fileOf.get(e.evidenceId) : undefined;
      return {
        at: e.at,
        kind: 'custody',
        event: r(`action.${e.action}`),
        ...(file ? { file } : {}),
        sha256: e.sha256 ?? file?.sha256 ?? null,
        actor: tr.actor(e.actorName),
        reason: e.reason,
        ip: e.ip,
      };
    }),
    ...source.pendingAppeals.map((a): Row => ({ at: a.filedAt, kind: 'hold', event: c('holdAuto', { kind: tr.appealKind(a.kind) }) })),
    ...source.holds.flatMap((h): Row[] => [
      { at: h.setAt, kind: 'hold', event: c('holdSet'), actor: tr.actor(h.setByName), reason: h.reason },
      ...(h.releasedAt ? [{ at: h.releasedAt, kind: 'hold' as const, event: c('holdReleased'), actor: tr.actor(h.releasedByName) }] : []),
    ]),
    ...source.locations.flatMap((l): Row[] => {
      const where = { platform: tr.platform(l.platform), url: l.url };
      return [
        {
          at: l.recordedAt,
          kind: 'location',
          event: c('locationRecorded'),
          actor: tr.actor(l.recordedByName),
          reason: c('firstSeen', { at: kstStamp(l.firstSeenAt), by: l.firstSeenBy }),
          ...where,
        },
        ...l.requests.flatMap((q) =>
          // A request is recorded with its first 'requested' update; one without any still shows as requested.
          (q.updates.length ? q.updates : [{ status: 'requested', at: q.requestedAt, note: null, actorName: null }]).map((u): Row => ({
            at: u.at,
            kind: 'takedown',
            event: tr.status(u.status),
            actor: tr.actor(u.actorName),
            reason: u.note,
            ...where,
            target: tr.target(q.target),
            referenceNo: q.referenceNo,
          })),
        ),
      ];
    }),
  ];
  // Stable: events at the same instant keep the order they were recorded in.
  rows.sort((a, b) => a.at.getTime() - b.at.getTime());

  const category = tr.categories(source.categories);
  const header = [
    'caseNumber',
    'school',
    'category',
    'at',
    'kind',
    'event',
    'file',
    'fileType',
    'size',
    'sha256',
    'sensitive',
    'purgedAt',
    'actor',
    'reason',
    'ip',
    'platform',
    'url',
    'target',
    'referenceNo',
  ].map((k) => c(k));
  return toCsv(
    header,
    rows.map((row) => [
      source.caseNumber,
      source.schoolName,
      category,
      kstStamp(row.at),
      c(`kinds.${row.kind}`),
      row.event,
      row.file?.fileName ?? null,
      row.file?.contentType ?? null,
      row.file?.sizeBytes ?? null,
      row.sha256 ?? null,
      row.file ? tr.yesNo(row.file.sensitive) : null,
      row.file?.purgedAt ? kstStamp(row.file.purgedAt) : null,
      row.actor ?? null,
      row.reason ?? null,
      row.ip ?? null,
      row.platform ?? null,
      row.url ?? null,
      row.target ?? null,
      row.referenceNo ?? null,
    ]),
  );
}

/** ASCII only, for Content-Disposition's fallback name; the case number's office part is Korean. */
export function custodyFileName(caseNumber: string, format: CustodyFormat): string {
  return `custody-report-${caseNumber.replace(/[^A-Za-z0-9-]/g, '')}.${format}`.replace(/-+/g, '-');
}

export const custodyUtf8FileName = (caseNumber: string, format: CustodyFormat) => `${caseNumber}-custody-report.${format}`;
