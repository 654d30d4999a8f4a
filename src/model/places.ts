/**
 * Where each part of a draft came from. Keys are model paths joined with dots
 * (`keyJudgments.0.likelihood`); validation looks up the longest known prefix of a problem's path.
 */
import type { Position } from 'unist';

export type Places = Map<string, Position>;

/** The position recorded for `path`, or for its nearest recorded ancestor. */
export function placeOf(places: Places, path: ReadonlyArray<PropertyKey>): Position | undefined {
  for (let length = path.length; length >= 0; length--) {
    const found = places.get(path.slice(0, length).map(String).join('.'));
    if (found) return found;
  }
  return undefined;
}
