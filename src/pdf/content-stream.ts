/**
 * The one reader of page content streams every finishing step shares: text positions
 * (text-runs.ts), soft-hyphen ActualTexts (soft-hyphens.ts) and artifact marks (artifacts.ts).
 * Hand-written because no maintained JavaScript library tokenizes a content stream without
 * also interpreting it (pdf.js does, in a worker, with fonts), and these passes need byte
 * offsets to edit the stream in place.
 *
 * Chromium shows one glyph per Tj with a Td between, so a contents page is some 70 KB of
 * operators: the scan works on the bytes and turns only the operands a caller asks for into
 * numbers.
 */
import { endOfDictionary } from './pdf-syntax.js';

// Character classes of PDF syntax (ISO 32000-1 §7.2.2).
const whiteSpace = new Uint8Array(256);
for (const byte of [0x00, 0x09, 0x0a, 0x0c, 0x0d, 0x20]) whiteSpace[byte] = 1;
const delimiter = new Uint8Array(256);
for (const character of '()<>[]{}/%') delimiter[character.charCodeAt(0)] = 1;
const ends = (byte: number | undefined) => byte === undefined || whiteSpace[byte] === 1 || delimiter[byte] === 1;
const isNumberStart = (byte: number) => (byte >= 0x30 && byte <= 0x39) || byte === 0x2d || byte === 0x2b || byte === 0x2e;
const isOperatorStart = (byte: number) => (byte >= 0x41 && byte <= 0x5a) || (byte >= 0x61 && byte <= 0x7a) || byte === 0x27 || byte === 0x22;

/** An operator of up to three characters as a number to switch on (longer ones are 0: none of these passes reads one). */
export function operatorCode(operator: string): number {
  if (operator.length > 3) return 0;
  let code = 0;
  for (let index = 0; index < operator.length; index++) code = (code << 8) | operator.charCodeAt(index);
  return code;
}

/** One operator and its operands, as the walk meets it. The same object is reused for every operator: read it inside the visit. */
export interface Operation {
  /** `operatorCode` of the operator. */
  readonly operator: number;
  /** Offset of the first operand (the operator itself when it has none): where to insert before this operation. */
  readonly start: number;
  /** Offset of the operator. */
  readonly operatorStart: number;
  /** Offset just past the operator. */
  readonly end: number;
  /** How many operands the operator has. */
  readonly operandCount: number;
  /** The operand `fromEnd` places from the last (1 is the last) as a number, or undefined when it is missing or not a number. */
  number(fromEnd: number): number | undefined;
}

class Walk implements Operation {
  operator = 0;
  start = 0;
  operatorStart = 0;
  end = 0;
  /** Operands since the last operator as [start, end, isNumber] triples. */
  readonly operands: number[] = [];
  constructor(private readonly bytes: Uint8Array) {}

  get operandCount(): number {
    return this.operands.length / 3;
  }

  number(fromEnd: number): number | undefined {
    const index = this.operands.length - 3 * fromEnd;
    if (index < 0 || this.operands[index + 2] !== 1) return undefined;
    const [from, to] = [this.operands[index]!, this.operands[index + 1]!];
    return Number(Buffer.from(this.bytes.buffer, this.bytes.byteOffset + from, to - from).toString('latin1'));
  }
}

/** The offset past the literal string opening at `at` (escapes and balanced parentheses). */
function endOfString(bytes: Uint8Array, at: number): number {
  for (let nesting = 1; nesting > 0 && ++at < bytes.length; ) {
    if (bytes[at] === 0x5c) at++;
    else if (bytes[at] === 0x28) nesting++;
    else if (bytes[at] === 0x29) nesting--;
  }
  return at + 1;
}

/** The offset past an inline image's data: `ID`, one white-space byte, data, white space, `EI`. */
function endOfInlineImage(bytes: Uint8Array, at: number): number {
  for (let index = at + 1; index + 1 < bytes.length; index++) {
    if (bytes[index] === 0x45 && bytes[index + 1] === 0x49 && whiteSpace[bytes[index - 1]!] === 1 && ends(bytes[index + 2])) return index;
  }
  return bytes.length;
}

const ID = operatorCode('ID');

/** Calls `visit` for every operator in `bytes`, in order. */
export function walkContent(bytes: Uint8Array, visit: (operation: Operation) => void): void {
  const walk = new Walk(bytes);
  const { operands } = walk;
  const length = bytes.length;
  let at = 0;
  let operandsStart = -1;
  const operand = (start: number, end: number, isNumber: number) => {
    if (operandsStart < 0) operandsStart = start;
    operands.push(start, end, isNumber);
  };
  while (at < length) {
    const byte = bytes[at]!;
    const start = at;
    if (whiteSpace[byte] === 1) {
      at++;
    } else if (isNumberStart(byte)) {
      while (!ends(bytes[++at]));
      operand(start, at, 1);
    } else if (byte === 0x28 /* ( */) {
      at = endOfString(bytes, at);
      operand(start, at, 0);
    } else if (byte === 0x3c /* < */) {
      const close = bytes[at + 1] === 0x3c ? endOfDictionary(bytes, at) : bytes.indexOf(0x3e, at) + 1;
      at = close <= 0 ? length : close;
      operand(start, at, 0);
    } else if (byte === 0x25 /* % */) {
      while (at < length && bytes[at] !== 0x0a && bytes[at] !== 0x0d) at++;
    } else if (isOperatorStart(byte)) {
      while (!ends(bytes[++at]));
      let code = 0;
      if (at - start <= 3) for (let index = start; index < at; index++) code = (code << 8) | bytes[index]!;
      walk.operator = code;
      walk.start = operandsStart < 0 ? start : operandsStart;
      walk.operatorStart = start;
      if (code === ID) at = endOfInlineImage(bytes, at);
      walk.end = at;
      visit(walk);
      operands.length = 0;
      operandsStart = -1;
    } else if (byte === 0x2f /* / */) {
      while (!ends(bytes[++at]));
      operand(start, at, 0);
    } else {
      // An array's brackets start or end operands (TJ's, d's); its items are recorded as operands of their own.
      if (byte === 0x5b /* [ */) operand(start, start + 1, 0);
      at++;
    }
  }
}
