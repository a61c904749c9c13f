import type { Problem } from "../model/problems.js";

/**
 * Decodes a record file: strict UTF-8 (a wrong encoding is reported, never
 * guessed), a leading byte-order mark removed, CRLF line ends turned into LF.
 * Returns a problem for an empty file, and for bytes that are not UTF-8 one
 * that says which encoding they look like and how to re-save the file.
 */
export function decodeRecordFile(bytes: Uint8Array, file: string): { text?: string; problem?: Problem } {
  let text: string;
  const utf16 = utf16Kind(bytes);
  if (utf16) {
    return {
      problem: {
        severity: "error",
        file,
        line: 1,
        message: `is not UTF-8: it looks like ${utf16}; ${RESAVE}`,
        expected: "a file saved as UTF-8",
      },
    };
  }
  try {
    text = new TextDecoder("utf-8", { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    const bad = firstInvalidUtf8(bytes);
    return {
      problem: {
        severity: "error",
        file,
        line: bad.line,
        column: bad.column,
        message: `is not UTF-8: ${describeByte(bytes, bad.offset, bad.line)}; ${RESAVE}`,
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

const RESAVE = "re-save the file as UTF-8 (in Excel: Save As › CSV UTF-8; in an editor: Save with encoding › UTF-8)";

/** "UTF-16 (little-endian)" when the bytes start with a UTF-16 byte-order mark or are every other byte zero. */
function utf16Kind(bytes: Uint8Array): string | undefined {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return "UTF-16 (little-endian, with a byte-order mark)";
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return "UTF-16 (big-endian, with a byte-order mark)";
  const n = Math.min(bytes.length, 512) & ~1;
  if (n < 4) return undefined;
  let evenZeros = 0;
  let oddZeros = 0;
  for (let i = 0; i < n; i += 2) {
    if (bytes[i] === 0) evenZeros++;
    if (bytes[i + 1] === 0) oddZeros++;
  }
  if (oddZeros > n / 4 && evenZeros === 0) return "UTF-16 (little-endian)";
  if (evenZeros > n / 4 && oddZeros === 0) return "UTF-16 (big-endian)";
  return undefined;
}

/** `byte 0xE9 at line 4 looks like Latin-1 / Windows-1252 ("é")`, or the byte alone when it looks like nothing known. */
function describeByte(bytes: Uint8Array, offset: number, line: number): string {
  const byte = bytes[offset] ?? 0;
  const hex = `0x${byte.toString(16).toUpperCase().padStart(2, "0")}`;
  const at = `byte ${hex} at line ${line}`;
  const char = windows1252(byte);
  return char ? `${at} looks like Latin-1 / Windows-1252 (${JSON.stringify(char)})` : at;
}

/** Windows-1252's letters for 0x80–0x9F (a space where it has none); Latin-1's are the code points 0xA0–0xFF. */
const WINDOWS_1252_C1 = "€ ‚ƒ„…†‡ˆ‰Š‹Œ Ž  ‘’“”•–—˜™š›œ žŸ";

/** The letter a byte stands for in Windows-1252, or undefined for ASCII and the bytes it leaves undefined. */
function windows1252(byte: number): string | undefined {
  if (byte >= 0xa0) return String.fromCharCode(byte);
  if (byte < 0x80) return undefined;
  const char = WINDOWS_1252_C1[byte - 0x80];
  return char === " " ? undefined : char;
}

/** The first byte that starts no valid UTF-8 sequence, its line and its column (in characters). */
function firstInvalidUtf8(bytes: Uint8Array): { offset: number; line: number; column: number } {
  let line = 1;
  let column = 1;
  let i = 0;
  while (i < bytes.length) {
    const length = sequenceLength(bytes, i);
    if (length === 0) break;
    if (bytes[i] === 10) {
      line++;
      column = 0;
    }
    column++;
    i += length;
  }
  return { offset: i, line, column };
}

/** The length of the valid UTF-8 sequence at `i`, or 0 when none starts there. */
function sequenceLength(bytes: Uint8Array, i: number): number {
  const b = bytes[i];
  if (b < 0x80) return 1;
  const [length, low, high] =
    b >= 0xc2 && b <= 0xdf
      ? [2, 0x80, 0xbf]
      : b === 0xe0
        ? [3, 0xa0, 0xbf]
        : b === 0xed
          ? [3, 0x80, 0x9f]
          : b >= 0xe1 && b <= 0xef
            ? [3, 0x80, 0xbf]
            : b === 0xf0
              ? [4, 0x90, 0xbf]
              : b >= 0xf1 && b <= 0xf3
                ? [4, 0x80, 0xbf]
                : b === 0xf4
                  ? [4, 0x80, 0x8f]
                  : [0, 0, 0];
  if (length === 0 || i + length > bytes.length) return 0;
  if (bytes[i + 1] < low || bytes[i + 1] > high) return 0;
  for (let k = 2; k < length; k++) if (bytes[i + k] < 0x80 || bytes[i + k] > 0xbf) return 0;
  return length;
}
