/**
 * The syntax trees of a brief's Markdown fields, as parsed with the whole brief. Rendering needs a
 * tree for every rich-text field; re-parsing each field for each format was most of the render
 * time, so validation hands out the trees extraction already has (`ValidatedBrief.fragments`) and
 * a renderer takes them as an option (`RenderOptions.fragments`). They are a cache: without them
 * (a brief read back from JSON, or from the model cache) each field is parsed again, to the same
 * output. They never cross a thread: a brief is rendered where it was parsed.
 */
import type { Root } from 'mdast';

/** Field text (exactly as in the model) → its tree. */
export type Fragments = ReadonlyMap<string, Root>;
