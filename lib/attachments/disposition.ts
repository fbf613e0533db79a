// Content-Disposition with a filename every browser handles safely: an ASCII fallback in
// `filename` and the real name in RFC 5987 `filename*` (UTF-8, percent-encoded).

/** Keeps letters, digits and . _ - ( ) and spaces; everything else (quotes, slashes, Cyrillic) becomes "_". */
const asciiFallback = (name: string) => {
  const safe = name.replace(/[^A-Za-z0-9._() -]/g, "_").replace(/^\.+/, "_").slice(0, 150);
  return safe || "file";
};

// encodeURIComponent leaves ' ( ) * ! unescaped; RFC 5987's attr-char does not allow ' ( ) *.
const rfc5987 = (name: string) =>
  encodeURIComponent(name).replace(/['()*!]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);

export function contentDisposition(kind: "attachment" | "inline", fileName: string): string {
  const clean = fileName.replace(/[\u0000-\u001f\u007f\\/]/g, "_");
  return `${kind}; filename="${asciiFallback(clean)}"; filename*=UTF-8''${rfc5987(clean)}`;
}
