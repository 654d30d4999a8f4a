/**
 * briefsmith's to-markdown calls, with options made once and made cheap; what they write is the
 * same as with the plain options (property-tested in test/markdown-writer.test.ts).
 * Hand-written because to-markdown takes its extensions as they come on every call, and its only
 * hook into escaping is a handler of one's own:
 *
 * - **Extensions flattened, handlers only for what the tree holds.** to-markdown merges each
 *   extension's handlers into a fresh copy of its own on every call, and adding a handler for a
 *   node type it has none for (GFM's tables, footnotes, strikethrough) costs far more than
 *   replacing one: together a tenth of a field's cost. Flattened here in the order to-markdown
 *   applies them (sub-extensions first, later handlers winning, lists concatenated); a handler
 *   for a node type the tree does not hold is never called, so it is left out. The unsafe
 *   patterns and joins all stay: they apply to text whatever the tree holds.
 * - **Text escaped with the patterns that can match.** For each text node, `safe` runs every
 *   unsafe pattern (about ninety with GFM's, a regular expression each) over the text and the
 *   characters around it. A pattern matches only at its character, so one whose character is not
 *   in that string never matches; the text handler gives `safe` only the others, in their order.
 */
import type { Nodes, Parents, Text } from 'mdast';
import { defaultHandlers, type Handle, type Info, type Options, type State, type Unsafe, toMarkdown } from 'mdast-util-to-markdown';
import { visit } from '../source/visit-tree.js';

/** `options` with its extensions applied, as to-markdown's `configure` applies them, into one object. */
function flatten(options: Options, into: Options & { handlers: object; unsafe: Unsafe[]; join: NonNullable<Options['join']> }): void {
  for (const extension of options.extensions ?? []) flatten(extension, into);
  for (const [key, value] of Object.entries(options)) {
    if (key === 'extensions' || value === undefined) continue;
    if (key === 'handlers') Object.assign(into.handlers, value);
    else if (key === 'unsafe' || key === 'join') into[key].push(...(value as never[]));
    else (into as unknown as Record<string, unknown>)[key] = value;
  }
}

/** Which ASCII characters `subject` holds, marked in a table reused from call to call. */
const seen = new Uint8Array(128);

/** The patterns of `all` whose character occurs in `subject` (or is not one ASCII character), in their order. */
function relevantPatterns(all: readonly Unsafe[], subject: string): Unsafe[] {
  seen.fill(0);
  for (let index = 0; index < subject.length; index++) {
    const code = subject.charCodeAt(index);
    if (code < 128) seen[code] = 1;
  }
  return all.filter((pattern) => pattern.character.length !== 1 || pattern.character.charCodeAt(0) >= 128 || seen[pattern.character.charCodeAt(0)] === 1);
}

/** Serialises a text node as to-markdown's own handler does (the same `safe` call), on the patterns that can match. */
function text(node: Text, parent: Parents | undefined, state: State, info: Info): string {
  const siblings = parent ? parent.children : [];
  const index = state.indexStack[state.indexStack.length - 1] ?? -1;
  const all = state.unsafe;
  state.unsafe = relevantPatterns(all, info.before + node.value + info.after);
  try {
    return state.safe(node.value, { ...info, afterNode: siblings[index + 1], beforeNode: siblings[index - 1] } as Info);
  } finally {
    state.unsafe = all;
  }
}

/** Every node type in `tree`. */
function nodeTypes(tree: Nodes): Set<string> {
  const types = new Set<string>();
  visit(tree, (node) => void types.add(node.type));
  return types;
}

/**
 * A function that writes a tree as `toMarkdown(tree, options)` does: `options` flattened, with the
 * text handler above unless `options` brings its own, and without the handlers to-markdown has no
 * default for whose node type the tree does not hold.
 */
export function markdownWriter(options: Options): (tree: Nodes) => string {
  const flat = { handlers: { text } as Record<string, Handle>, unsafe: [] as Unsafe[], join: [] as NonNullable<Options['join']> };
  flatten(options, flat);
  const defaults = new Set(Object.keys(defaultHandlers));
  const added = Object.keys(flat.handlers).filter((type) => !defaults.has(type));
  const byNeed = new Map<string, Options>();
  return (tree) => {
    const types = nodeTypes(tree);
    const needed = added.filter((type) => types.has(type));
    const key = needed.join(' ');
    let chosen = byNeed.get(key);
    if (!chosen) {
      const handlers = Object.fromEntries(Object.entries(flat.handlers).filter(([type]) => defaults.has(type) || needed.includes(type)));
      chosen = { ...flat, handlers };
      byNeed.set(key, chosen);
    }
    return toMarkdown(tree, chosen);
  };
}
