import "server-only";
// Where evidence files live. One interface so that the domain code does not care: a project-local
// folder by default (ATTACHMENTS_DIR, default ./.uploads, git-ignored), or an S3-compatible bucket
// when S3_BUCKET is set (AWS, MinIO, Ceph, …). Files are stored under generated keys only; names,
// types and hashes live in the database.
import { DeleteObjectCommand, GetObjectCommand, PutObjectCommand, S3Client } from "@aws-sdk/client-s3";
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

/**
 * An S3-compatible bucket. Objects are named `<prefix><first two hex digits>/<key>` like the folder's
 * files, written with their length (streamed from the temporary file, never buffered whole) and
 * private (no ACL is set; the bucket should refuse public access). The app serves them itself after
 * its permission checks; no presigned URL ever leaves the server.
 */
export class S3Storage implements AttachmentStorage {
  constructor(
    private readonly client: S3Client,
    private readonly bucket: string,
    private readonly prefix = "",
  ) {}

  private objectKey(key: string) {
    if (!KEY.test(key)) throw new Error(`Invalid storage key`);
    return `${this.prefix}${key.slice(0, 2)}/${key}`;
  }

  async put(key: string, tempPath: string) {
    const { size } = await stat(tempPath);
    await this.client.send(
      new PutObjectCommand({
        Bucket: this.bucket,
        Key: this.objectKey(key),
        Body: createReadStream(tempPath),
        ContentLength: size,
        ContentType: "application/octet-stream",
      }),
    );
    await rm(tempPath, { force: true });
  }

  async get(key: string) {
    const out = await this.client.send(new GetObjectCommand({ Bucket: this.bucket, Key: this.objectKey(key) }));
    if (!out.Body) throw new Error(`Empty object`);
    return out.Body as Readable;
  }

  async remove(key: string) {
    await this.client.send(new DeleteObjectCommand({ Bucket: this.bucket, Key: this.objectKey(key) }));
  }
}

/** The S3 settings from the environment, or null when S3_BUCKET is not set (the folder is used). */
export function s3SettingsFromEnv(env: Record<string, string | undefined> = process.env) {
  if (!env.S3_BUCKET) return null;
  return {
    bucket: env.S3_BUCKET,
    prefix: env.S3_PREFIX ?? "",
    client: {
      region: env.S3_REGION || "us-east-1",
      ...(env.S3_ENDPOINT ? { endpoint: env.S3_ENDPOINT } : {}),
      forcePathStyle: env.S3_FORCE_PATH_STYLE === "true",
      // Checksums only where the API requires them: recent SDKs otherwise send every upload as
      // "aws-chunked" with a trailing checksum, which many S3-compatible services store verbatim
      // (chunk sizes and all) or refuse. The file's SHA-256 is checked by the app anyway.
      requestChecksumCalculation: "WHEN_REQUIRED" as const,
      responseChecksumValidation: "WHEN_REQUIRED" as const,
      ...(env.S3_ACCESS_KEY_ID && env.S3_SECRET_ACCESS_KEY
        ? { credentials: { accessKeyId: env.S3_ACCESS_KEY_ID, secretAccessKey: env.S3_SECRET_ACCESS_KEY } }
        : {}),
    },
  };
}

let storage: AttachmentStorage | null = null;

export function attachmentStorage(): AttachmentStorage {
  if (!storage) {
    const s3 = s3SettingsFromEnv();
    storage = s3
      ? new S3Storage(new S3Client(s3.client), s3.bucket, s3.prefix)
      : new LocalFolderStorage(path.resolve(process.env.ATTACHMENTS_DIR || path.join(process.cwd(), ".uploads")));
  }
  return storage;
}

/** The upload size limit in bytes (ATTACHMENT_MAX_MB, default 25). */
export function maxUploadBytes(): number {
  const mb = Number(process.env.ATTACHMENT_MAX_MB);
  return Number.isFinite(mb) && mb > 0 ? Math.floor(mb * 1024 * 1024) : 25 * 1024 * 1024;
}
