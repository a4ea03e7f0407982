import { describe, expect, it } from "vitest";
import { attachmentDisposition } from "./content-disposition.js";

describe("Content-Disposition", () => {
  it("keeps an ASCII name as it is", () => {
    expect(attachmentDisposition("request.pdf")).toBe(
      `attachment; filename="request.pdf"; filename*=UTF-8''request.pdf`,
    );
  });

  it("sends a Cyrillic name exactly in filename* and a readable fallback in filename", () => {
    expect(attachmentDisposition("Запрос (1).pdf")).toBe(
      `attachment; filename="______ (1).pdf"; filename*=UTF-8''%D0%97%D0%B0%D0%BF%D1%80%D0%BE%D1%81%20%281%29.pdf`,
    );
  });

  it("lets no quote, backslash or line break out of the header", () => {
    const header = attachmentDisposition('a"b\\c\r\nSet-Cookie: x=1.pdf');
    expect(header).not.toMatch(/[\r\n]/);
    expect(header).toBe(
      `attachment; filename="a_b_cSet-Cookie: x=1.pdf"; filename*=UTF-8''a%22b%5CcSet-Cookie%3A%20x%3D1.pdf`,
    );
  });
});
