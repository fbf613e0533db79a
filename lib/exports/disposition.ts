// Pure: the Content-Disposition of a download.

/** RFC 5987 / RFC 6266: an ASCII fallback name plus the exact UTF-8 name. */
export function contentDisposition(filename: string, asciiFallback?: string): string {
  const clean = filename.replace(/[\u0000-\u001f\u007f"\\/]/g, "").trim() || "export";
  const ascii =
    (asciiFallback ?? clean)
      .normalize("NFKD")
      .replace(/[^\x20-\x7e]/g, "")
      .replace(/["\\/%;*?<>|:]/g, "")
      .trim() || "export";
  const encoded = encodeURIComponent(clean).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encoded}`;
}
