/**
 * `npm run bench:seed [-- --cases 1000000 --offices 176 --schools 12000 --years 10 --seed 1]`
 *
 * A synthetic nation in a database of its own, `dolbom_bench`, next to
 * DATABASE_URL (the embedded PostgreSQL when it is unset): offices, schools,
 * and cases with their parties, events, decisions, clock snapshots and the
 * audit dashboard's per-case rows, streamed in with COPY. Each case's clocks
 * and dashboard rows are computed by the same pure functions the app uses
 * (lib/rules, lib/audit-dashboard/facts.ts); the rollups (monthly, yearly,
 * by category) are then built from them by `rebuildAuditRollups`.
 *
 * Secondary indexes are dropped for the load and rebuilt afterwards, and
 * foreign-key triggers are skipped (session_replication_role = replica), as
 * any bulk load would; the data are consistent by construction.
 */
import { fork } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import path from 'node:path';
import { Writable } from 'node:stream';
import { drizzle } from 'drizzle-orm/postgres-js';
import postgres from 'postgres';
import { migrateDatabase } from '@/db/migrate';
import { caseFacts, deadlineRows, kstMonthOf } from '@/lib/audit-dashboard/facts';
import { ROLLUP_TABLES } from '@/lib/audit-dashboard/rollup-sql';
import { rebuildAuditRollups } from '@/lib/audit-dashboard/store';
import { hashPassword } from '@/lib/auth/password';
import { env } from '@/lib/env';
import { earliestOpen } from '@/lib/cases/deadlines';
import { encryptField, parseKey, pseudonymFor } from '@/lib/crypto/field';
import { buildCalendar, computeDeadlines, EVENT_TYPES, isSexualCase, kstDateOf, type Calendar, type Deadline, type EventType } from '@/lib/rules';
import { siblingUrl } from '../scripts/lib/test-env';
import { mulberry32, syntheticCase, weighted, type Office, type School } from './synthetic';

export const BENCH_DATABASE = 'dolbom_bench';
export const BENCH_PASSWORD = 'dolbom-bench-2026';
export const BENCH_ADMIN = 'bench-admin@dolbom.bench';
export const BENCH_AUDITOR = 'bench-auditor@dolbom.bench';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

function args() {
  const get = (name: string, fallback: number) => {
    const i = process.argv.indexOf(`--${name}`);
    const v = i >= 0 ? Number(process.argv[i + 1]) : fallback;
    if (!Number.isFinite(v) || v <= 0) throw new Error(`--${name} must be a positive number`);
    return v;
  };
  const str = (name: string) => {
    const i = process.argv.indexOf(`--${name}`);
    return i >= 0 ? process.argv[i + 1] : undefined;
  };
  return {
    cases: get('cases', 1_000_000),
    offices: get('offices', 176),
    schools: get('schools', 12_000),
    years: get('years', 10),
    seed: get('seed', 1),
    /** Processes generating cases side by side (each owns a share of the offices). */
    shards: get('shards', Math.max(1, availableParallelism())),
    shard: str('shard'),
    plan: str('plan'),
  };
}

/** What the parent hands each shard process: the organisations and the time frame. */
type Plan = {
  url: string;
  seed: number;
  now: number;
  startMs: number;
  span: number;
  actorId: string;
  offices: (Office & { name: string; region: string })[];
  schools: (School & { name: string; weight: number })[];
  shards: number;
  cases: number[];
};
type ShardResult = { counters: [string, number][]; maxEventId: number; rows: Record<string, number> };

/** COPY text format: backslash escapes, \N for null. */
function esc(v: string | number | boolean | null | undefined): string {
  if (v === null || v === undefined) return '\\N';
  if (typeof v !== 'string') return String(v);
  return v.replace(/\\/g, '\\\\').replace(/\t/g, '\\t').replace(/\n/g, '\\n').replace(/\r/g, '\\r');
}
const line = (values: (string | number | boolean | null | undefined)[]) => values.map(esc).join('\t') + '\n';
const pgArray = (xs: readonly (string | number)[]) => `{${xs.join(',')}}`;

/** One COPY stream, written in ~1 MB chunks with backpressure. */
class CopyWriter {
  private buffer: string[] = [];
  private size = 0;
  rows = 0;
  private constructor(private readonly stream: Writable) {}

