import type { Problem } from "../model/problems.js";

/**
 * Decodes a record file: strict UTF-8 (a wrong encoding is reported, never
 * guessed), a leading byte-order mark removed, CRLF line ends turned into LF.
 * Returns a problem for an empty file.
 */
export function decodeRecordFile(bytes: Uint8Array, file: string): { text?: string; problem?: Problem } {
  let text: string;
  try {
    text = new TextDecoder("utf-8", { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    const bad = firstInvalidUtf8(bytes);
    return {
      problem: {
        severity: "error",
        file,
        line: bad.line,
        message: `is not valid UTF-8 (byte ${bad.offset + 1} of the file)`,
        expected: "a file saved as UTF-8",
      },
    };
  }
  text = text.replace(/\r\n/g, "\n");
  if (text.trim() === "") {
    return {
      problem: { severity: "error", file, line: 1, message: "the file is empty", expected: "at least one record" },
    };
  }
  return { text };
}

function firstInvalidUtf8(bytes: Uint8Array): { offset: number; line: number } {
  const decoder = new TextDecoder("utf-8", { fatal: true });
  let lo = 0;
  let hi = bytes.length;
  // Binary search for the shortest prefix that fails to decode.
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    try {
      decoder.decode(bytes.subarray(0, mid + 1), { stream: true });
      new TextDecoder("utf-8", { fatal: true }).decode(bytes.subarray(0, mid + 1), { stream: true });
      lo = mid + 1;
    } catch {
      hi = mid;
    }
  }
  let line = 1;
  for (let i = 0; i < lo && i < bytes.length; i++) if (bytes[i] === 10) line++;
  return { offset: lo, line };
}
