/**
 * Local images for the HTML (and so the PDF): an image is inlined as a `data:` URL only when it
 * is a regular file inside the brief's folder (after resolving symlinks), no larger than
 * `maxImageBytes`, and its first bytes say PNG, JPEG, GIF or WebP. SVG is refused: it can carry
 * script, event handlers and external references. The page itself never loads a file or URL.
 */
import { readFileSync, realpathSync, statSync } from 'node:fs';
import { isAbsolute, relative, resolve } from 'node:path';
import { imageProblem } from '../validate/rules/links.js';

/** Largest image inlined, in bytes (2 MiB). */
export const maxImageBytes = 2 * 1024 * 1024;

const signatures: Array<{ type: string; matches: (bytes: Buffer) => boolean }> = [
  { type: 'image/png', matches: (bytes) => bytes.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) },
  { type: 'image/jpeg', matches: (bytes) => bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff },
  { type: 'image/gif', matches: (bytes) => /^GIF8[79]a$/.test(bytes.subarray(0, 6).toString('latin1')) },
  { type: 'image/webp', matches: (bytes) => bytes.subarray(0, 4).toString('latin1') === 'RIFF' && bytes.subarray(8, 12).toString('latin1') === 'WEBP' },
];

/** The media type the bytes start with, or null when they are not an accepted image. */
export function sniffImageType(bytes: Buffer): string | null {
  return signatures.find((signature) => signature.matches(bytes))?.type ?? null;
}

/** The bytes and media type of the image at `url` (relative to `baseDir`), or why it cannot be used. */
export function readLocalImage(baseDir: string, url: string): { bytes: Buffer; type: string } | { problem: string } {
  let shape: string | null;
  let path: string;
  try {
    shape = imageProblem(url);
    path = resolve(baseDir, decodeURI(url.split(/[?#]/)[0] ?? ''));
  } catch {
    return { problem: 'a well-formed relative path' };
  }
  if (shape) return { problem: shape };
  let real: string;
  try {
    real = realpathSync(path);
  } catch {
    return { problem: 'an image file that exists' };
  }
  const inside = relative(realpathSync(baseDir), real);
  if (inside === '' || inside.startsWith('..') || isAbsolute(inside)) return { problem: "a file inside the brief's folder (links may not leave it)" };
  const info = statSync(real);
  if (!info.isFile()) return { problem: 'an image file' };
  if (info.size > maxImageBytes) return { problem: `an image of at most ${maxImageBytes} bytes (it has ${info.size})` };
  const bytes = readFileSync(real);
  const type = sniffImageType(bytes);
  if (!type) return { problem: 'a PNG, JPEG, GIF or WebP image (checked by its content; SVG is refused)' };
  return { bytes, type };
}

/** A `data:` URL for the image at `url` (relative to `baseDir`), or why it cannot be inlined. */
export function inlineImage(baseDir: string, url: string): { dataUrl: string; bytes: number } | { problem: string } {
  const image = readLocalImage(baseDir, url);
  return 'problem' in image ? image : { dataUrl: `data:${image.type};base64,${image.bytes.toString('base64')}`, bytes: image.bytes.length };
}