  static async open(sql: postgres.Sql, table: string, columns: readonly string[]): Promise<CopyWriter> {
    const stream = await sql.unsafe(`copy ${table} (${columns.join(', ')}) from stdin`).writable();
    return new CopyWriter(stream);
  }

  async write(text: string) {
    this.buffer.push(text);
    this.size += text.length;
    this.rows++;
    if (this.size > 1_000_000) await this.flush();
  }

  private async flush() {
    if (this.buffer.length === 0) return;
    const chunk = this.buffer.join('');
    this.buffer = [];
    this.size = 0;
    if (!this.stream.write(chunk)) await new Promise<void>((resolve) => this.stream.once('drain', resolve));
  }

  async close() {
    await this.flush();
    await new Promise<void>((resolve, reject) => {
      this.stream.once('finish', resolve);
      this.stream.once('error', reject);
      this.stream.end();
    });
  }
}

const REGIONS = ['서울', '부산', '대구', '인천', '광주', '대전', '울산', '세종', '경기', '강원', '충북', '충남', '전북', '전남', '경북', '경남', '제주'];
const SURNAMES = ['김', '이', '박', '최', '정', '강', '조', '윤', '장', '임', '한', '오', '서', '신', '권', '황', '안', '송', '류', '홍'];
const SYLLABLES = ['민', '서', '지', '하', '윤', '도', '준', '예', '은', '수', '현', '우', '진', '아', '연', '주', '유', '채', '시', '건'];
const LEVELS = [
  ['elementary', 50],
  ['middle', 27],
  ['high', 20],
  ['special', 3],
] as const;
/** Middle schools see the most cases (T1: 17,833 middle vs 7,446 high-school deliberations in 2024). */
const LEVEL_CASE_WEIGHT = { elementary: 0.6, middle: 2.2, high: 1.1, special: 0.3 } as const;

const CONTRACT_EVENTS = new Set<string>(EVENT_TYPES);
const BULK_TABLES = ['cases', 'case_parties', 'case_events', 'decisions', 'victim_measures', 'audit_deadline_results', 'audit_case_facts'];

const logger = (started: number, who: string) => (m: string) =>
  console.info(`[bench:seed${who} ${((Date.now() - started) / 1000).toFixed(0).padStart(5)}s] ${m}`);

