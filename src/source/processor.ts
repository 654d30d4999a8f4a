/** The unified pipeline that parses a brief (or a fragment of one) into mdast. */
import { unified, type Processor } from 'unified';
import remarkParse from 'remark-parse';
import remarkFrontmatter from 'remark-frontmatter';
import remarkGfm from 'remark-gfm';
import remarkDirective from 'remark-directive';
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

/**
 * The shared parser (with front matter for whole briefs); frozen, so one instance serves all.
 * Without `autolinks`, GFM's autolink literals are left out: only for text that has none.
 */
export function briefProcessor(frontMatter = true, autolinks = true): RootProcessor {
  const key = `${frontMatter}:${autolinks}`;
  const known = processors.get(key);
  if (known) return known;
  const base = unified().use(remarkParse);
  const processor = (frontMatter ? base.use(remarkFrontmatter, ['yaml']) : base)
    .use(autolinks ? remarkGfm : remarkGfmWithoutAutolinks)
    .use(remarkDirective)
    .use(remarkKnownDirectives)
    .use(remarkFences)
    .use(remarkCitations)
    .freeze() as unknown as RootProcessor;
  processors.set(key, processor);
  return processor;
}

/**
 * Parses and transforms `file` into mdast; problems go to `file.messages`. satteri parses when
 * it can (native-markdown.ts), micromark otherwise; briefsmith's transforms run on either tree.
 */
export function parseTree(file: VFile, frontMatter = true): Root {
  const text = String(file.value);
  const native = parseNative(text, frontMatter);
  if (native) return briefProcessor(frontMatter, true).runSync(native, file);
  // Front matter is YAML, never Markdown: source URLs there do not need the autolink parser.
  const body = frontMatter ? text.slice(bodyStart(text)) : text;
  const processor = briefProcessor(frontMatter, mayHaveAutolinkLiterals(body));
  return processor.runSync(parseRepaired(processor, file), file);
}

/** Parses a Markdown fragment (a model text field) the same way a brief is parsed. */
export function parseFragment(markdown: string): Root {
  return parseTree(new VFile({ value: markdown }), false);
}
