/**
 * `npm run bench:dashboard [-- --runs 40 --only <scenario text> --server-dir <a built checkout> --port 3210 --skip-http]`
 *
 * Times the audit dashboard over the `dolbom_bench` database (`npm run
 * bench:seed`): each main query as the app runs it (lib/audit-dashboard
 * through drizzle), the page's whole data load, and — when a production
 * build is found (`.next/BUILD_ID` in --server-dir, default this checkout) —
 * the page's server response over HTTP, signed in. In the same run it times
 * hand-written SQL for the same numbers through postgres.js alone, checks
 * that both give the same numbers, and prints p50, p95 and the ratio.
 *
 * The hand-written SQL reads the same precomputed tables: they are part of
 * the schema, so a person writing the SQL by hand would use them too. The
 * ratio is therefore the cost of the app's own layer (drizzle, parameter
 * handling, shaping the results) over the best plain SQL.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import postgres from 'postgres';
import { siblingUrl } from '../scripts/lib/test-env';
import { BENCH_ADMIN, BENCH_AUDITOR, BENCH_DATABASE, BENCH_PASSWORD } from './seed';

type Stats = { p50: number; p95: number; runs: number };
type Row = { scenario: string; measure: string; app: Stats; hand: Stats | null; same: boolean | null };

function arg(name: string, fallback: string): string {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? (process.argv[i + 1] ?? fallback) : fallback;
}

function stats(samples: number[]): Stats {
  const s = [...samples].sort((a, b) => a - b);
  const at = (p: number) => s[Math.min(s.length - 1, Math.ceil(p * s.length) - 1)]!;
  return { p50: at(0.5), p95: at(0.95), runs: s.length };
}

async function time(runs: number, fn: () => Promise<unknown>): Promise<Stats> {
  for (let i = 0; i < 3; i++) await fn();
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    await fn();
    samples.push(performance.now() - t);
  }
  return stats(samples);
}

/** A result as a sorted list of its non-zero numbers, so the app's shaped results and the hand-written rows compare. */
function numbers(values: readonly (number | string | null | undefined)[]): string {
  return values
    .map((v) => (v === null || v === undefined ? 0 : Number(v)))
    .filter((v) => v !== 0 && Number.isFinite(v))
    .map((v) => (Number.isInteger(v) ? String(v) : v.toFixed(6)))
    .sort()
    .join(',');
}
type Tally = { clocks: number; met: number; metLate: number; unmet: number; pastDue: number; breachedOpen: number };
const tallyNumbers = (t: Tally) => [t.clocks, t.met, t.metLate, t.unmet, t.pastDue, t.breachedOpen];
type HandRow = Record<string, unknown>;
const col = (r: HandRow, ...names: string[]) => names.map((n) => r[n] as number | string | null);

/** The hand-written clock sums and pending clocks as tallies per key, office and month (past due: unmet less pending). */
function handTallies(sums: HandRow[], pending: HandRow[]): Tally[] {
  const groups = new Map<string, Tally>();
  const group = (r: HandRow) =>
    Number(r.gk) === 0 ? `k:${String(r.key)}` : Number(r.go) === 0 ? `o:${String(r.office_id)}` : `m:${String(r.month ?? r.reported_month)}`;
  const get = (id: string) => groups.get(id) ?? groups.set(id, { clocks: 0, met: 0, metLate: 0, unmet: 0, pastDue: 0, breachedOpen: 0 }).get(id)!;
  for (const r of sums) {
    const t = get(group(r));
    const [c, m, ml, u, uo] = (Number(r.gk) === 0 ? col(r, 'c', 'm', 'ml', 'u', 'uo') : col(r, 'tc', 'tm', 'tml', 'tu', 'tuo')).map(Number) as [
      number,
      number,
      number,
      number,
      number,
    ];
    Object.assign(t, {
      clocks: t.clocks + c,
      met: t.met + m,
      metLate: t.metLate + ml,
      unmet: t.unmet + u,
      pastDue: t.pastDue + u,
      breachedOpen: t.breachedOpen + uo,
    });
  }
  for (const r of pending) {
    const t = get(group(r));
    const [p, po] = (Number(r.gk) === 0 ? col(r, 'p', 'po') : col(r, 'tp', 'tpo')).map(Number) as [number, number];
    Object.assign(t, { pastDue: t.pastDue - p, breachedOpen: t.breachedOpen - po });
  }
  return [...groups.values()];
}

