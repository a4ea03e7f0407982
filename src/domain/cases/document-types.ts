import { ACCEPTED_EXTENSIONS, DOCUMENT_TYPES, type DocumentType } from "./vocabulary.js";

/**
 * How each kind of document a case accepts (vocabulary.ts) is recognised from its bytes
 * (ASVS 5.2.2): the extension must be on the list AND the content must be what the
 * extension claims. A renamed file (an executable called .pdf, HTML called .png) or a
 * polyglot is refused. The media type stored and served back is the one of this table,
 * never the one the client declared, and downloads go out as attachments with
 * `nosniff`, so no browser renders an upload as a page.
 */

export type DocumentIdentification =
  | { ok: true; type: DocumentType; mediaType: string }
  | {
      ok: false;
      code: "unsupported_document_type" | "document_content_mismatch" | "empty_document";
      message: string;
    };

const startsWith = (content: Uint8Array, signature: readonly number[]) =>
  content.length >= signature.length && signature.every((byte, index) => content[index] === byte);

const PDF = [0x25, 0x50, 0x44, 0x46, 0x2d]; // %PDF-
const JPEG = [0xff, 0xd8, 0xff];
const PNG = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
/** OLE2 compound file: the container of Outlook .msg files. */
const OLE2 = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
const ZIP_LOCAL_HEADER = [0x50, 0x4b, 0x03, 0x04];
const ODT_MEDIA_TYPE = "application/vnd.oasis.opendocument.text";

const latin1 = (content: Uint8Array, start: number, length: number) =>
  String.fromCharCode(...content.subarray(start, start + length));

/**
 * The names of the entries of a ZIP archive, read from its central directory; null when
 * the bytes are not a well-formed archive. Nothing is decompressed (no zip bomb can go off).
 */
export function zipEntryNames(content: Uint8Array): string[] | null {
  if (!startsWith(content, ZIP_LOCAL_HEADER) || content.length < 22) return null;
  const view = new DataView(content.buffer, content.byteOffset, content.byteLength);
  // The end-of-central-directory record is in the last 22 + 65,535 (comment) bytes.
  const earliest = Math.max(0, content.length - 22 - 0xffff);
  let end = -1;
  for (let offset = content.length - 22; offset >= earliest; offset--) {
    if (view.getUint32(offset, true) === 0x06054b50) {
      end = offset;
      break;
    }
  }
  if (end < 0) return null;
  const entries = view.getUint16(end + 10, true);
  let offset = view.getUint32(end + 16, true);
  const names: string[] = [];
  for (let index = 0; index < entries; index++) {
    if (offset + 46 > end || view.getUint32(offset, true) !== 0x02014b50) return null;
    const nameLength = view.getUint16(offset + 28, true);
    const extraLength = view.getUint16(offset + 30, true);
    const commentLength = view.getUint16(offset + 32, true);
    if (offset + 46 + nameLength > end) return null;
    names.push(new TextDecoder().decode(content.subarray(offset + 46, offset + 46 + nameLength)));
    offset += 46 + nameLength + extraLength + commentLength;
  }
  return names;
}

/** OpenDocument: the first entry is "mimetype", stored uncompressed, holding the media type. */
function isOpenDocumentText(content: Uint8Array, names: readonly string[]): boolean {
  if (names[0] !== "mimetype" || !names.includes("content.xml") || content.length < 30) return false;
  const view = new DataView(content.buffer, content.byteOffset, content.byteLength);
  const nameLength = view.getUint16(26, true);
  const extraLength = view.getUint16(28, true);
  if (latin1(content, 30, nameLength) !== "mimetype") return false;
  return latin1(content, 30 + nameLength + extraLength, ODT_MEDIA_TYPE.length) === ODT_MEDIA_TYPE;
}

/** UTF-8 text without control characters other than tab, line feed, form feed and carriage return. */
function isPlainText(content: Uint8Array): boolean {
  let text: string;
  try {
    text = new TextDecoder("utf-8", { fatal: true }).decode(content);
  } catch {
    return false;
  }
  // biome-ignore lint/suspicious/noControlCharactersInRegex: finding control characters is the point
  return !/[\u0000-\u0008\u000b\u000e-\u001f\u007f]/.test(text);
}

/**
 * A message in RFC 5322 form: no NUL byte, and it opens with a header field ("Received:",
 * "From: ..."). The body may be in any charset, so it is not required to be UTF-8.
 */
function isMessage(content: Uint8Array): boolean {
  if (content.includes(0)) return false;
  const firstLine = latin1(content, 0, Math.min(content.length, 998)).split(/\r?\n/, 1)[0] ?? "";
  return /^[\x21-\x39\x3b-\x7e]+:[ \t]?\S/.test(firstLine);
}

function contentMatches(type: DocumentType, content: Uint8Array): boolean {
  switch (type) {
    case "pdf":
      return startsWith(content, PDF);
    case "jpg":
      return startsWith(content, JPEG);
    case "png":
      return startsWith(content, PNG);
    case "msg":
      return startsWith(content, OLE2);
    case "docx": {
      const names = zipEntryNames(content);
      return Boolean(names?.includes("[Content_Types].xml") && names.includes("word/document.xml"));
    }
    case "xlsx": {
      const names = zipEntryNames(content);
      return Boolean(names?.includes("[Content_Types].xml") && names.includes("xl/workbook.xml"));
    }
    case "odt": {
      const names = zipEntryNames(content);
      return names !== null && isOpenDocumentText(content, names);
    }
    case "txt":
      return isPlainText(content);
    case "eml":
      return isMessage(content);
  }
}

export function extensionOf(filename: string): string {
  const dot = filename.lastIndexOf(".");
  return dot <= 0 ? "" : filename.slice(dot + 1).toLowerCase();
}

/** Which accepted kind of document the file is, judged by its name and its bytes. */
export function identifyDocument(filename: string, content: Uint8Array): DocumentIdentification {
  const extension = extensionOf(filename);
  const type = (Object.keys(DOCUMENT_TYPES) as DocumentType[]).find((candidate) =>
    (DOCUMENT_TYPES[candidate].extensions as readonly string[]).includes(extension),
  );
  if (!type) {
    return {
      ok: false,
      code: "unsupported_document_type",
      message: `Documents of this type are not accepted; send one of: ${ACCEPTED_EXTENSIONS.join(", ")}.`,
    };
  }
  if (content.length === 0) return { ok: false, code: "empty_document", message: "The file is empty." };
  if (!contentMatches(type, content)) {
    return {
      ok: false,
      code: "document_content_mismatch",
      message: `The file is named .${extension} but its content is not a ${type.toUpperCase()} document.`,
    };
  }
  return { ok: true, type, mediaType: DOCUMENT_TYPES[type].mediaType };
}

/**
 * The name a document is kept under: the last path segment of what the client sent,
 * without control characters, at most 200 characters. It is only ever a label: storage
 * is by id, so no name can reach a path (ASVS 5.3.2).
 */
export function cleanDocumentName(filename: string): string {
  const lastSegment = filename.split(/[/\\]/).pop()!;
  // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are removed from names
  const base = lastSegment.replace(/[\u0000-\u001f\u007f]/g, "").trim();
  if (base === "" || base === "." || base === "..") return "document";
  return [...base].slice(-200).join("");
}
