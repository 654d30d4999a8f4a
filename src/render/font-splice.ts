/**
 * The `@font-face` rules spliced into a brief's standalone HTML after its template ran, and what
 * that splice makes cheap afterwards: finding the rules again (the PDF prints without them) and
 * encoding the page (the rules' ~200 KB are encoded once per set of fonts, not once per page).
 */
import { createHash, type Hash } from 'node:crypto';
import { sha256 } from '../io/hash.js';
import type { Brief } from '../types.js';

/** Where the font rules went in each brief's last standalone page. */
const splices = new WeakMap<Brief, { html: string; head: string; tail: string; fonts: string }>();

/**
 * Stands for the `@font-face` rules (~300 KB of base64) while the template runs: splitting,
 * curling and copying them for every brief cost more than the rest of the page. Its quotes make
 * it change wherever Handlebars escapes or the curler curls it, so finding it intact means it
 * sat where the rules would have been left alone too.
 */
export const fontsMark = "/*'briefsmith-font-faces'*/";

/** The last font rules found to hold no `<`: most pages of a build share them, and each is ~300 KB to search. */
let tagFree: string | undefined;

function withoutTags(fonts: string): boolean {
  if (fonts === tagFree) return true;
  if (fonts.includes('<')) return false;
  tagFree = fonts;
  return true;
}

/**
 * `html` with the font rules in place of the mark, when the mark is there once, in the raw text of
 * a `<style>` element with no other tag before it there: the curler skips that text, and the rules
 * hold no `<`, so the page splits into the same pieces either way. Null otherwise (render with the
 * rules then). Where they went is kept for `htmlBytes` and `fontsAt`.
 */
export function withFonts(brief: Brief, html: string, fonts: string): string | null {
  const at = html.indexOf(fontsMark);
  if (at === -1 || html.indexOf(fontsMark, at + 1) !== -1 || !withoutTags(fonts)) return null;
  const opening = html.slice(html.lastIndexOf('<', at), at);
  if (!/^<style(?:\s[^<>]*)?>[^<]*$/i.test(opening) || /\/>/.test(opening.slice(0, opening.indexOf('>') + 1))) return null;
  const head = html.slice(0, at);
  const tail = html.slice(at + fontsMark.length);
  const spliced = head + fonts + tail;
  splices.set(brief, { html: spliced, head, tail, fonts });
  return spliced;
}

/** Where the font rules start in `html` when it is `brief`'s last spliced page, else undefined (search for them then). */
export function fontsAt(brief: Brief, html: string): number | undefined {
  const splice = splices.get(brief);
  return splice && splice.html === html ? splice.head.length : undefined;
}

const utf8 = new TextEncoder();
const encodedFonts = new Map<string, { key: number; bytes: Uint8Array }>();
let nextKey = 0;
/** Where the font rules sit in a page `htmlBytes` made, and which rules they are (numbered per process). */
const placed = new WeakMap<Uint8Array, { start: number; key: number; bytes: Uint8Array }>();

/** Where the font rules are in `data` when `htmlBytes` made it (the same bytes for the same rules). */
export function fontsIn(data: Uint8Array): { start: number; key: number; bytes: Uint8Array } | undefined {
  return placed.get(data);
}

/** `html`, a page rendered for `brief`, as UTF-8: the bytes `TextEncoder` gives, with the font rules' bytes encoded once per set. */
export function htmlBytes(brief: Brief, html: string): Uint8Array {
  const splice = splices.get(brief);
  if (!splice || splice.html !== html) return utf8.encode(html);
  let fonts = encodedFonts.get(splice.fonts);
  if (!fonts) {
    if (encodedFonts.size >= 16) encodedFonts.clear();
    fonts = { key: nextKey++, bytes: utf8.encode(splice.fonts) };
    encodedFonts.set(splice.fonts, fonts);
  }
  // The page is its parts around the rules (cut at ASCII characters): they encode as the whole
  // does, each straight into its place (a page's worth of bytes made and copied once more cost
  // as much as the encoding).
  const headLength = Buffer.byteLength(splice.head);
  const tailStart = headLength + fonts.bytes.length;
  const bytes = new Uint8Array(tailStart + Buffer.byteLength(splice.tail));
  const head = utf8.encodeInto(splice.head, bytes);
  bytes.set(fonts.bytes, headLength);
  const tail = utf8.encodeInto(splice.tail, bytes.subarray(tailStart));
  if (head.written !== headLength || tailStart + tail.written !== bytes.length) return utf8.encode(html);
  placed.set(bytes, { start: headLength, key: fonts.key, bytes: fonts.bytes });
  return bytes;
}

/** Hashes of the pages' beginnings up to their font rules' end, by the rules and the bytes before them. */
const beginnings = new Map<string, Hash>();

/**
 * The SHA-256 of an output's bytes (hex). A page `htmlBytes` made is hashed from where its font
 * rules end: the hash of what comes before — the same ~200 KB for every page whose template puts
 * the rules before anything of the brief's own, as the built-in ones do — is taken once and
 * carried on from (the same digest: SHA-256 reads its input in order, and its state can be copied).
 */
export function outputSha256(data: string | Uint8Array): string {
  if (typeof data === 'string') return sha256(data);
  const fonts = fontsIn(data);
  if (!fonts) return sha256(data);
  const end = fonts.start + fonts.bytes.length;
  const key = `${fonts.key}\0${Buffer.from(data.buffer, data.byteOffset, fonts.start).toString('latin1')}`;
  let beginning = beginnings.get(key);
  if (!beginning) {
    if (beginnings.size >= 16) beginnings.clear();
    beginning = createHash('sha256').update(data.subarray(0, end));
    beginnings.set(key, beginning);
  }
  return beginning.copy().update(data.subarray(end)).digest('hex');
}
