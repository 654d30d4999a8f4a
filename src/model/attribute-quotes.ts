/**
 * Attribute values that lose words: `actor=River Commission secretariat` is the actor "River"
 * and two empty attributes, and `actor=“River Commission”` (curly quotes, as a word processor
 * types them) is the actor "“River" — either way the brief would build with the wrong value.
 */
import { shortened } from '../source/text.js';

export interface UnquotedValue {
  /** Offset of the value in the attribute text. */
  index: number;
  length: number;
  name: string;
  /** The value its writer meant. */
  value: string;
  written: string;
  why: string;
  fixed: string;
  /** Names the attribute parser made of the words after the value. */
  strays: string[];
}

const curly = /^[“”„‘’‚«»]/;
// name=value, then bare words up to the next `name=` or the closing brace.
const valueWithWords = /(?<![\w:.-])([A-Za-z_][\w:.-]*)=([^\s}"'=]+)((?:[ \t]+[^\s}"'=]+(?=[\s}]))*)(?=[ \t]+[A-Za-z_][\w:.-]*[ \t]*=|[ \t]*\})/g;

/** The values of `attributes` (the text from `{` to `}`) that are not what their writer meant. */
export function unquotedValues(attributes: string): UnquotedValue[] {
  const found: UnquotedValue[] = [];
  for (const match of attributes.matchAll(valueWithWords)) {
    const [, name = '', value = '', rest = ''] = match;
    if (!curly.test(value) && rest.trim() === '') continue;
    const index = match.index + name.length + 1;
    const words = `${value}${rest}`;
    const text = words.replace(/^[“”„‘’‚«»]+|[“”„‘’‚«»]+$/g, '');
    found.push({
      index,
      length: words.length,
      name,
      value: text,
      written: shortened(`${name}=${words}`),
      why: curly.test(value) ? 'in curly quotes, which are read as part of the value' : 'with spaces, not in quotes',
      fixed: shortened(`${name}="${text}"`),
      strays:
        rest.trim() === ''
          ? []
          : rest
              .trim()
              .replace(/[“”„‘’‚«»]/g, '')
              .split(/[ \t]+/),
    });
  }
  return found;
}
