import 'server-only';
import { mkdir, readFile, rm, writeFile, rename } from 'node:fs/promises';
import path from 'node:path';
import { env } from '@/lib/env';

/**
 * Where evidence ciphertext lives. The vault only ever hands this interface
 * encrypted bytes under an opaque key, so an object store (S3, NCP) can
 * replace the local disk without touching the rest.
 */
export interface EvidenceStore {
  put(key: string, data: Buffer): Promise<void>;
  get(key: string): Promise<Buffer>;
  delete(key: string): Promise<void>;
}

/** Opaque keys only: a UUID-like name, never a path the caller could steer. */
const SAFE_KEY = /^[a-z0-9-]{8,64}$/;

export class LocalDiskStore implements EvidenceStore {
  constructor(private readonly dir: string) {}

  private pathOf(key: string): string {
    if (!SAFE_KEY.test(key)) throw new Error(`invalid evidence storage key: ${key}`);
    // Two levels of fan-out keep directories small.
    return path.join(this.dir, key.slice(0, 2), key);
  }

  async put(key: string, data: Buffer): Promise<void> {
    const file = this.pathOf(key);
    // Only the fan-out folder is private: a recursive mkdir with a mode would also make every missing
    // parent (the shared .data folder) 0700 and lock the embedded PostgreSQL's user out of it.
    await mkdir(this.dir, { recursive: true });
    await mkdir(path.dirname(file), { recursive: true, mode: 0o700 });
    // Write then rename, so a crash never leaves half a file under the real name.
    const tmp = `${file}.tmp-${process.pid}`;
    await writeFile(tmp, data, { mode: 0o600 });
    await rename(tmp, file);
  }

  async get(key: string): Promise<Buffer> {
    return readFile(this.pathOf(key));
  }

  async delete(key: string): Promise<void> {
    await rm(this.pathOf(key), { force: true });
  }
}

let cached: EvidenceStore | undefined;

/** The configured store: the local disk under EVIDENCE_DIR. */
export function evidenceStore(): EvidenceStore {
  cached ??= new LocalDiskStore(path.resolve(env().EVIDENCE_DIR));
  return cached;
}
