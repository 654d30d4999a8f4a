/**
 * The body's sections as extraction reads it: runs of prose and blocks that point at typed
 * parts, in order; a `#` or `##` heading closes a section and opens the next.
 */
import type { Heading, RootContent } from 'mdast';
import GithubSlugger from 'github-slugger';
import { customHeadingId } from '../source/linear-text.js';
import { type ExtractContext, plainText } from './context.js';

type Draft = Record<string, unknown>;

export interface DraftSection {
  id: string;
  title: string;
  blocks: Draft[];
  position?: Draft['position'];
}

export class SectionReader {
  private readonly sections: DraftSection[] = [];
  private section: DraftSection = { id: 'introduction', title: '', blocks: [] };
  private prose: RootContent[] = [];
  private readonly slugger = new GithubSlugger();

  constructor(private readonly context: ExtractContext) {}

  /** A heading: the section read so far ends, its own begins. */
  heading(node: Heading): void {
    this.flush();
    this.close();
    this.section = headingSection(node, this.slugger);
  }

  /** A node of prose: it joins the current run. */
  text(node: RootContent): void {
    this.prose.push(node);
  }

  /** A typed part (`kind`, at `index` in its list) stands here. */
  block(kind: string, index: number): void {
    this.flush();
    this.section.blocks.push({ kind, markdown: null, index });
  }

  /** Every section, once the body is read. */
  end(): DraftSection[] {
    this.flush();
    this.close();
    return this.sections;
  }

  private flush(): void {
    const markdown = this.context.slice(this.prose);
    if (markdown) this.section.blocks.push({ kind: 'prose', markdown, index: null });
    this.prose = [];
  }

  private close(): void {
    if (this.section.blocks.length > 0 || this.section.title) this.sections.push(this.section);
  }
}

function headingSection(node: Heading, slugger: GithubSlugger): DraftSection {
  const text = plainText(node).trim();
  const custom = customHeadingId(text);
  const title = custom ? custom.title : text;
  const id = custom?.id ?? slugger.slug(title);
  return node.position ? { id, title, blocks: [], position: node.position } : { id, title, blocks: [] };
}
