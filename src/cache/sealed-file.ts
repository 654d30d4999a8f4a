/**
 * Cache entries sealed by their writer, so that reading one back costs a hash instead of a schema
 * check of every value in it. A sealed file is one header line, `{"seal":…,"shape":…}`, then the
 * entry's JSON: `seal` is the SHA-256 of the shape name and the entry's bytes, and `shape` names
 * what the writer checked the entry against (a fingerprint of the model's schema, say).
 *
 * - The same shape and a seal that matches: the bytes are those this shape's writer wrote, after
 *   it had checked them. The entry is used as written, with no schema check.
 * - A seal that does not match (a write torn by a crash, a truncated or edited file): refused.
 * - Another shape (a build of another version), or a file without a seal (an older format): not
 *   trusted, but not refused either — its reader checks it against the schema in full, as every
 *   entry was checked before seals.
 *
 * What a seal cannot stop is someone who writes the cache folder on purpose and computes a new
 * seal. A schema check could not stop them either: entries hold rendered HTML that goes into the
 * page as it is (a schema sees strings), and whoever can write `<out>/.cache` can write `<out>`.
 * A key kept outside the folder would make every cache restored on a fresh CI runner useless.
 */
import { isAscii } from 'node:buffer';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';

/** What a sealed entry's reader gets: its value, and whether the seal vouched for it (else the reader checks it). */
export interface Unsealed {
  value: unknown;
  /** True when this shape's writer sealed the bytes: the value is what it wrote and checked. */
  trusted: boolean;
}

const newline = 0x0a;

function sealOf(shape: string, body: Uint8Array | string): string {
  return createHash('sha256').update(shape).update('\n').update(body).digest('hex');
}

/**
 * JSON with every character above U+007E written as a `\\u` escape: the file is ASCII, which is
 * read into a string much faster than UTF-8 (a sample brief's entry has only a few such
 * characters, and decoding them was a visible share of a cached brief's rebuild; bench/README.md).
 */
const asciiJson = (value: unknown) =>
  JSON.stringify(value).replace(/[\u007f-\uffff]/g, (character) => `\\u${character.charCodeAt(0).toString(16).padStart(4, '0')}`);

/** The file text of `value` sealed for `shape`. */
export function sealed(shape: string, value: unknown): string {
  const body = asciiJson(value);
  return `${JSON.stringify({ seal: sealOf(shape, body), shape })}\n${body}`;
}

function headerOf(line: Uint8Array): { seal: string; shape: string } | null {
  try {
    const header = JSON.parse(Buffer.from(line).toString('utf8')) as { seal?: unknown; shape?: unknown };
    return typeof header.seal === 'string' && typeof header.shape === 'string' ? { seal: header.seal, shape: header.shape } : null;
  } catch {
    return null;
  }
}

/**
 * The entry in the file at `path` for a reader of `shape`: null when there is none, it is not
 * JSON, or its seal does not match its bytes.
 */
export function readSealed(path: string, shape: string): Unsealed | null {
  let bytes: Buffer;
  try {
    bytes = readFileSync(path);
  } catch {
    return null;
  }
  const end = bytes.indexOf(newline);
  const header = end === -1 ? null : headerOf(bytes.subarray(0, end));
  // No seal: an entry of the format before seals, checked like any other unsealed one.
  const body = header ? bytes.subarray(end + 1) : bytes;
  if (header && sealOf(header.shape, body) !== header.seal) return null;
  try {
    // Whoever wrote it, ASCII reads the same as Latin-1, and faster than as UTF-8.
    return { value: JSON.parse(body.toString(isAscii(body) ? 'latin1' : 'utf8')) as unknown, trusted: header?.shape === shape };
  } catch {
    return null;
  }
}
