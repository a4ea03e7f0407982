import { errorBodySchema } from "../../domain/platform/schemas.js";
import { ApiError } from "./client.js";

/**
 * Files the API builds on request (exports of reports and of the case list) are fetched
 * here rather than opened as links: a long export shows how much has arrived, and a
 * refusal comes back as the API's one error shape instead of a page of JSON.
 */

export type DownloadProgress = {
  /** Bytes received so far. */
  received: number;
  /** The whole size when the server says it (Content-Length), else null. */
  total: number | null;
};

export type DownloadedFile = { blob: Blob; fileName: string };

/** The file name of a Content-Disposition header: the UTF-8 form (RFC 6266) before the plain one. */
export function fileNameOf(disposition: string | null, fallback: string): string {
  if (!disposition) return fallback;
  const extended = /filename\*\s*=\s*(?:UTF-8|utf-8)''([^;]+)/.exec(disposition);
  if (extended?.[1]) {
    try {
      return decodeURIComponent(extended[1].trim());
    } catch {
      // A malformed escape: fall through to the plain name.
    }
  }
  const plain = /filename\s*=\s*"([^"]+)"|filename\s*=\s*([^;]+)/.exec(disposition);
  const name = (plain?.[1] ?? plain?.[2] ?? "").trim();
  // Never a path: the browser would refuse it anyway, and it says nothing to the user.
  return name ? (name.split(/[\\/]/).pop() ?? fallback) : fallback;
}

async function errorOf(response: Response): Promise<ApiError> {
  let json: unknown = null;
  try {
    json = await response.json();
  } catch {
    json = null;
  }
  const parsed = errorBodySchema.safeParse(json);
  if (!parsed.success) return new ApiError(response.status, "http_error", response.statusText);
  const { code, message, fields, requestId } = parsed.data.error;
  return new ApiError(response.status, code, message, fields ?? [], requestId ?? null);
}

/** Fetches a file, reporting each chunk as it arrives. */
export async function fetchFile(
  url: string,
  fallbackName: string,
  onProgress: (progress: DownloadProgress) => void,
  signal?: AbortSignal,
): Promise<DownloadedFile> {
  let response: Response;
  try {
    response = await fetch(url, { credentials: "same-origin", signal: signal ?? null });
  } catch (error) {
    if (error instanceof DOMException && error.name === "AbortError") throw error;
    throw new ApiError(0, "network_error", "The server cannot be reached.");
  }
  if (!response.ok) throw await errorOf(response);
  const length = Number(response.headers.get("content-length"));
  const total = Number.isFinite(length) && length > 0 ? length : null;
  const type = response.headers.get("content-type") ?? "application/octet-stream";
  const fileName = fileNameOf(response.headers.get("content-disposition"), fallbackName);
  onProgress({ received: 0, total });
  if (!response.body) {
    const blob = await response.blob();
    onProgress({ received: blob.size, total });
    return { blob, fileName };
  }
  const reader = response.body.getReader();
  const chunks: Uint8Array<ArrayBuffer>[] = [];
  let received = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    chunks.push(value);
    received += value.byteLength;
    onProgress({ received, total });
  }
  return { blob: new Blob(chunks, { type }), fileName };
}

/** Hands a fetched file to the browser's downloads. */
export function saveFile({ blob, fileName }: DownloadedFile): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement("a");
  link.href = url;
  link.download = fileName;
  link.rel = "noopener";
  document.body.append(link);
  link.click();
  link.remove();
  // Long enough for the browser to start reading it.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}
