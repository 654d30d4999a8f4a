/**
 * The inputs an output depends on besides the brief itself: template files (hashed by content,
 * re-resolved on every build so a new override is noticed), the embedded fonts, the tool version
 * and the options that change rendered bytes.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { resolveTemplateFile } from '../render/template-files.js';
import { embeddedFontNames } from '../render/fonts.js';
import { generator } from '../version.js';
import type { Format } from '../render/formats.js';
import { sha256 } from '../io/hash.js';

const require = createRequire(import.meta.url);

let fonts: string | undefined;

/** The bundled font packages and their versions: what the inlined `@font-face` CSS is made from. */
function fontsFingerprint(): string {
  fonts ??= embeddedFontNames()
    .map((name) => {
      const pkg = name.split(' ')[0] ?? name;
      return `${name}@${(require(`${pkg}/package.json`) as { version: string }).version}`;
    })
    .join('\n');
  return fonts;
}

/** Hashes template files by their template-relative name, each file read at most once per build. */
export class TemplateInputs {
  private readonly hashes = new Map<string, string | null>();
  private readonly checked = new WeakMap<Record<string, string>, boolean>();
  constructor(private readonly dirs: readonly string[]) {}

  /** sha256 of the file `relative` resolves to now, or null when none does. */
  hash(relative: string): string | null {
    let known = this.hashes.get(relative);
    if (known === undefined) {
      const path = resolveTemplateFile(this.dirs, relative);
      known = path ? sha256(readFileSync(path)) : null;
      this.hashes.set(relative, known);
    }
    return known;
  }

  /** The inputs of a render, from what it used (relative name → hash of the text it used). */
  static recorded(used: ReadonlyMap<string, string>): Record<string, string> {
    const sorted = [...used.keys()].sort();
    return Object.fromEntries(sorted.map((relative) => [relative, used.get(relative) ?? '']));
  }

  /** Whether every recorded input still resolves to the same content (once per object: the cache shares them). */
  unchanged(inputs: Record<string, string>): boolean {
    let unchanged = this.checked.get(inputs);
    if (unchanged === undefined) {
      unchanged = Object.entries(inputs).every(([relative, hash]) => this.hash(relative) === hash);
      this.checked.set(inputs, unchanged);
    }
    return unchanged;
  }
}

const optionsKeys = new Map<string, string>();

/** Options that change an output's bytes, hashed (once per distinct options: every output is checked). */
export function optionsKey(
  format: Format,
  options: { paper?: string | undefined; since?: string | null | undefined; site?: boolean | undefined; fields?: string | undefined },
): string {
  const paper = format === 'json' ? null : (options.paper ?? null);
  const since = format === 'json' ? null : (options.since ?? null);
  // Only the HTML output differs in site mode (the PDF prints standalone HTML either way).
  const site = format === 'html' && options.site === true;
  // The declared fields' key (config/fields.ts): the model, and so every format, depends on them.
  const fields = options.fields || null;
  const memo = JSON.stringify([format, paper, since, site, fields]);
  let key = optionsKeys.get(memo);
  if (key === undefined) {
    key = sha256(
      JSON.stringify({
        generator,
        format,
        fonts: format === 'html' || format === 'pdf' ? fontsFingerprint() : null,
        paper,
        since,
        ...(site ? { site } : {}),
        ...(fields ? { fields } : {}),
      }),
    );
    // Each `--since` input adds keys; a long-lived process (watch, serve) must not grow without bound.
    if (optionsKeys.size >= 256) optionsKeys.clear();
    optionsKeys.set(memo, key);
  }
  return key;
}
