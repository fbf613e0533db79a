// What a file is, from its bytes (magic numbers), not from its name. A small own table for the
// types on the allowlist; Office Open XML and OpenDocument files are zip archives told apart by
// the names of their parts. Pure: the caller reads the head and the tail of the file.
import type { FileKind } from "./schemas";

const startsWith = (buf: Uint8Array, bytes: number[], offset = 0) =>
  buf.length >= offset + bytes.length && bytes.every((b, i) => buf[offset + i] === b);

const ascii = (s: string) => [...s].map((c) => c.charCodeAt(0));

const latin1 = (buf: Uint8Array) => Buffer.from(buf.buffer, buf.byteOffset, buf.byteLength).toString("latin1");

/** Valid UTF-8 (a cut multi-byte sequence at the very end is allowed) without NUL or other binary control bytes. */
export function looksLikeText(buf: Uint8Array, truncated: boolean): boolean {
  for (const b of buf) if (b === 0 || (b < 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0d && b !== 0x0c)) return false;
  let end = buf.length;
  if (truncated) {
    // drop a trailing partial character
    let i = end - 1;
    while (i >= 0 && i > end - 4 && (buf[i] & 0xc0) === 0x80) i--;
    if (i >= 0 && buf[i] >= 0xc0) end = i;
  }
  try {
    new TextDecoder("utf-8", { fatal: true }).decode(buf.subarray(0, end));
    return true;
  } catch {
    return false;
  }
}

/**
 * The kind of a file from its first bytes (`head`, up to 64 KiB) and its last bytes (`tail`, where
 * a zip archive keeps its directory); null when it is none of the allowed kinds.
 * `whole` says that head is the entire file.
 */
export function detectKind(head: Uint8Array, tail: Uint8Array, whole: boolean): FileKind | null {
  if (startsWith(head, ascii("%PDF-"))) return "pdf";
  if (startsWith(head, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return "png";
  if (startsWith(head, [0xff, 0xd8, 0xff])) return "jpeg";
  if (startsWith(head, ascii("GIF87a")) || startsWith(head, ascii("GIF89a"))) return "gif";
  if (startsWith(head, ascii("RIFF")) && startsWith(head, ascii("WEBP"), 8)) return "webp";
  if (startsWith(head, [0x50, 0x4b, 0x03, 0x04])) {
    // OpenDocument: the first part is an uncompressed "mimetype" holding the document's type.
    const first = latin1(head.subarray(0, 120));
    if (first.slice(30, 38) === "mimetype" && first.slice(38).startsWith("application/vnd.oasis.opendocument.text")) return "odt";
    const names = latin1(head) + latin1(tail);
    if (names.includes("[Content_Types].xml")) {
      if (names.includes("word/document.xml")) return "docx";
      if (names.includes("xl/workbook.xml")) return "xlsx";
    }
    return null;
  }
  if (head.length > 0 && looksLikeText(head, !whole)) return "text";
  return null;
}
