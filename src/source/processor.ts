/** The unified pipeline that parses a brief (or a fragment of one) into mdast. */
import { unified, type Processor } from 'unified';
import remarkParse from 'remark-parse';
import remarkFrontmatter from 'remark-frontmatter';
import remarkGfm from 'remark-gfm';
import remarkDirective from 'remark-directive';
import type { Root } from 'mdast';
import { VFile } from 'vfile';
import remarkCitations from './citations.js';
import remarkKnownDirectives from './directives.js';

type RootProcessor = Processor<Root, Root, Root>;
const processors = new Map<boolean, RootProcessor>();

/** The shared parser (with front matter for whole briefs); frozen, so one instance serves all. */
export function briefProcessor(frontMatter = true): RootProcessor {
  const known = processors.get(frontMatter);
  if (known) return known;
  const base = unified().use(remarkParse);
  const processor = (frontMatter ? base.use(remarkFrontmatter, ['yaml']) : base)
    .use(remarkGfm)
    .use(remarkDirective)
    .use(remarkKnownDirectives)
    .use(remarkCitations)
    .freeze() as unknown as RootProcessor;
  processors.set(frontMatter, processor);
  return processor;
}

/** Parses and transforms `file` into mdast; problems go to `file.messages`. */
export function parseTree(file: VFile, frontMatter = true): Root {
  const processor = briefProcessor(frontMatter);
  return processor.runSync(processor.parse(file), file);
}

/** Parses a Markdown fragment (a model text field) the same way a brief is parsed. */
export function parseFragment(markdown: string): Root {
  return parseTree(new VFile({ value: markdown }), false);
}
