/** The unified pipeline that parses a brief (or a fragment of one) into mdast. */
import { createRequire } from 'node:module';
import { unified, type Processor } from 'unified';
import type { Root } from 'mdast';
import { VFile } from 'vfile';
import remarkCitations from './citations.js';
import { bodyStart } from './front-matter.js';
import remarkKnownDirectives from './directives.js';
import remarkFences from './fences.js';
import { parseRepaired } from './unclosed.js';
import remarkGfmWithoutAutolinks, { mayHaveAutolinkLiterals } from './gfm-without-autolinks.js';
import { parseNative } from './native-markdown.js';

type RootProcessor = Processor<Root, Root, Root>;
const processors = new Map<string, RootProcessor>();
const require = createRequire(import.meta.url);

/**
 * micromark and its extensions, loaded at the first text satteri does not parse: ~80 modules a
 * build whose briefs all parse natively never needs. require(), not import: parsing is synchronous.
 */
function micromarkPlugins(autolinks: boolean) {
  const gfm = require('remark-gfm') as typeof import('remark-gfm');
  return {
    parse: (require('remark-parse') as typeof import('remark-parse')).default,
    frontMatter: (require('remark-frontmatter') as typeof import('remark-frontmatter')).default,
    gfm: autolinks ? gfm.default : (remarkGfmWithoutAutolinks as unknown as typeof gfm.default),
    directive: (require('remark-directive') as typeof import('remark-directive')).default,
  };
}

/**
 * The shared parser (with front matter for whole briefs); frozen, so one instance serves all.
 * Without `autolinks`, GFM's autolink literals are left out: only for text that has none.
 */
export function briefProcessor(frontMatter = true, autolinks = true): RootProcessor {
  const key = `${frontMatter}:${autolinks}`;
  const known = processors.get(key);
  if (known) return known;
  const plugins = micromarkPlugins(autolinks);
  const base = unified().use(plugins.parse);
  const parser = (frontMatter ? base.use(plugins.frontMatter, ['yaml']) : base).use(plugins.gfm).use(plugins.directive);
  const processor = withTransforms(parser as unknown as Processor);
  processors.set(key, processor);
  return processor;
}

/** briefsmith's own transforms, the same on micromark's tree and on satteri's. */
function withTransforms(processor: Processor): RootProcessor {
  return processor.use(remarkKnownDirectives).use(remarkFences).use(remarkCitations).freeze() as unknown as RootProcessor;
}

/** The transforms alone, for a tree satteri parsed (the parser plugins add no transforms of their own). */
let transforms: RootProcessor | undefined;

/**
 * Parses and transforms `file` into mdast; problems go to `file.messages`. satteri parses when
 * it can (native-markdown.ts), micromark otherwise; briefsmith's transforms run on either tree.
 */
export function parseTree(file: VFile, frontMatter = true): Root {
  const text = String(file.value);
  const native = parseNative(text, frontMatter);
  if (native) {
    transforms ??= withTransforms(unified());
    return transforms.runSync(native, file);
  }
  // Front matter is YAML, never Markdown: source URLs there do not need the autolink parser.
  const body = frontMatter ? text.slice(bodyStart(text)) : text;
  const processor = briefProcessor(frontMatter, mayHaveAutolinkLiterals(body));
  return processor.runSync(parseRepaired(processor, file), file);
}

/** Parses a Markdown fragment (a model text field) the same way a brief is parsed. */
export function parseFragment(markdown: string): Root {
  return parseTree(new VFile({ value: markdown }), false);
}
