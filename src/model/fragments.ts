/**
 * The syntax trees of a brief's Markdown fields, as parsed with the whole brief. Rendering needs a
 * tree for every rich-text field; re-parsing each field for each format was most of the render
 * time, so validation attaches the trees extraction already has to the brief they belong to. The
 * WeakMap keeps this a cache: a brief without trees (read back from JSON, say) is parsed again,
 * and the trees go when the brief does.
 */
import type { Root } from 'mdast';

/** Field text (exactly as in the model) → its tree. */
export type Fragments = ReadonlyMap<string, Root>;

const registry = new WeakMap<object, Fragments>();

/** Associates `fragments` with `brief`. */
export function attachFragments(brief: object, fragments: Fragments): void {
  registry.set(brief, fragments);
}

/** The trees attached to `brief`, if any. */
export function fragmentsOf(brief: object): Fragments | undefined {
  return registry.get(brief);
}

/** Lets the trees go once a brief is rendered. */
export function detachFragments(brief: object): void {
  registry.delete(brief);
}
