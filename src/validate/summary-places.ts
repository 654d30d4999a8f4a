/**
 * Positions inside a front matter field's text (the summary), which YAML may have re-indented
 * (`summary: |`), folded or unquoted. A span of the field's text is found where it is written by
 * its order among equal spans: exact whenever the span sits on one line, as citations do. When it
 * cannot be found, the field's own place is used.
 */
import type { Position } from 'unist';
import type { VFile } from 'vfile';
import { VFile as File } from 'vfile';
import { location } from 'vfile-location';
import { parseTree } from '../source/processor.js';
import type { Root } from 'mdast';

export type FieldPlacer = (offset: number | undefined, length: number) => Position | undefined;

/** Maps spans of `value` (a field's parsed text) to the file, given the field's place. */
export function fieldPlacer(file: VFile, place: Position | undefined, value: string): FieldPlacer {
  const source = String(file.value);
  const from = place?.start.offset;
  const to = place?.end.offset;
  if (from === undefined || to === undefined) return () => place;
  const written = source.slice(from, to);
  const toPoint = location(source).toPoint;
  return (offset, length) => {
    if (offset === undefined) return place;
    const span = value.slice(offset, offset + length);
    let nth = 0;
    for (let at = value.indexOf(span); at !== -1 && at < offset; at = value.indexOf(span, at + 1)) nth++;
    let found = written.indexOf(span);
    for (; nth > 0 && found !== -1; nth--) found = written.indexOf(span, found + 1);
    const start = found === -1 ? undefined : toPoint(from + found);
    const end = found === -1 ? undefined : toPoint(from + found + length);
    return start && end ? { start, end } : place;
  };
}

/**
 * Parses a field's Markdown as the body is parsed; the problems found in it (malformed citations,
 * unknown directives) are reported on `file` at their place in the front matter.
 */
export function parseField(file: VFile, place: Position | undefined, value: string): { tree: Root; placer: FieldPlacer } {
  const fragment = new File({ value });
  const tree = parseTree(fragment, false);
  const placer = fieldPlacer(file, place, value);
  for (const message of fragment.messages) {
    const start = message.place && 'start' in message.place ? message.place.start : message.place;
    const end = message.place && 'end' in message.place ? message.place.end : undefined;
    const length = end?.offset !== undefined && start?.offset !== undefined ? end.offset - start.offset : 2;
    const moved = file.message(message.reason, {
      place: placer(start?.offset, Math.max(length, 1)),
      ruleId: message.ruleId ?? 'unknown',
      source: message.source ?? 'briefsmith',
    });
    moved.fatal = message.fatal;
    moved.note = message.note;
  }
  return { tree, placer };
}
