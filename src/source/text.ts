/**
 * Normalises a brief's text before parsing, so that a BOM or CRLF line endings never change the
 * model, and reports characters that are usually corruption or disguise (NUL, invalid UTF-8,
 * bidi overrides) as positioned warnings.
 */
import type { VFile } from 'vfile';
import { location } from 'vfile-location';
import { report } from '../errors/report.js';

/** Strips a BOM and turns CRLF / CR line endings into LF. */
export function normaliseText(text: string): string {
  return text.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
}

/** Decodes bytes as UTF-8; invalid sequences become U+FFFD, and `valid` says whether any did. */
export function decodeUtf8(bytes: Uint8Array): { text: string; valid: boolean } {
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), valid: true };
  } catch {
    return { text: new TextDecoder('utf-8').decode(bytes), valid: false };
  }
}

const suspicious: Array<[RegExp, string]> = [
  [/\u0000/g, 'NUL character (U+0000)'],
  [/[\u202A-\u202E\u2066-\u2069]/g, 'bidirectional control character'],
];

/** Reports suspicious characters in `file` (whose value is already normalised). */
export function reportSuspiciousCharacters(file: VFile, hadInvalidUtf8: boolean): void {
  const text = String(file.value);
  const toPoint = location(text).toPoint;
  const checks = hadInvalidUtf8 ? [...suspicious, [/\uFFFD/g, 'invalid UTF-8 byte sequence'] as [RegExp, string]] : suspicious;
  for (const [pattern, what] of checks) {
    let count = 0;
    for (const match of text.matchAll(pattern)) {
      // One message per kind is enough to find the rest; a corrupted file would flood the report.
      if (++count > 20) break;
      const code = match[0].codePointAt(0)?.toString(16).toUpperCase().padStart(4, '0');
      report(file, 'suspicious-character', toPoint(match.index), { what: `${what} U+${code}`.replace(/ \(U\+0000\) U\+0000/, ' U+0000') });
    }
  }
}

/** A value as a message quotes it: cut short past 60 characters (the message's place points at all of it). */
export function shortened(text: string): string {
  return text.length > 60 ? `${text.slice(0, 57)}…` : text;
}
