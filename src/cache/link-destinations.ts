/**
 * The link and image destinations a brief's text may hold, found without parsing it: every
 * destination after `](` (an inline link or image) or `]:` (a reference definition), read by
 * CommonMark's rules for destinations (angle brackets, balanced parentheses, backslash escapes,
 * entity and numeric references). Hand-written because the build runs this on its own thread
 * before any brief reaches a worker with a time limit, so it must not parse: a parser a hostile
 * brief could stall would stall the whole build. It over-matches (links, code, text that only
 * looks like a destination), which costs a hash; it never misses a destination the parser finds
 * (test/link-destinations.test.ts). Work is bounded: past a budget linear in the text it gives up
 * and returns null, and the caller then treats the brief as changed on every build.
 */
import { decodeNamedCharacterReference } from 'decode-named-character-reference';

const asciiPunctuation = /[!-/:-@[-`{-~]/;

/** Characters a destination may not hold outside angle brackets: ASCII control and space. */
const ends = (code: number) => code <= 0x20 || code === 0x7f;

/** The destinations in `text`, or null when finding them would cost more than the budget. */
export function linkDestinations(text: string): string[] | null {
  const found = new Set<string>();
  let budget = 4 * text.length + 65_536;
  for (let at = text.indexOf(']'); at !== -1; at = text.indexOf(']', at + 1)) {
    const next = text[at + 1];
    if (next !== '(' && next !== ':') continue;
    const read = readDestination(text, skipSpace(text, at + 2));
    budget -= read.cost;
    if (budget < 0) return null;
    if (read.destination) found.add(read.destination);
  }
  return [...found];
}

/** Past spaces, tabs and at most one line ending. */
function skipSpace(text: string, at: number): number {
  let position = at;
  let lineEndings = 0;
  for (; position < text.length; position++) {
    const character = text[position];
    if (character === '\n') lineEndings++;
    else if (character !== ' ' && character !== '\t') break;
    if (lineEndings > 1) break;
  }
  return position;
}

/** The destination starting at `at` (escapes and references resolved), and the characters read. */
function readDestination(text: string, at: number): { destination: string; cost: number } {
  const angled = text[at] === '<';
  let destination = '';
  let depth = 0;
  let position = angled ? at + 1 : at;
  for (; position < text.length; position++) {
    const character = text[position]!;
    if (character === '\\' && asciiPunctuation.test(text[position + 1] ?? '')) {
      destination += text[++position];
      continue;
    }
    if (character === '&') {
      const reference = referenceAt(text, position);
      if (reference) {
        destination += reference.text;
        position += reference.length - 1;
        continue;
      }
    }
    if (angled ? character === '>' || character === '\n' || character === '<' : ends(character.charCodeAt(0))) break;
    if (!angled && character === '(') depth++;
    if (!angled && character === ')' && depth-- === 0) break;
    destination += character;
  }
  const closed = !angled || text[position] === '>';
  return { destination: closed ? destination : '', cost: position - at + 1 };
}

const reference = /&(?:#(\d{1,7})|#[xX]([0-9a-fA-F]{1,6})|([A-Za-z][A-Za-z0-9]{0,31}));/y;

/** The entity or numeric reference (`&amp;`, `&#97;`, `&#x61;`) at `at`, as the text it stands for; null when there is none. */
function referenceAt(text: string, at: number): { text: string; length: number } | null {
  reference.lastIndex = at;
  const match = reference.exec(text);
  if (!match) return null;
  const [whole, decimal, hex, name] = match;
  if (name !== undefined) {
    const decoded = decodeNamedCharacterReference(name);
    return decoded === false ? null : { text: decoded, length: whole.length };
  }
  const code = Number.parseInt((decimal ?? hex) as string, decimal === undefined ? 16 : 10);
  return { text: code === 0 || code > 0x10ffff ? '\ufffd' : String.fromCodePoint(code), length: whole.length };
}