async function parent() {
  const opts = args();
  const base = process.env.DATABASE_URL;
  if (!base) throw new Error('DATABASE_URL is not set: run through `npm run bench:seed` (scripts/with-db.ts)');
  if (!process.env.DOLBOM_ENCRYPTION_KEY) throw new Error('DOLBOM_ENCRYPTION_KEY is not set: run through `npm run bench:seed` (scripts/with-db.ts)');
  const url = siblingUrl(base, BENCH_DATABASE);
  const started = Date.now();
  const log = logger(started, '');

  const admin = postgres(base, { max: 1, onnotice: () => {} });
  await admin.unsafe(`drop database if exists "${BENCH_DATABASE}" with (force)`);
  await admin.unsafe(`create database "${BENCH_DATABASE}"`);
  await admin.end();
  await migrateDatabase(url);
  log(`database ${BENCH_DATABASE} migrated; ${opts.cases.toLocaleString()} cases over ${opts.years} years in ${opts.shards} processes`);

  // work_mem: the rollups are built by grouping millions of per-case rows.
  const sql = postgres(url, { max: 4, onnotice: () => {}, connection: { synchronous_commit: 'off', work_mem: '256MB' } });
  const rand = mulberry32(opts.seed);

  // Offices: a few that are never late, a few where most meetings are late (Seoul, Incheon, Sejong >80% in 2024).
  const offices: Plan['offices'] = [];
  for (let i = 0; i < opts.offices; i++) {
    const region = REGIONS[i % REGIONS.length]!;
    const n = Math.floor(i / REGIONS.length) + 1;
    const r = rand();
    const lateness = r < 0.08 ? 0 : r < 0.2 ? 0.8 + rand() * 0.1 : 0.15 + rand() * 0.5;
    offices.push({ id: randomUUID(), name: `${region}제${n}교육지원청`, shortName: `${region}${n}`, region, lateness });
  }
  await sql`insert into offices ${sql(offices.map((o) => ({ id: o.id, name: o.name, short_name: o.shortName, region: o.region })))}`;

  const schools: Plan['schools'] = [];
  for (let i = 0; i < opts.schools; i++) {
    const office = offices[i % offices.length]!;
    const level = weighted(rand, LEVELS);
    const suffix = { elementary: '초등학교', middle: '중학교', high: '고등학교', special: '특수학교' }[level];
    const weight = LEVEL_CASE_WEIGHT[level] * (0.3 + rand() * 1.4);
    schools.push({
      id: randomUUID(),
      officeId: office.id,
      level,
      students: level === 'special' ? 80 : 500,
      weight,
      name: `${office.shortName} 제${Math.floor(i / offices.length) + 1}${suffix}`,
    });
  }
  for (let i = 0; i < schools.length; i += 2000) {
    await sql`insert into schools ${sql(schools.slice(i, i + 2000).map((s) => ({ id: s.id, office_id: s.officeId, name: s.name, level: s.level })))}`;
  }

  // The benchmark's own accounts: an admin (every office) and an auditor of the first office.
  const passwordHash = await hashPassword(BENCH_PASSWORD);
  const [creator] = await sql<
    { id: string }[]
  >`insert into users (email, name, password_hash) values ('bench-staff@dolbom.bench', '벤치 교사', ${passwordHash}) returning id`;
  const [benchAdmin] = await sql<
    { id: string }[]
  >`insert into users (email, name, password_hash) values (${BENCH_ADMIN}, '벤치 관리자', ${passwordHash}) returning id`;
  const [benchAuditor] = await sql<
    { id: string }[]
  >`insert into users (email, name, password_hash) values (${BENCH_AUDITOR}, '벤치 감사', ${passwordHash}) returning id`;
  await sql`insert into role_grants (user_id, role) values (${benchAdmin!.id}, 'admin')`;
  await sql`insert into role_grants (user_id, role, office_id) values (${benchAuditor!.id}, 'office_auditor', ${offices[0]!.id})`;

  // Secondary indexes off for the load.
  const indexes = await sql<{ indexname: string; indexdef: string }[]>`
    select indexname, indexdef from pg_indexes
    where schemaname = 'public' and tablename in ${sql(BULK_TABLES)}
      and indexname not in (select conname from pg_constraint)`;
  for (const ix of indexes) await sql.unsafe(`drop index "${ix.indexname}"`);

  // Each shard owns every K-th office and gets cases in proportion to its schools' weights.
  const shardWeight = new Array<number>(opts.shards).fill(0);
  const officeShard = new Map(offices.map((o, i) => [o.id, i % opts.shards]));
  for (const s of schools) shardWeight[officeShard.get(s.officeId)!]! += s.weight;
  const total = shardWeight.reduce((a, b) => a + b, 0);
  const cases = shardWeight.map((w) => Math.round((opts.cases * w) / total));
  cases[0]! += opts.cases - cases.reduce((a, b) => a + b, 0);
  const now = Date.now();
  const span = opts.years * 365.25 * DAY;
  const plan: Plan = { url, seed: opts.seed, now, startMs: now - span, span, actorId: creator!.id, offices, schools, shards: opts.shards, cases };
  const planFile = path.join(tmpdir(), `dolbom-bench-plan-${process.pid}.json`);
  writeFileSync(planFile, JSON.stringify(plan));

  const results = await Promise.all(
    cases.map(
      (_, k) =>
        new Promise<ShardResult>((resolve, reject) => {
          const resultFile = `${planFile}.${k}.result.json`;
          const child = fork(__filename, ['--plan', planFile, '--shard', String(k)], { execArgv: process.execArgv, stdio: 'inherit' });
          child.on('exit', (code) =>
            code === 0 ? resolve(JSON.parse(readFileSync(resultFile, 'utf8')) as ShardResult) : reject(new Error(`shard ${k} exited with ${code}`)),
          );
        }),
    ),
  );
  const sum = (k: string) => results.reduce((n, r) => n + (r.rows[k] ?? 0), 0).toLocaleString();
  log(`loaded: ${sum('cases')} cases, ${sum('parties')} parties, ${sum('events')} events, ${sum('decisions')} decisions, ${sum('deadlines')} clock rows`);

  await sql`select setval('case_events_id_seq', ${Math.max(...results.map((r) => r.maxEventId))})`;
  const counterRows = results
    .flatMap((r) => r.counters)
    .map(([k, lastSeq]) => ({ office_id: k.split(':')[0]!, year: Number(k.split(':')[1]), last_seq: lastSeq }));
  for (let i = 0; i < counterRows.length; i += 2000) await sql`insert into case_counters ${sql(counterRows.slice(i, i + 2000))}`;

  await sql`set maintenance_work_mem = '512MB'`;
  for (const ix of indexes) await sql.unsafe(ix.indexdef);
  log(`rebuilt ${indexes.length} secondary indexes`);
  await rebuildAuditRollups(drizzle(sql));
  log(`${ROLLUP_TABLES.length} rollups built`);
  await sql.unsafe('vacuum analyze');
  log('vacuum analyze done');
  const size = (tables: readonly string[]) => tables.map((t) => `pg_total_relation_size('${t}')`).join(' + ');
  const [sizes] = await sql.unsafe<{ db: string; rows: string; facts: string; rollups: string; months: string; years: string; categories: string }[]>(`
    select pg_size_pretty(pg_database_size(current_database())) as db,
      pg_size_pretty(pg_total_relation_size('audit_deadline_results')) as rows,
      pg_size_pretty(pg_total_relation_size('audit_case_facts')) as facts,
      pg_size_pretty(${size(ROLLUP_TABLES)}) as rollups,
      pg_size_pretty(${size(ROLLUP_TABLES.filter((t) => t.endsWith('_months') && !t.includes('_category_')))}) as months,
      pg_size_pretty(${size(ROLLUP_TABLES.filter((t) => t.endsWith('_years') || t.endsWith('_totals')))}) as years,
      pg_size_pretty(${size(ROLLUP_TABLES.filter((t) => t.includes('_category_')))}) as categories`);
  log(
    `done: database ${sizes!.db}; clock rows ${sizes!.rows}, case facts ${sizes!.facts}, rollups ${sizes!.rollups} (monthly ${sizes!.months}, yearly and totals ${sizes!.years}, by category ${sizes!.categories})`,
  );
  console.info(`[bench:seed] sign in as ${BENCH_ADMIN} or ${BENCH_AUDITOR} with ${BENCH_PASSWORD}`);
  await sql.end();
}

