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
import { restorePositions, separateRows } from './row-before-fence.js';

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

/** `text` as satteri is given it (see row-before-fence.ts), and the body's start in it. */
function prepared(text: string, frontMatter: boolean) {
  const body = frontMatter ? bodyStart(text) : 0;
  return { ...separateRows(text, body), body };
}

function chosenFor(text: string, { text: separated, body }: ReturnType<typeof prepared>): 'satteri' | 'micromark' {
  if (process.env.BRIEFSMITH_PARSER === 'micromark') return 'micromark';
  if (nativeRisk(separated.slice(body)) !== null || text.startsWith('+++')) return 'micromark';
  return satteri() ? 'satteri' : 'micromark';
}

/** Which parser `parseNative` would use for `text`; the front matter is YAML, not Markdown. */
export function chosenParser(text: string, frontMatter = true): 'satteri' | 'micromark' {
  return chosenFor(text, prepared(text, frontMatter));
}

/** The mdast satteri gives for `text`, before briefsmith's transforms; null when micromark must parse it. */
export function parseNative(text: string, frontMatter: boolean): Root | null {
  const input = prepared(text, frontMatter);
  if (chosenFor(text, input) !== 'satteri') return null;
  // micromark reads NUL as U+FFFD, as CommonMark says; the same length, so positions hold.
  const source = input.text.includes('\0') ? input.text.replace(/\0/g, '\uFFFD') : input.text;
  const features = { gfm: true, directive: true, frontmatter: frontMatter, math: false };
  const tree = satteri()!.markdownToMdast(source, { features }) as Root;
  restorePositions(tree, input.at);
  return tree;
}
