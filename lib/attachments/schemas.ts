// Evidence files: the vocabulary, the allowlist of file types and the upload metadata schema. Safe to
// import from client components (the upload form checks size and extension before sending).
import { z } from "zod";

export const EVIDENCE_SOURCES = ["OFFICIAL_LETTER", "SUBMISSION", "SCA_REPORT", "UN_DOCUMENT", "NEWS_REPORT", "OTHER"] as const;
export type EvidenceSourceCode = (typeof EVIDENCE_SOURCES)[number];

export const ATTACHMENT_CONFIDENTIALITY = ["PUBLIC", "INTERNAL", "RESTRICTED"] as const;

/** What a file's bytes say it is (lib/attachments/sniff.ts). */
export type FileKind = "pdf" | "png" | "jpeg" | "gif" | "webp" | "docx" | "xlsx" | "odt" | "text";

/** The allowlist: extension → the kind its content must be, and the MIME type it is served as. */
export const ALLOWED_EXTENSIONS: Record<string, { kind: FileKind; mime: string }> = {
  pdf: { kind: "pdf", mime: "application/pdf" },
  png: { kind: "png", mime: "image/png" },
  jpg: { kind: "jpeg", mime: "image/jpeg" },
  jpeg: { kind: "jpeg", mime: "image/jpeg" },
  gif: { kind: "gif", mime: "image/gif" },
  webp: { kind: "webp", mime: "image/webp" },
  docx: { kind: "docx", mime: "application/vnd.openxmlformats-officedocument.wordprocessingml.document" },
  xlsx: { kind: "xlsx", mime: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" },
  odt: { kind: "odt", mime: "application/vnd.oasis.opendocument.text" },
  txt: { kind: "text", mime: "text/plain; charset=utf-8" },
  csv: { kind: "text", mime: "text/csv; charset=utf-8" },
};

/** Types a browser may show inline (sandboxed): never HTML, SVG or anything that runs script. */
export const INLINE_MIME_TYPES = new Set(["application/pdf", "image/png", "image/jpeg", "image/gif", "image/webp"]);

export const DEFAULT_MAX_BYTES = 25 * 1024 * 1024;

/** "report.PDF" → "pdf"; no extension → "". */
export const extensionOf = (fileName: string) => {
  const dot = fileName.lastIndexOf(".");
  return dot > 0 ? fileName.slice(dot + 1).toLowerCase() : "";
};

/** Megabytes as people read them on a size limit: 31 MB, 0.4 MB. */
export const formatMb = (bytes: number) => {
  const mb = bytes / (1024 * 1024);
  return mb >= 10 ? String(Math.round(mb)) : String(Math.round(mb * 10) / 10);
};

export const ATTACHMENT_RECORD_TYPES = ["action", "outcome"] as const;
export type AttachmentRecordType = (typeof ATTACHMENT_RECORD_TYPES)[number];

/** The metadata sent with an upload (query string of POST /api/attachments; the body is the file). */
export const ZUploadInput = z.strictObject({
  recordType: z.enum(ATTACHMENT_RECORD_TYPES),
  recordId: z.string().min(1).max(64),
  fileName: z
    .string()
    .trim()
    .min(1, "validation.required")
    .max(255, "attachments.errors.nameTooLong")
    // No path parts or control characters: the name is shown and offered back on download.
    .refine((s) => !/[\\/\u0000-\u001f\u007f]/.test(s), "attachments.errors.badName"),
  sourceType: z.enum(EVIDENCE_SOURCES),
  confidentiality: z.enum(ATTACHMENT_CONFIDENTIALITY).default("INTERNAL"),
  /** a new version of this document (any version's documentId) */
  documentId: z.string().min(1).max(64).optional(),
});
export type TUploadInput = z.input<typeof ZUploadInput>;

/** One version of a document as the Evidence section shows it. */
export type AttachmentVersionDTO = {
  id: string;
  version: number;
  fileName: string;
  sourceType: EvidenceSourceCode;
  confidentiality: (typeof ATTACHMENT_CONFIDENTIALITY)[number];
  mimeType: string;
  size: number;
  sha256: string;
  uploadedBy: { id: string; name: string };
  createdAt: string;
  inline: boolean;
};

/** A document: its newest version first, then the older ones. */
export type AttachmentDocumentDTO = {
  documentId: string;
  latest: AttachmentVersionDTO;
  older: AttachmentVersionDTO[];
  canDelete: boolean;
};
