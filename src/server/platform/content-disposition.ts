/**
 * `Content-Disposition: attachment` for a file name of any script (RFC 6266, RFC 8187):
 * an ASCII fallback in `filename` for old clients, the exact name percent-encoded in
 * `filename*`. Quotes, backslashes and control characters never reach the header, so a
 * name cannot end it early or add another header (ASVS 5.4.2).
 */
export function attachmentDisposition(name: string): string {
  // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what is removed
  const clean = name.replace(/[\u0000-\u001f\u007f]/g, "");
  const fallback = clean.replace(/[^\x20-\x7e]|["\\%]/g, "_") || "document";
  const encoded = encodeURIComponent(clean).replace(
    /['()*]/g,
    (character) => `%${character.charCodeAt(0).toString(16).toUpperCase()}`,
  );
  return `attachment; filename="${fallback}"; filename*=UTF-8''${encoded}`;
}
