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
 * An entry may be several JSON values, one per line (`sealedLines`): the seal covers them all, and
 * a reader of a sealed entry parses only the lines it needs.
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

/** The file text of `values` sealed for `shape`, one JSON line each (JSON text holds no raw newline). */
export function sealedLines(shape: string, values: readonly unknown[]): string {
  const body = values.map(asciiJson).join('\n');
  return `${JSON.stringify({ seal: sealOf(shape, body), shape })}\n${body}`;
}

/** The file text of `value` sealed for `shape`. */
export function sealed(shape: string, value: unknown): string {
  return sealedLines(shape, [value]);
}

function headerOf(line: Uint8Array): { seal: string; shape: string } | null {
  try {
    const header = JSON.parse(Buffer.from(line).toString('utf8')) as { seal?: unknown; shape?: unknown };
    return typeof header.seal === 'string' && typeof header.shape === 'string' ? { seal: header.seal, shape: header.shape } : null;
  } catch {
    return null;
  }
}

/** The bytes of a sealed file after its header, if its seal matches them (or it has none), and whether it was sealed for `shape`. */
function sealedBody(path: string, shape: string): { body: Buffer; trusted: boolean } | null {
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
  return { body, trusted: header?.shape === shape };
}

// Whoever wrote it, ASCII reads the same as Latin-1, and faster than as UTF-8.
const textOf = (bytes: Buffer) => bytes.toString(isAscii(bytes) ? 'latin1' : 'utf8');

function parsed(text: string): { value: unknown } | null {
  try {
    return { value: JSON.parse(text) as unknown };
  } catch {
    return null;
  }
}

/**
 * The entry in the file at `path` for a reader of `shape`: null when there is none, it is not
 * JSON, or its seal does not match its bytes.
 */
export function readSealed(path: string, shape: string): Unsealed | null {
  const read = sealedBody(path, shape);
  const value = read && parsed(textOf(read.body));
  return read && value ? { value: value.value, trusted: read.trusted } : null;
}

/** A sealed entry of several lines: the first parsed, the others not even decoded until wanted. */
export interface UnsealedLines extends Unsealed {
  /** The text of each line after the first, decoded when called. */
  rest: Array<() => string>;
}

/**
 * The entry of several lines in the file at `path` (`sealedLines`): null as for `readSealed`, or
 * when its first line is not JSON. The other lines are parsed by whoever wants them, and by then
 * the seal has vouched for their bytes (an untrusted entry's reader parses them all at once).
 */
export function readSealedLines(path: string, shape: string): UnsealedLines | null {
  const read = sealedBody(path, shape);
  if (!read) return null;
  const lines: Buffer[] = [];
  for (let start = 0; start <= read.body.length; ) {
    const end = read.body.indexOf(newline, start);
    const stop = end === -1 ? read.body.length : end;
    lines.push(read.body.subarray(start, stop));
    start = stop + 1;
  }
  const first = parsed(textOf(lines[0] ?? Buffer.alloc(0)));
  return first ? { value: first.value, trusted: read.trusted, rest: lines.slice(1).map((line) => () => textOf(line)) } : null;
}
