/** Finding where a PDF object ends in raw bytes, for the passes that read or edit bytes without pdf-lib's parser. */

/**
 * The offset just past the `>>` closing the dictionary that opens at `start`, or -1. Steps over
 * literal strings (escapes and nested parentheses), hex strings and comments, so no `>>` or
 * `endobj` inside text can end it early.
 */
export function endOfDictionary(bytes: Uint8Array, start: number): number {
  let depth = 0;
  for (let at = start; at < bytes.length; at++) {
    const byte = bytes[at];
    if (byte === 0x3c /* < */) {
      if (bytes[at + 1] === 0x3c) {
        depth++;
        at++;
      } else {
        at = bytes.indexOf(0x3e, at);
        if (at < 0) return -1;
      }
    } else if (byte === 0x3e /* > */) {
      if (bytes[at + 1] !== 0x3e) return -1;
      at++;
      if (--depth === 0) return at + 1;
    } else if (byte === 0x28 /* ( */) {
      let nesting = 1;
      while (nesting > 0) {
        const next = bytes[++at];
        if (next === undefined) return -1;
        if (next === 0x5c /* \ */) at++;
        else if (next === 0x28) nesting++;
        else if (next === 0x29) nesting--;
      }
    } else if (byte === 0x25 /* % */) {
      while (at + 1 < bytes.length && bytes[at + 1] !== 0x0a && bytes[at + 1] !== 0x0d) at++;
    }
  }
  return -1;
}