async function main() {
  const base = process.env.DATABASE_URL;
  if (!base) throw new Error('DATABASE_URL is not set: run through `npm run bench:dashboard` (scripts/with-db.ts)');
  const url = siblingUrl(base, BENCH_DATABASE);
  // The app's own client reads DATABASE_URL on first use: point it at the benchmark database before loading it.
  process.env.DATABASE_URL = url;
  const runs = Number(arg('runs', '40'));
  const serverDir = path.resolve(arg('server-dir', process.cwd()));
  const port = Number(arg('port', '3210'));

  const { db, closeDb } = await import('@/db/client');
  const { loadActor } = await import('@/db/queries/actors');
  const { parseDashboardQuery } = await import('@/lib/audit-dashboard/filters');
  const { resolveScope } = await import('@/lib/audit-dashboard/scope');
  const q = await import('@/lib/audit-dashboard/queries');
  const { kstDateOf } = await import('@/lib/rules');
  const hand = await import('./hand-written');

  const sql = postgres(url, { max: 10, onnotice: () => {} });
  const [counts] = await sql<
    { cases: number; clocks: number }[]
  >`select (select count(*) from cases)::int as cases, (select count(*) from audit_deadline_results)::int as clocks`;
  if (!counts || counts.cases === 0) throw new Error(`${BENCH_DATABASE} is empty: run \`npm run bench:seed\` first`);
  console.info(
    `[bench:dashboard] ${BENCH_DATABASE}: ${counts.cases.toLocaleString()} cases, ${counts.clocks.toLocaleString()} clock rows; ${runs} runs per measure after 3 warm-ups`,
  );

  const userId = async (email: string) => (await sql<{ id: string }[]>`select id from users where email = ${email}`)[0]!.id;
  const admin = (await loadActor(db, await userId(BENCH_ADMIN)))!;
  const auditor = (await loadActor(db, await userId(BENCH_AUDITOR)))!;
  const [busiest] = await sql<{ school_id: string }[]>`select school_id from audit_case_facts group by 1 order by count(*) desc limit 1`;
  const now = new Date();
  const today = kstDateOf(now.toISOString());
  const tenYears = `${Number(today.slice(0, 4)) - 10}-${today.slice(5, 7)}`;

  const scenarios: { name: string; actor: typeof admin; params: Record<string, string | string[]> }[] = [
    { name: 'national, last 12 months (admin)', actor: admin, params: {} },
    { name: 'one office, last 12 months (auditor)', actor: auditor, params: {} },
    { name: 'national, middle schools', actor: admin, params: { level: 'middle' } },
    { name: 'national, committee-meeting tables', actor: admin, params: { tkey: 'committee_meeting' } },
    { name: 'national, category physical (category rollups)', actor: admin, params: { cat: 'physical' } },
    { name: 'one office, category physical (auditor)', actor: auditor, params: { cat: 'physical' } },
    { name: 'national, two categories (per-case rows)', actor: admin, params: { cat: ['physical', 'verbal'] } },
    { name: 'one school, last 12 months', actor: admin, params: { school: busiest!.school_id } },
    { name: 'national, ten years', actor: admin, params: { from: tenYears } },
    { name: 'one office, ten years (auditor)', actor: auditor, params: { from: tenYears } },
  ];

  const only = arg('only', '');
  const rows: Row[] = [];
  for (const s of scenarios.filter((x) => x.name.includes(only))) {
    const query = parseDashboardQuery(s.params, now);
    const resolved = await resolveScope(db, s.actor, query);
    const scope = resolved.scope;
    const names = new Map(resolved.offices.map((o) => [o.id, o.shortName]));
    const measures: { name: string; app: () => Promise<unknown>; hand: () => Promise<unknown>; same?: () => Promise<boolean> }[] = [
      {
        name: 'clock tallies',
        app: () => q.clockTallies(db, scope, query.tableKey, now),
        hand: () => hand.clockTallies(sql, scope, query.tableKey, now),
        same: async () => {
          const a = await q.clockTallies(db, scope, query.tableKey, now);
          const h = await hand.clockTallies(sql, scope, query.tableKey, now);
          return (
            numbers([...a.byKey.values(), ...a.byOffice.values(), ...a.byMonth.values()].flatMap(tallyNumbers)) ===
            numbers(handTallies(h.sums as HandRow[], h.pending as HandRow[]).flatMap(tallyNumbers))
          );
        },
      },
      {
        name: 'elapsed percentiles',
        app: () => q.elapsedPercentiles(db, scope),
        hand: () => hand.elapsedPercentiles(sql, scope),
        same: async () =>
          numbers([...(await q.elapsedPercentiles(db, scope)).values()].flatMap((p) => [p.median, p.p90])) ===
          numbers(((await hand.elapsedPercentiles(sql, scope)) as HandRow[]).map((r) => r.value as number)),
      },
      {
        name: 'school table (page 1)',
        app: () => q.schoolTable(db, scope, query, now),
        hand: () => hand.schoolTable(sql, scope, query.tableKey, now),
        same: async () => {
          const a = await q.schoolTable(db, scope, query, now);
          const h = (await hand.schoolTable(sql, scope, query.tableKey, now)) as HandRow[];
          return (
            numbers([a.total, ...a.rows.flatMap((r) => [...tallyNumbers(r.figures), r.figures.lateShare])]) ===
            numbers([h[0]?.total as number, ...h.flatMap((r) => col(r, 'clocks', 'met', 'met_late', 'unmet', 'pd', 'bo', 'late_share'))])
          );
        },
      },
      {
        name: 'statistics sums',
        app: () => q.factSums(db, scope),
        hand: () => hand.factSums(sql, scope),
        same: async () =>
          numbers([...(await q.factSums(db, scope)).values()].flatMap((v) => Object.values(v))) ===
          numbers(((await hand.factSums(sql, scope)) as HandRow[]).flatMap((r) => Object.values(r).filter((v): v is number => typeof v === 'number'))),
      },
      {
        name: 'open protection gaps',
        app: () => q.openGaps(db, scope, today),
        hand: () => hand.openGaps(sql, scope, today),
        same: async () =>
          numbers(Object.values(await q.openGaps(db, scope, today))) ===
          numbers(((await hand.openGaps(sql, scope, today)) as HandRow[]).flatMap((r) => col(r, 'new_cases', 'days'))),
      },
      {
        name: 'whole page data (scope + all queries)',
        app: async () => {
          const r = await resolveScope(db, s.actor, query);
          return q.loadDashboard(db, r.scope, query, names, now, today);
        },
        hand: () => hand.wholePage(sql, s.actor, query, now, today),
      },
    ];
    for (const m of measures) {
      const same = m.same ? await m.same() : null;
      const app = await time(runs, m.app);
      const handStats = await time(runs, m.hand);
      rows.push({ scenario: s.name, measure: m.name, app, hand: handStats, same });
      console.info(
        `  ${s.name} / ${m.name}: app p50 ${app.p50.toFixed(1)} p95 ${app.p95.toFixed(1)} ms; hand p50 ${handStats.p50.toFixed(1)} p95 ${handStats.p95.toFixed(1)} ms${same === false ? '  ✗ DIFFERENT NUMBERS' : ''}`,
      );
    }
  }

  // The page over HTTP: a production build of the app on the benchmark database, signed in.
  const http: Row[] = [];
  if (existsSync(path.join(serverDir, '.next', 'BUILD_ID')) && process.argv.indexOf('--skip-http') < 0) {
    const server = await startServer(serverDir, port, url);
    try {
      for (const [who, email] of [
        ['admin', BENCH_ADMIN],
        ['auditor', BENCH_AUDITOR],
      ] as const) {
        const cookie = await signIn(port, email);
        for (const [label, search] of [
          ['national or own office, last 12 months', ''],
          ['same, committee-meeting tables', '?tkey=committee_meeting'],
        ] as const) {
          const get = async () => {
            const res = await fetch(`http://127.0.0.1:${port}/audit${search}`, { headers: { cookie }, redirect: 'manual' });
            if (res.status !== 200) throw new Error(`/audit${search} answered ${res.status}`);
            await res.text();
          };
          const app = await time(Math.min(runs, 30), get);
          http.push({ scenario: `${who}: ${label}`, measure: 'GET /audit (full response)', app, hand: null, same: null });
          console.info(`  HTTP ${who} ${label}: p50 ${app.p50.toFixed(1)} p95 ${app.p95.toFixed(1)} ms`);
        }
      }
    } finally {
      server.kill('SIGTERM');
    }
  } else {
    console.info(`  (no production build in ${serverDir}: the HTTP measure is skipped; build one and pass --server-dir)`);
  }

  const fmt = (n: number) => n.toFixed(1).padStart(8);
  console.info('\nscenario | measure | app p50 | app p95 | hand p50 | hand p95 | ratio p50 | ratio p95 | same numbers');
  for (const r of [...rows, ...http]) {
    const ratio = (a: number, b: number | undefined) => (b ? (a / b).toFixed(2).padStart(5) : '    –');
    console.info(
      `${r.scenario} | ${r.measure} | ${fmt(r.app.p50)} | ${fmt(r.app.p95)} | ${r.hand ? fmt(r.hand.p50) : '       –'} | ${r.hand ? fmt(r.hand.p95) : '       –'} | ${ratio(r.app.p50, r.hand?.p50)} | ${ratio(r.app.p95, r.hand?.p95)} | ${r.same === null ? '–' : r.same ? 'yes' : 'NO'}`,
    );
  }
  const page = rows.filter((r) => r.measure.startsWith('whole'));
  const worst = Math.max(...page.map((r) => r.app.p95));
  const worstRatio = Math.max(...page.map((r) => r.app.p95 / r.hand!.p95));
  const worstHttp = http.length ? Math.max(...http.map((r) => r.app.p95)) : null;
  console.info(
    `\nworst page-data p95 ${worst.toFixed(1)} ms (target < 300), worst ratio p95 ${worstRatio.toFixed(2)} (target ≤ 1.25)${worstHttp === null ? '' : `, worst HTTP p95 ${worstHttp.toFixed(1)} ms`}`,
  );
  mkdirSync(path.join(process.cwd(), 'bench', 'out'), { recursive: true });
  const out = path.join(process.cwd(), 'bench', 'out', `dashboard-${new Date().toISOString().replace(/[:.]/g, '-')}.json`);
  writeFileSync(out, JSON.stringify({ cases: counts.cases, clocks: counts.clocks, runs, rows, http }, null, 2));
  console.info(`[bench:dashboard] written ${path.relative(process.cwd(), out)}`);
  await sql.end();
  await closeDb();
}

