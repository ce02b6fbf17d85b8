import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { diagnosticAt } from '../diagnostics/diagnostic.js';
import { SourceText } from './source-text.js';

export const defaultMaxFileBytes = 16 * 1024 * 1024;

const strictDecoder = new TextDecoder('utf-8', { fatal: true });
const lenientDecoder = new TextDecoder('utf-8');

export type DecodeResult = { source: SourceText; diagnostic?: undefined } | { source?: undefined; diagnostic: Diagnostic };

/**
 * Turns the bytes of a file into text: refuses files over the size limit and
 * bytes that are not UTF-8, and drops a byte order mark (editors do not count
 * it as a column).
 */
export function decodeFile(path: string, bytes: Uint8Array, maxFileBytes = defaultMaxFileBytes, size = bytes.length): DecodeResult {
  if (size > maxFileBytes) {
    const source = new SourceText(path, '');
    return {
      diagnostic: diagnosticAt(
        { source, start: 0, end: 0 },
        'file-too-large',
        `This file is ${megabytes(size)} MB, more than the limit of ${megabytes(maxFileBytes)} MB, so goalpost did not read it. Split it into smaller files, or raise the limit with --max-file-size.`,
      ),
    };
  }
  let text: string;
  try {
    text = strictDecoder.decode(bytes);
  } catch {
    const bad = firstInvalidUtf8(bytes);
    const text = lenientDecoder.decode(bytes);
    const source = new SourceText(path, text);
    const offset = lenientDecoder.decode(bytes.subarray(0, bad)).length;
    return {
      diagnostic: diagnosticAt(
        { source, start: offset, end: offset + 1 },
        'invalid-encoding',
        `This file is not UTF-8 text (byte 0x${bytes[bad]!.toString(16).padStart(2, '0')} at byte ${bad}). Save it as UTF-8; GBK or GB2312 files must be converted.`,
      ),
    };
  }
  const source = new SourceText(path, text);
  const nul = text.indexOf('\u0000');
  if (nul !== -1) {
    return {
      diagnostic: diagnosticAt(
        { source, start: nul, end: nul + 1 },
        'invalid-encoding',
        'This file holds NUL characters, so it is binary data rather than text; goalpost reads YAML and CSV text files.',
      ),
    };
  }
  return { source };
}

function megabytes(bytes: number): string {
  return (bytes / 1024 / 1024).toFixed(1).replace(/\.0$/, '');
}

/** The index of the first byte that does not belong to a valid UTF-8 sequence. */
export function firstInvalidUtf8(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const byte = bytes[i]!;
    let length: number;
    let min: number;
    if (byte < 0x80) {
      i++;
      continue;
    } else if (byte >= 0xc2 && byte <= 0xdf) {
      length = 2;
      min = 0x80;
    } else if (byte >= 0xe0 && byte <= 0xef) {
      length = 3;
      min = 0x800;
    } else if (byte >= 0xf0 && byte <= 0xf4) {
      length = 4;
      min = 0x10000;
    } else {
      return i;
    }
    let codePoint = byte & (0xff >> (length + 1));
    for (let k = 1; k < length; k++) {
      const next = bytes[i + k];
      if (next === undefined || (next & 0xc0) !== 0x80) return i;
      codePoint = (codePoint << 6) | (next & 0x3f);
    }
    if (codePoint < min || codePoint > 0x10ffff || (codePoint >= 0xd800 && codePoint <= 0xdfff)) return i;
    i += length;
  }
  return bytes.length;
}
