/**
 * The face page numbers are drawn in after printing: Source Sans 3, the contents page's own
 * family, from the same @fontsource package the HTML embeds. The WOFF (not WOFF2) file is used
 * because fontkit reads it without a Brotli decoder. Read and measured once per process.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import fontkit from '@pdf-lib/fontkit';

const require = createRequire(import.meta.url);

export interface StampFont {
  bytes: Uint8Array;
  /** Ascender and descender (negative) as fractions of the font size: the metrics Chromium lays lines out with. */
  ascent: number;
  descent: number;
}

let cached: StampFont | undefined;

/** Source Sans 3 Regular (Latin), with its vertical metrics. */
export function stampFont(): StampFont {
  if (cached) return cached;
  const root = dirname(require.resolve('@fontsource/source-sans-3/package.json'));
  const bytes = new Uint8Array(readFileSync(join(root, 'files', 'source-sans-3-latin-400-normal.woff')));
  const font = fontkit.create(bytes);
  cached = { bytes, ascent: font.ascent / font.unitsPerEm, descent: font.descent / font.unitsPerEm };
  return cached;
}
