import { describe, expect, it } from "vitest";
import { SAMPLE_DOCUMENTS, zipArchive } from "../../../test/support/documents.js";
import { cleanDocumentName, identifyDocument, zipEntryNames } from "./document-types.js";
import { ACCEPTED_EXTENSIONS, DOCUMENT_TYPES, type DocumentType } from "./vocabulary.js";

const TYPES = Object.keys(DOCUMENT_TYPES) as DocumentType[];

describe("document types", () => {
  it("accepts every kind on the list when its content is what its name says", () => {
    for (const type of TYPES) {
      const result = identifyDocument(`request.${type}`, SAMPLE_DOCUMENTS[type]);
      expect(result, type).toEqual({ ok: true, type, mediaType: DOCUMENT_TYPES[type].mediaType });
    }
    expect(identifyDocument("PHOTO.JPEG", SAMPLE_DOCUMENTS.jpg)).toMatchObject({ ok: true, type: "jpg" });
  });

  it("refuses every sample under every other kind's name: the bytes decide, not the extension", () => {
    const accepted: string[] = [];
    for (const named of TYPES) {
      for (const actual of TYPES) {
        if (named === actual) continue;
        // Plain text and messages overlap by nature (a message is text); that pair is no disguise.
        if ((named === "txt" && actual === "eml") || (named === "eml" && actual === "txt")) continue;
        if (identifyDocument(`file.${named}`, SAMPLE_DOCUMENTS[actual]).ok)
          accepted.push(`${actual} as .${named}`);
      }
    }
    expect(accepted).toEqual([]);
  });

  it("refuses executables, HTML and scripts, whatever they are called", () => {
    const elf = Buffer.concat([Buffer.from([0x7f, 0x45, 0x4c, 0x46, 0x02, 0x01, 0x01]), Buffer.alloc(64)]);
    const html = Buffer.from("<!DOCTYPE html><script>alert(1)</script>");
    for (const [name, content] of [
      ["report.pdf", elf],
      ["report.pdf", html],
      ["scan.png", html],
      ["notes.txt", elf],
      ["mail.eml", elf],
    ] as const) {
      expect(identifyDocument(name, content), name).toMatchObject({
        ok: false,
        code: "document_content_mismatch",
      });
    }
    for (const name of ["tool.exe", "page.html", "script.js", "archive.zip", "noextension", ".pdf"]) {
      expect(identifyDocument(name, SAMPLE_DOCUMENTS.pdf), name).toMatchObject({
        ok: false,
        code: "unsupported_document_type",
      });
    }
    expect(identifyDocument("empty.pdf", Buffer.alloc(0))).toMatchObject({
      ok: false,
      code: "empty_document",
    });
    expect(ACCEPTED_EXTENSIONS).toEqual([
      "pdf",
      "docx",
      "xlsx",
      "odt",
      "jpg",
      "jpeg",
      "png",
      "txt",
      "eml",
      "msg",
    ]);
  });

  it("tells office documents apart by their archive's entries, and refuses a plain or broken ZIP", () => {
    const plainZip = zipArchive([{ name: "readme.txt", text: "hello" }]);
    expect(zipEntryNames(plainZip)).toEqual(["readme.txt"]);
    for (const type of ["docx", "xlsx", "odt"] as const) {
      expect(identifyDocument(`file.${type}`, plainZip).ok, type).toBe(false);
    }
    const truncated = SAMPLE_DOCUMENTS.docx.subarray(0, SAMPLE_DOCUMENTS.docx.length - 30);
    expect(zipEntryNames(truncated)).toBeNull();
    expect(identifyDocument("file.docx", truncated).ok).toBe(false);
    // OpenDocument of another kind (a spreadsheet) is not a text document.
    const spreadsheet = zipArchive([
      { name: "mimetype", text: "application/vnd.oasis.opendocument.spreadsheet", stored: true },
      { name: "content.xml", text: "<x/>" },
    ]);
    expect(identifyDocument("sheet.odt", spreadsheet).ok).toBe(false);
  });

  it("accepts UTF-8 text with line breaks and tabs, and refuses text with control characters or bad UTF-8", () => {
    expect(identifyDocument("a.txt", Buffer.from("line one\r\n\tline two\f")).ok).toBe(true);
    expect(identifyDocument("a.txt", Buffer.from("bell \u0007")).ok).toBe(false);
    expect(identifyDocument("a.txt", Buffer.from([0x66, 0xff, 0xfe, 0x66])).ok).toBe(false);
  });

  it("keeps a document's name as a label only: no path, no control characters, never empty", () => {
    expect(cleanDocumentName("../../etc/passwd")).toBe("passwd");
    expect(cleanDocumentName("C:\\Users\\anna\\Запрос.pdf")).toBe("Запрос.pdf");
    expect(cleanDocumentName("evil\r\nheader.pdf")).toBe("evilheader.pdf");
    expect(cleanDocumentName("a\u0000b.txt")).toBe("ab.txt");
    expect(cleanDocumentName("..")).toBe("document");
    expect(cleanDocumentName("   ")).toBe("document");
    expect([...cleanDocumentName(`${"я".repeat(300)}.pdf`)]).toHaveLength(200);
  });
});
