import { describe, expect, it } from "vitest";
import { multipartBody } from "../../../test/support/documents.js";
import { AppError } from "./errors.js";
import { parseSingleFileUpload } from "./multipart.js";

const parse = (body: { payload: Buffer; contentType: string }) =>
  parseSingleFileUpload(body.contentType, body.payload);
const refusal = (run: () => unknown) => {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(AppError);
    return { status: (error as AppError).statusCode, fields: (error as AppError).fields };
  }
  throw new Error("expected a refusal");
};

describe("multipart upload of one file", () => {
  it("reads the file part with its name, declared type and exact bytes", () => {
    const content = Buffer.from([0, 1, 2, 13, 10, 45, 45, 255]);
    const { file } = parse(
      multipartBody([{ name: "file", filename: "scan.png", contentType: "image/png", content }]),
    );
    expect(file.filename).toBe("scan.png");
    expect(file.mediaType).toBe("image/png");
    expect(Buffer.from(file.content).equals(content)).toBe(true);
  });

  it("keeps a file whose bytes contain the boundary text without its leading line break", () => {
    const boundary = "XYZ";
    const content = Buffer.from("a --XYZ b\r\n--XY c");
    const { file } = parse(multipartBody([{ name: "file", filename: "a.txt", content }], boundary));
    expect(Buffer.from(file.content).toString()).toBe("a --XYZ b\r\n--XY c");
  });

  it("reads UTF-8 and RFC 5987 file names", () => {
    const raw = multipartBody([{ name: "file", filename: "Запрос.pdf", content: "x" }]);
    expect(parse(raw).file.filename).toBe("Запрос.pdf");
    const boundary = "b1";
    const extended = Buffer.from(
      `--b1\r\nContent-Disposition: form-data; name="file"; filename="fallback.pdf"; filename*=UTF-8''%D0%97.pdf\r\n\r\nx\r\n--b1--\r\n`,
    );
    expect(parseSingleFileUpload(`multipart/form-data; boundary=${boundary}`, extended).file.filename).toBe(
      "З.pdf",
    );
  });

  it("refuses no boundary, a truncated body, a second file, another part and a part without a file name", () => {
    expect(refusal(() => parseSingleFileUpload("multipart/form-data", Buffer.from("x"))).status).toBe(400);
    const truncated = multipartBody([{ name: "file", filename: "a.txt", content: "abc" }]);
    expect(
      refusal(() => parseSingleFileUpload(truncated.contentType, truncated.payload.subarray(0, 60))).status,
    ).toBe(400);
    const two = multipartBody([
      { name: "file", filename: "a.txt", content: "a" },
      { name: "file", filename: "b.txt", content: "b" },
    ]);
    expect(refusal(() => parse(two)).fields).toEqual([{ path: "body.file", message: "more than one" }]);
    const extra = multipartBody([
      { name: "file", filename: "a.txt", content: "a" },
      { name: "role", content: "administrator" },
    ]);
    expect(refusal(() => parse(extra)).fields).toEqual([{ path: "body.role", message: "unexpected part" }]);
    const field = multipartBody([{ name: "file", content: "just a field" }]);
    expect(refusal(() => parse(field)).fields).toEqual([{ path: "body.file", message: "no filename" }]);
    const none = multipartBody([]);
    expect(refusal(() => parse(none)).fields).toEqual([{ path: "body.file", message: "missing" }]);
  });
});
