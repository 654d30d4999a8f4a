/** mdast node types that briefsmith's parser adds. */
import type { Data, Literal } from 'mdast';

export interface CitationItem {
  key: string;
  /** The locator after the key (`p. 3` in `[@key, p. 3]`), or null. */
  locator: string | null;
}

/** A Pandoc-style citation `[@key]`, `[@a, p. 3; @b]`. */
export interface CitationNode extends Literal {
  type: 'citation';
  items: CitationItem[];
  data?: Data;
}

declare module 'mdast' {
  interface PhrasingContentMap {
    citation: CitationNode;
  }
  interface RootContentMap {
    citation: CitationNode;
  }
}
