/**
 * satteri, a native (Rust) Markdown parser that returns mdast with the same positions as
 * micromark at a fraction of the cost. It is loaded lazily and only when its binary exists for
 * this platform; otherwise, when `BRIEFSMITH_PARSER=micromark`, or for a text where it is known
 * to differ (native-safe.ts), briefs are parsed by micromark as before.
 */
import { createRequire } from 'node:module';
import type { Root } from 'mdast';
import { bodyStart } from './front-matter.js';
import { nativeRisk } from './native-safe.js';

interface Satteri {
  markdownToMdast(source: string, options: { features: Record<string, boolean> }): unknown;
}

let loaded: Satteri | null | undefined;

function satteri(): Satteri | null {
  if (loaded === undefined) {
    try {
      // require(), not import: a missing binary must fall back, synchronously, at first use.
      loaded = createRequire(import.meta.url)('satteri') as Satteri;
    } catch {
      loaded = null;
    }
  }
  return loaded;
}

/** Which parser `parseNative` would use for `text`; the front matter is YAML, not Markdown. */
export function chosenParser(text: string, frontMatter = true): 'satteri' | 'micromark' {
  if (process.env.BRIEFSMITH_PARSER === 'micromark') return 'micromark';
  if (nativeRisk(frontMatter ? text.slice(bodyStart(text)) : text) !== null || text.startsWith('+++')) return 'micromark';
  return satteri() ? 'satteri' : 'micromark';
}

/** The mdast satteri gives for `text`, before briefsmith's transforms; null when micromark must parse it. */
export function parseNative(text: string, frontMatter: boolean): Root | null {
  if (chosenParser(text, frontMatter) !== 'satteri') return null;
  // micromark reads NUL as U+FFFD, as CommonMark says; the same length, so positions hold.
  const source = text.includes('\0') ? text.replace(/\0/g, '\uFFFD') : text;
  const features = { gfm: true, directive: true, frontmatter: frontMatter, math: false };
  return satteri()!.markdownToMdast(source, { features }) as Root;
}