/** One shard: its offices' cases, oldest first, streamed into the tables with COPY. */
async function shard(planFile: string, k: number) {
  const plan = JSON.parse(readFileSync(planFile, 'utf8')) as Plan;
  const rawKey = env().DOLBOM_ENCRYPTION_KEY;
  if (!rawKey) throw new Error('DOLBOM_ENCRYPTION_KEY is not set: run through npm run bench:seed');
  const key = parseKey(rawKey);
  const log = logger(Date.now(), ` #${k}`);
  const rand = mulberry32(plan.seed * 1000 + k + 1);
  const count = plan.cases[k]!;
  const now = plan.now;
  const actorId = plan.actorId;
  const bulk = postgres(plan.url, { max: 8, onnotice: () => {}, connection: { synchronous_commit: 'off', session_replication_role: 'replica' } });
  const officeById = new Map(plan.offices.map((o) => [o.id, o]));
  const mine = new Set(plan.offices.filter((_, i) => i % plan.shards === k).map((o) => o.id));
  const schools = plan.schools.filter((s) => mine.has(s.officeId));

  // Report instants, oldest first, growing over the years as reporting did (8,357 deliberations in 2020, ~20,000 in 2022).
  const times = new Float64Array(count);
  for (let i = 0; i < count; i++) {
    // Density rising linearly from 0.35 to 1 across the span: x solves ((1-a)/2)x² + ax = u(a + (1-a)/2).
    const u = rand();
    const a = 0.35;
    const x = (-a + Math.sqrt(a * a + 2 * (1 - a) * u * (a + (1 - a) / 2))) / (1 - a);
    const t = plan.startMs + Math.min(1, Math.max(0, x)) * plan.span;
    const day = Math.floor((t + 9 * HOUR) / DAY);
    times[i] = Math.min(now - HOUR, day * DAY - 9 * HOUR + (8 + rand() * 9) * HOUR);
  }
  times.sort();

  const cumulative = new Float64Array(schools.length);
  schools.reduce((acc, s, i) => (cumulative[i] = acc + s.weight), 0);
  const totalWeight = cumulative[cumulative.length - 1]!;
  const pickSchool = () => {
    const x = rand() * totalWeight;
    let lo = 0;
    let hi = cumulative.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (cumulative[mid]! < x) lo = mid + 1;
      else hi = mid;
    }
    return schools[lo]!;
  };
  const calendars = new Map<number, Calendar>();
  const calendarFor = (year: number) => {
    let c = calendars.get(year);
    if (!c) calendars.set(year, (c = buildCalendar([], { from: year - 1, to: year + 2 })));
    return c;
  };

  const writers = {
    cases: await CopyWriter.open(bulk, 'cases', [
      'id',
      'case_number',
      'office_id',
      'school_id',
      'year',
      'seq',
      'status',
      'reported_at',
      'occurred_at',
      'location',
      'learned_via',
      'reporter_type',
      'categories',
      'summary_enc',
      'restricted',
      'created_by',
      'idempotency_key',
      'created_at',
      'updated_at',
      'version',
      'deadlines',
      'next_due_at',
      'next_due_key',
      'closed_at',
    ]),
    parties: await CopyWriter.open(bulk, 'case_parties', [
      'id',
      'case_id',
      'role',
      'name_enc',
      'pseudonym',
      'school_id',
      'grade',
      'class_no',
      'birth_date_enc',
      'position',
    ]),
    events: await CopyWriter.open(bulk, 'case_events', ['id', 'case_id', 'type', 'occurred_at', 'recorded_at', 'actor_id', 'data']),
    decisions: await CopyWriter.open(bulk, 'decisions', [
      'id',
      'case_id',
      'perpetrator_party_id',
      'not_school_violence',
      'rubric',
      'recommendation',
      'measures',
      'differs_from_recommendation',
      'emergency_ratification',
      'version',
      'decided_by',
      'decided_at',
      'updated_at',
    ]),
    victimMeasures: await CopyWriter.open(bulk, 'victim_measures', ['id', 'case_id', 'victim_party_id', 'measures', 'decided_at']),
    deadlines: await CopyWriter.open(bulk, 'audit_deadline_results', [
      'case_id',
      'key',
      'office_id',
      'school_id',
      'school_level',
      'categories',
      'reported_at',
      'reported_month',
      'trigger_at',
      'due_at',
      'met_at',
      'status',
      'extended_by',
      'elapsed_hours',
      'case_closed',
    ]),
    facts: null as CopyWriter | null,
  };
  let factColumns: string[] | null = null;

  // Event ids interleave across shards (k+1, k+1+K, …) so they never collide.
  let eventId = k + 1 - plan.shards;
  const nextEventId = () => (eventId += plan.shards);
  const counters = new Map<string, number>();
  const ts = (d: Date | number) => new Date(d).toISOString();

  for (let i = 0; i < count; i++) {
    const school = pickSchool();
    const office = officeById.get(school.officeId)!;
    const c = syntheticCase(rand, school, office, times[i]!, nextEventId, now);
    const reportedIso = c.reportedAt.toISOString();
    const year = Number(kstDateOf(reportedIso).slice(0, 4));
    const counterKey = `${office.id}:${year}`;
    const seq = (counters.get(counterKey) ?? 0) + 1;
    counters.set(counterKey, seq);
    const lastEvent = c.events.at(-1)!.occurredAt.getTime();
    const asOf = new Date(Math.min(now, lastEvent + 10 * 60_000));

    const deadlines: Deadline[] = computeDeadlines({
      jurisdiction: 'KR',
      reportedAt: reportedIso,
      categories: c.categories,
      events: c.events.filter((e) => CONTRACT_EVENTS.has(e.type)).map((e) => ({ type: e.type as EventType, at: e.occurredAt.toISOString(), data: e.data })),
      now: asOf.toISOString(),
      calendar: calendarFor(year),
    });
    const next = c.status === 'closed' ? null : earliestOpen(deadlines);
    await writers.cases.write(
      line([
        c.id,
        `${office.shortName}-${year}-${String(seq).padStart(4, '0')}`,
        office.id,
        school.id,
        year,
        seq,
        c.status,
        reportedIso,
        ts(c.reportedAt.getTime() - 2 * HOUR),
        '교내',
        'direct_report',
        'student',
        pgArray(c.categories),
        encryptField(key, '합성 사안 요약'),
        isSexualCase(c.categories),
        actorId,
        randomUUID(),
        reportedIso,
        ts(asOf),
        c.events.length,
        JSON.stringify(deadlines),
        next ? ts(next.dueAt) : null,
        next?.key ?? null,
        c.closedAt ? ts(c.closedAt) : null,
      ]),
    );
    for (const [position, p] of c.parties.entries()) {
      const name = `${SURNAMES[(p.student * 7 + school.students) % SURNAMES.length]}${SYLLABLES[p.student % SYLLABLES.length]}${SYLLABLES[Math.floor(p.student / SYLLABLES.length) % SYLLABLES.length]}`;
      const birthDate = `20${String(8 + (p.student % 10)).padStart(2, '0')}-0${1 + (p.student % 9)}-1${p.student % 10}`;
      await writers.parties.write(
        line([
          p.id,
          c.id,
          p.role,
          encryptField(key, name),
          pseudonymFor(key, { name, birthDate, school: school.id }),
          school.id,
          1 + (p.student % 6),
          String(1 + (p.student % 8)),
          encryptField(key, birthDate),
          position,
        ]),
      );
    }
    for (const e of c.events)
      await writers.events.write(line([e.id, c.id, e.type, ts(e.occurredAt), ts(e.occurredAt.getTime() + 7 * 60_000), actorId, JSON.stringify(e.data)]));
    for (const d of c.decisions) {
      await writers.decisions.write(
        line([
          d.id,
          c.id,
          d.perpetratorPartyId,
          d.notSchoolViolence,
          '{}',
          '{}',
          JSON.stringify(d.measures.map((measure) => ({ measure }))),
          false,
          d.ratification ? JSON.stringify(d.ratification) : null,
          1,
          actorId,
          ts(d.at),
          ts(d.at),
        ]),
      );
    }
    for (const v of c.victimMeasures) await writers.victimMeasures.write(line([v.id, c.id, v.victimPartyId, pgArray(v.measures), ts(v.at)]));

    const common = {
      office: office.id,
      school: school.id,
      level: school.level,
      categories: pgArray(c.categories),
      reported: reportedIso,
      month: kstMonthOf(c.reportedAt),
      closed: c.status === 'closed',
    };
    for (const r of deadlineRows(deadlines)) {
      await writers.deadlines.write(
        line([
          c.id,
          r.key,
          common.office,
          common.school,
          common.level,
          common.categories,
          common.reported,
          common.month,
          r.triggerAt,
          r.dueAt,
          r.metAt,
          r.status,
          r.extendedBy,
          r.elapsedHours,
          common.closed,
        ]),
      );
    }
    const facts = caseFacts({
      reportedAt: c.reportedAt,
      categories: c.categories,
      events: c.events,
      deadlines,
      decisions: c.decisions.map((d) => ({ measures: d.measures, notSchoolViolence: d.notSchoolViolence, ratification: d.ratification })),
      victimMeasures: c.victimMeasures.map((v) => v.measures),
      now: asOf,
    });
    if (!writers.facts) {
      factColumns = Object.keys(facts.counts);
      writers.facts = await CopyWriter.open(bulk, 'audit_case_facts', [
        'case_id',
        'office_id',
        'school_id',
        'school_level',
        'categories',
        'reported_at',
        'reported_month',
        'case_closed',
        'gap_open',
        'gap_accrue_from',
        ...factColumns.map((f) => `"${f}"`),
      ]);
    }
    await writers.facts.write(
      line([
        c.id,
        common.office,
        common.school,
        common.level,
        common.categories,
        common.reported,
        common.month,
        common.closed,
        facts.gapOpen,
        facts.gapAccrueFrom,
        ...factColumns!.map((f) => facts.counts[f as keyof typeof facts.counts]),
      ]),
    );

    if ((i + 1) % 50_000 === 0) log(`${(i + 1).toLocaleString()} of ${count.toLocaleString()} cases`);
  }
  for (const w of Object.values(writers)) await w?.close();
  const result: ShardResult = {
    counters: [...counters],
    maxEventId: Math.max(0, eventId),
    rows: {
      cases: writers.cases.rows,
      parties: writers.parties.rows,
      events: writers.events.rows,
      decisions: writers.decisions.rows,
      deadlines: writers.deadlines.rows,
    },
  };
  writeFileSync(`${planFile}.${k}.result.json`, JSON.stringify(result));
  log(`${count.toLocaleString()} cases written`);
  await bulk.end();
}

async function main() {
  const opts = args();
  if (opts.plan && opts.shard !== undefined) await shard(opts.plan, Number(opts.shard));
  else await parent();
}

if (require.main === module) {
  main().catch((e) => {
    console.error(e);
    process.exit(1);
  });
}