async function startServer(dir: string, port: number, url: string): Promise<ChildProcess> {
  const child = spawn(path.join(dir, 'node_modules', '.bin', 'next'), ['start', '-H', '127.0.0.1', '-p', String(port)], {
    cwd: dir,
    env: { ...process.env, DATABASE_URL: url, NEXTAUTH_URL: `http://127.0.0.1:${port}`, NODE_ENV: 'production' },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  for (let i = 0; i < 120; i++) {
    try {
      const res = await fetch(`http://127.0.0.1:${port}/api/health`);
      if (res.ok) return child;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  child.kill('SIGTERM');
  throw new Error('next start did not come up');
}

/** Signs in through next-auth's credentials endpoint and returns the cookie header. */
async function signIn(port: number, email: string): Promise<string> {
  const originUrl = `http://127.0.0.1:${port}`;
  const csrf = await fetch(`${originUrl}/api/auth/csrf`);
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const jar = new Map<string, string>();
  const keep = (res: Response) => {
    for (const c of res.headers.getSetCookie()) {
      const [pair] = c.split(';');
      const [k, ...v] = pair!.split('=');
      jar.set(k!.trim(), v.join('='));
    }
  };
  keep(csrf);
  const cookie = () => [...jar].map(([k, v]) => `${k}=${v}`).join('; ');
  const res = await fetch(`${originUrl}/api/auth/callback/credentials`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded', cookie: cookie() },
    body: new URLSearchParams({ csrfToken, email, password: BENCH_PASSWORD, callbackUrl: `${originUrl}/audit`, json: 'true' }),
    redirect: 'manual',
  });
  keep(res);
  if (![...jar.keys()].some((k) => k.includes('session-token'))) throw new Error(`sign-in as ${email} failed (${res.status})`);
  return cookie();
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
