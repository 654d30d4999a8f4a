/**
 * What the lint knows about each helper: its arguments and whether its output is escaped. Kept
 * next to the lint rather than the helpers so the runtime stays free of lint concerns; a test
 * checks that every registered helper has a signature here.
 */
import { commonHelpers } from '../helpers/common.js';
import { htmlHelpers, markdownHelpers } from '../helpers/format.js';
import type { TemplateFormat } from '../template-files.js';

/** `text` needs a string, `list` an array, `any` takes anything. */
export type ArgumentKind = 'text' | 'list' | 'any';

export interface HelperSignature {
  /** Kinds of the positional arguments; `optional` ones may be left out; null: not checked. */
  arguments: ArgumentKind[] | null;
  optional?: number;
  /** Output that is safe in the template's format (escaped or fixed vocabulary). */
  escapes: boolean;
  /** Handlebars built-ins that take a block (`#if`, `#each` …). */
  block?: boolean;
}

const text = (escapes: boolean): HelperSignature => ({ arguments: ['text'], escapes });

/** Helpers available in every format. */
const common: Record<string, HelperSignature> = {
  'format-date': text(true),
  label: text(true),
  slug: text(true),
  'likelihood-range': text(true),
  join: { arguments: ['list', 'text'], optional: 1, escapes: false },
  eq: { arguments: ['any', 'any'], escapes: true },
  'source-number': text(true),
  // Handlebars built-ins.
  lookup: { arguments: ['any', 'any'], escapes: false },
  log: { arguments: ['any'], escapes: true },
  if: { arguments: ['any'], escapes: true, block: true },
  unless: { arguments: ['any'], escapes: true, block: true },
  each: { arguments: ['any'], escapes: true, block: true },
  with: { arguments: ['any'], escapes: true, block: true },
};

const byFormat: Record<TemplateFormat, Record<string, HelperSignature>> = {
  md: { ...common, md: text(true), 'md-cell': text(true), 'md-url': text(true), rich: text(true), inline: text(true) },
  html: { ...common, rich: text(true), inline: text(true), 'css-string': text(true), asset: text(true) },
};

/** A helper registered at run time but not described here: its calls are not checked. */
const unchecked: HelperSignature = { arguments: null, escapes: false };

/**
 * The helpers a template of `format` may call: every helper the renderer registers (so a new
 * helper is never reported as unknown), with its signature when one is written above.
 */
export function helpersFor(format: TemplateFormat): Record<string, HelperSignature> {
  const registered = Object.keys({ ...commonHelpers, ...(format === 'md' ? markdownHelpers : htmlHelpers) });
  const builtins = ['lookup', 'log', 'if', 'unless', 'each', 'with'];
  return Object.fromEntries([...registered, ...builtins].map((name) => [name, byFormat[format][name] ?? unchecked]));
}

/** Registered helpers without a signature here (a test keeps this empty). */
export function uncheckedHelpers(format: TemplateFormat): string[] {
  return Object.entries(helpersFor(format))
    .filter(([, signature]) => signature === unchecked)
    .map(([name]) => name);
}
