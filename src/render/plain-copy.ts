/**
 * The brief as the templates see it: a copy without source positions, exactly what
 * `JSON.parse(JSON.stringify(brief, omitPositions))` gives, made in one walk that also collects the
 * code points above U+007E of every text in it (the fonts a page needs are picked from them).
 * Hand-written because the round trip through a JSON string with a replacer, then a scan of that
 * string, cost three times the walk for every brief rendered.
 */
import { omitPositions } from '../model/plain.js';

export interface PlainCopy<T> {
  plain: T;
  /** The code points above U+007E in the copy's strings and keys (lone surrogates included: no font covers them). */
  codePoints: Set<number>;
}

/** Adds the code points above U+007E of `text` to `points`. */
function collect(text: string, points: Set<number>): void {
  for (let index = 0; index < text.length; index++) {
    if (text.charCodeAt(index) <= 0x7e) continue;
    const point = text.codePointAt(index)!;
    points.add(point);
    if (point > 0xffff) index++;
  }
}

/** Values JSON leaves out of an object (and writes as null in an array). */
const dropped = (value: unknown) => value === undefined || typeof value === 'function' || typeof value === 'symbol';

/** Raised at anything that is not plain JSON data (a class instance, a `toJSON`): the round trip decides then. */
class NotPlain extends Error {}

function copy(value: unknown, points: Set<number>): unknown {
  if (typeof value === 'string') {
    collect(value, points);
    return value;
  }
  // JSON writes -0 as 0 and what is not finite as null.
  if (typeof value === 'number') return Number.isFinite(value) ? value + 0 : null;
  if (value === null || typeof value === 'boolean') return value;
  if (typeof value !== 'object') throw new NotPlain();
  if (Array.isArray(value)) {
    // A loop, not map: JSON writes a hole as null too.
    const out = new Array<unknown>(value.length);
    for (let index = 0; index < value.length; index++) out[index] = dropped(value[index]) ? null : copy(value[index], points);
    return out;
  }
  const prototype = Object.getPrototypeOf(value);
  if ((prototype !== Object.prototype && prototype !== null) || 'toJSON' in value) throw new NotPlain();
  const out: Record<string, unknown> = {};
  for (const [key, item] of Object.entries(value)) {
    if (key === 'position' || dropped(item)) continue;
    collect(key, points);
    out[key] = copy(item, points);
  }
  return out;
}

/** `value` without its `position` fields, as the JSON round trip gives it, with the code points of its text. */
export function plainCopyOf<T>(value: T): PlainCopy<T> {
  const codePoints = new Set<number>();
  try {
    return { plain: copy(value, codePoints) as T, codePoints };
  } catch (error) {
    if (!(error instanceof NotPlain)) throw error;
    const json = JSON.stringify(value, omitPositions);
    codePoints.clear();
    collect(json, codePoints);
    return { plain: JSON.parse(json) as T, codePoints };
  }
}
