// Integration test of S3Storage against a real S3-protocol server running locally (s3rver), so the
// requests the AWS SDK makes (streamed PUT with a length, GET, DELETE) are the ones a bucket sees.
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import type { AddressInfo } from "node:net";
import os from "node:os";
import path from "node:path";
import { text } from "node:stream/consumers";
import { S3Client } from "@aws-sdk/client-s3";
import S3rver from "s3rver";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { S3Storage, s3SettingsFromEnv } from "./storage";

let server: S3rver;
let dir: string;
let client: S3Client;

beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), "s3rver-"));
  server = new S3rver({
    port: 0,
    address: "127.0.0.1",
    silent: true,
    directory: dir,
    configureBuckets: [{ name: "evidence", configs: [] }],
  });
  const address = (await server.run()) as AddressInfo;
  const settings = s3SettingsFromEnv({
    S3_BUCKET: "evidence",
    S3_ENDPOINT: `http://127.0.0.1:${address.port}`,
    S3_FORCE_PATH_STYLE: "true",
    S3_ACCESS_KEY_ID: "S3RVER",
    S3_SECRET_ACCESS_KEY: "S3RVER",
  })!;
  client = new S3Client(settings.client);
});

afterAll(async () => {
  client?.destroy();
  await server?.close();
  await rm(dir, { recursive: true, force: true });
});

describe("[EVIDENCE] S3-compatible storage", () => {
  it("stores a file under its generated key, streams it back, and removes it", async () => {
    const storage = new S3Storage(client, "evidence", "advocacy/");
    const key = "ab".padEnd(32, "0");
    const temp = path.join(dir, "upload.tmp");
    await writeFile(temp, "Лист до Підкомітету з акредитації GANHRI");
    await storage.put(key, temp);
    expect(await text(await storage.get(key))).toBe("Лист до Підкомітету з акредитації GANHRI");
    await storage.remove(key);
    await expect(storage.get(key)).rejects.toThrow();
  });

  it("refuses a key that is not a generated one (no path tricks in object names)", async () => {
    const storage = new S3Storage(client, "evidence");
    await expect(storage.get("../../etc/passwd")).rejects.toThrow("Invalid storage key");
  });

  it("uses the folder when S3_BUCKET is not set", () => {
    expect(s3SettingsFromEnv({})).toBeNull();
    expect(s3SettingsFromEnv({ S3_BUCKET: "b", S3_REGION: "eu-central-1" })).toMatchObject({
      bucket: "b",
      prefix: "",
      client: { region: "eu-central-1", forcePathStyle: false },
    });
  });
});
