import { describe, expect, it } from "vitest";
import { contentDisposition } from "./disposition";
import { extensionOf, formatMb } from "./schemas";
import { detectKind, looksLikeText } from "./sniff";

const bytes = (...parts: (string | number[])[]) =>
  Buffer.concat(parts.map((p) => (typeof p === "string" ? Buffer.from(p, "latin1") : Buffer.from(p))));
const kind = (buf: Buffer) => detectKind(buf, buf, true);

describe("[ATTACHMENTS] content detection", () => {
  it("tells the allowed types by their first bytes", () => {
    expect(kind(bytes("%PDF-1.7\n1 0 obj"))).toBe("pdf");
    expect(kind(bytes([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0]))).toBe("png");
    expect(kind(bytes([0xff, 0xd8, 0xff, 0xe0, 0, 0x10]))).toBe("jpeg");
    expect(kind(bytes("GIF89a\x01\x00"))).toBe("gif");
    expect(kind(bytes("RIFF\x10\x00\x00\x00WEBPVP8 "))).toBe("webp");
  });

  it("tells Word, Excel and OpenDocument archives apart and refuses any other zip", () => {
    const zip = (names: string) => bytes([0x50, 0x4b, 0x03, 0x04], "\x14\x00".padEnd(26, "\x00"), names);
    expect(kind(zip("[Content_Types].xml ... word/document.xml"))).toBe("docx");
    expect(kind(zip("[Content_Types].xml ... xl/workbook.xml"))).toBe("xlsx");
    expect(kind(bytes([0x50, 0x4b, 0x03, 0x04], "".padEnd(26, "\x00"), "mimetypeapplication/vnd.oasis.opendocument.text"))).toBe("odt");
    expect(kind(zip("payload.exe"))).toBeNull();
  });

  it("accepts UTF-8 text (Ukrainian, CSV) and refuses binary or other encodings", () => {
    expect(kind(Buffer.from("Дата;Назва\n2024-10-01;Звернення до МКЧХ\n"))).toBe("text");
    expect(kind(bytes([0x4d, 0x5a, 0x90, 0x00, 0x03]))).toBeNull(); // a Windows executable
    expect(kind(bytes([0xc4, 0xe0, 0xf2, 0xe0]))).toBeNull(); // windows-1251, not UTF-8
    expect(kind(Buffer.alloc(0))).toBeNull();
    // a multi-byte character cut at the end of the sniffed head is still text
    expect(looksLikeText(Buffer.from("Звернення").subarray(0, 5), true)).toBe(true);
  });

  it("does not take an HTML or script file for a PDF", () => {
    expect(kind(Buffer.from("<html><script>alert(1)</script>"))).toBe("text");
  });
});

describe("[ATTACHMENTS] names and sizes", () => {
  it("reads extensions case-insensitively", () => {
    expect(extensionOf("Report.PDF")).toBe("pdf");
    expect(extensionOf("archive.tar.gz")).toBe("gz");
    expect(extensionOf(".bashrc")).toBe("");
    expect(extensionOf("README")).toBe("");
  });

  it("rounds megabytes as a person reads a limit", () => {
    expect(formatMb(31 * 1024 * 1024)).toBe("31");
    expect(formatMb(25 * 1024 * 1024)).toBe("25");
    expect(formatMb(1.26 * 1024 * 1024)).toBe("1.3");
  });

  it("offers a download name that cannot break the header, with the real name in filename*", () => {
    const h = contentDisposition("attachment", 'Лист до МКЧХ "final"\r\n.pdf');
    expect(h).toMatch(/^attachment; filename="[A-Za-z0-9._() -]+"; filename\*=UTF-8''/);
    expect(h).not.toMatch(/[\r\n]/);
    expect(decodeURIComponent(h.split("''")[1])).toBe('Лист до МКЧХ "final"__.pdf');
    expect(contentDisposition("inline", "a'b(c).pdf")).toContain("filename*=UTF-8''a%27b%28c%29.pdf");
  });
});
