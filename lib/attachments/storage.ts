import "server-only";
// Where evidence files live. One interface so that the domain code does not care: a project-local
// folder by default (ATTACHMENTS_DIR, default ./.uploads, git-ignored). Files are stored under
// generated keys only; names, types and hashes live in the database.
import { createReadStream } from "node:fs";
import { copyFile, mkdir, rename, rm, stat } from "node:fs/promises";
import path from "node:path";
import type { Readable } from "node:stream";

export interface AttachmentStorage {
  /** Moves (or copies) a finished temporary file into storage under `key`. */
  put(key: string, tempPath: string): Promise<void>;
  /** The stored bytes; throws when the key is unknown. */
  get(key: string): Promise<Readable>;
  /** Removes a stored file (used only to clean up after a failed transaction: deletion is soft). */
  remove(key: string): Promise<void>;
}

/** Keys are 32 hex characters; the first two name a sub-folder so that no folder grows huge. */
const KEY = /^[0-9a-f]{32}$/;

export class LocalFolderStorage implements AttachmentStorage {
  constructor(private readonly root: string) {}

  private pathOf(key: string) {
    if (!KEY.test(key)) throw new Error(`Invalid storage key`);
    return path.join(this.root, key.slice(0, 2), key);
  }

  async put(key: string, tempPath: string) {
    const target = this.pathOf(key);
    await mkdir(path.dirname(target), { recursive: true, mode: 0o700 });
    try {
      await rename(tempPath, target);
    } catch (e) {
      // another file system (e.g. /tmp on tmpfs): copy, then remove the temporary file
      if ((e as NodeJS.ErrnoException).code !== "EXDEV") throw e;
      await copyFile(tempPath, target);
      await rm(tempPath, { force: true });
    }
  }

  async get(key: string) {
    const p = this.pathOf(key);
    await stat(p);
    return createReadStream(p);
  }

  async remove(key: string) {
    await rm(this.pathOf(key), { force: true });
  }
}

let storage: AttachmentStorage | null = null;

export function attachmentStorage(): AttachmentStorage {
  storage ??= new LocalFolderStorage(path.resolve(process.env.ATTACHMENTS_DIR || path.join(process.cwd(), ".uploads")));
  return storage;
}

/** The upload size limit in bytes (ATTACHMENT_MAX_MB, default 25). */
export function maxUploadBytes(): number {
  const mb = Number(process.env.ATTACHMENT_MAX_MB);
  return Number.isFinite(mb) && mb > 0 ? Math.floor(mb * 1024 * 1024) : 25 * 1024 * 1024;
}
