import { createRequire } from "node:module";
import path from "node:path";
import pdfmake from "pdfmake";
import type { TDocumentDefinitions, TFontDictionary } from "pdfmake/interfaces.js";

/**
 * The server's PDFs (letters of request, briefing packs) are rendered here. pdfmake's
 * server entry exports one shared instance whose fonts and access policies any module may
 * change, so each rendering uses an instance of its own of the same class: Roboto from
 * pdfmake's own package (it covers Cyrillic), no URL ever fetched, and no file read but
 * those fonts. Documents name the font "Roboto".
 */
export function renderPdf(definition: TDocumentDefinitions): Promise<Buffer> {
  return pdfMake().createPdf(definition).getBuffer();
}

type PdfMake = {
  setFonts(fonts: TFontDictionary): void;
  setUrlAccessPolicy(callback: (url: string) => boolean): void;
  setLocalAccessPolicy(callback: (path: string) => boolean): void;
  createPdf(definition: TDocumentDefinitions): { getBuffer(): Promise<Buffer> };
};

function pdfMake(): PdfMake {
  const PdfMakeClass = (pdfmake as unknown as { constructor: new () => PdfMake }).constructor;
  const instance = new PdfMakeClass();
  const fontsDirectory = robotoDirectory();
  const font = (file: string) => path.join(fontsDirectory, file);
  instance.setFonts({
    Roboto: {
      normal: font("Roboto-Regular.ttf"),
      bold: font("Roboto-Medium.ttf"),
      italics: font("Roboto-Italic.ttf"),
      bolditalics: font("Roboto-MediumItalic.ttf"),
    },
  });
  instance.setUrlAccessPolicy(() => false);
  instance.setLocalAccessPolicy((file) => path.dirname(path.resolve(file)) === fontsDirectory);
  return instance;
}

let robotoDirectoryCache: string | null = null;

function robotoDirectory(): string {
  robotoDirectoryCache ??= path.join(
    path.dirname(createRequire(import.meta.url).resolve("pdfmake/package.json")),
    "fonts",
    "Roboto",
  );
  return robotoDirectoryCache;
}
