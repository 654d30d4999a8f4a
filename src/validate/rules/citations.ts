/** Citations resolve to declared sources; every source is cited; no source postdates the brief. */
import type { Root } from 'mdast';
import type { VFile } from 'vfile';
import { report, didYouMean } from '../../errors/report.js';
import type { Places } from '../../model/places.js';
import { parseFragment } from '../../source/processor.js';
import { citationsIn, type FoundCitation } from '../walk.js';

interface DraftLike {
  meta?: { date?: unknown; summary?: unknown };
  sources?: Array<{ key?: unknown; date?: unknown }>;
}

/** Runs the citation rules over the body and the front matter summary. */
export function checkCitations(file: VFile, tree: Root, draft: DraftLike, places: Places): void {
  const sources = draft.sources ?? [];
  const keys = sources.map((source) => String(source.key));
  const found: FoundCitation[] = citationsIn(tree);
  if (typeof draft.meta?.summary === 'string') {
    // The summary lives in YAML, so its citations are placed at the summary field.
    const summaryPlace = places.get('meta.summary');
    for (const citation of citationsIn(parseFragment(draft.meta.summary))) found.push({ ...citation, position: summaryPlace });
  }
  const cited = new Set<string>();
  const firstCitation = new Map<string, FoundCitation>();
  for (const citation of found) {
    cited.add(citation.key);
    if (!firstCitation.has(citation.key)) firstCitation.set(citation.key, citation);
    if (!keys.includes(citation.key)) {
      report(file, 'unresolved-citation', citation.position, { key: citation.key, suggestion: didYouMean(citation.key, keys) });
    }
  }
  const briefDate = typeof draft.meta?.date === 'string' ? draft.meta.date : undefined;
  sources.forEach((source, index) => {
    const key = String(source.key);
    if (!cited.has(key)) report(file, 'unused-source', places.get(`sources.${index}`), { key });
    const sourceDate = typeof source.date === 'string' ? source.date : undefined;
    if (briefDate && sourceDate && sourceDate > briefDate) {
      const place = firstCitation.get(key)?.position ?? places.get(`sources.${index}.date`);
      report(file, 'source-after-brief', place, { key, sourceDate, briefDate });
    }
  });
}
