/**
 * Chromium names structure elements after DOM node ids (`node00000159`), which keep counting
 * across every document a renderer has loaded: the same brief printed second gets other ids.
 * Renumbering them in their original order (so the /IDTree stays sorted) makes the bytes
 * depend on the document alone.
 *
 * This runs on the printed bytes, before parsing: new names have the old ones' length, so no
 * offset moves, and the structure elements holding them need not be parsed at all
 * (load-printed.ts). An ID is a literal string `(node` + eight digits + `)` following `/ID`;
 * every literal string equal to one of them is renamed — the element's /ID, the /IDTree's
 * /Names and /Limits, table cells' /Headers. Compressed streams cannot hold such a string
 * by accident in practice (twelve exact bytes in a parenthesis pair), and Chromium writes no
 * other text as a bare `node` + eight digits.
 */

const opening = Buffer.from('(node');
const nameLength = 12; // node + eight digits

/** Renames every structure element ID to `node00000001`… and the references to them; returns new bytes (or `pdf` when there are none). */
export function renumberStructureIds(pdf: Uint8Array): Uint8Array {
  const source = Buffer.from(pdf.buffer, pdf.byteOffset, pdf.byteLength);
  const found: number[] = [];
  const old = new Set<string>();
  for (let at = source.indexOf(opening); at >= 0; at = source.indexOf(opening, at + 1)) {
    if (!isIdString(source, at)) continue;
    found.push(at + 1);
    if (followsIdKey(source, at)) old.add(source.toString('latin1', at + 1, at + 1 + nameLength));
  }
  if (old.size === 0) return pdf;
  const renamed = new Map([...old].sort().map((name, index) => [name, `node${String(index + 1).padStart(8, '0')}`]));
  const result = Buffer.from(source);
  for (const at of found) {
    const name = renamed.get(source.toString('latin1', at, at + nameLength));
    if (name !== undefined) result.write(name, at, 'latin1');
  }
  return result;
}

/** `(node` at `at` continues with eight digits and the closing parenthesis. */
function isIdString(bytes: Uint8Array, at: number): boolean {
  for (let index = at + 5; index < at + 1 + nameLength; index++) if (!(bytes[index]! >= 0x30 && bytes[index]! <= 0x39)) return false;
  return bytes[at + 1 + nameLength] === 0x29;
}

/** The string at `at` is the value of an /ID key (white space between allowed). */
function followsIdKey(bytes: Uint8Array, at: number): boolean {
  let index = at - 1;
  while (
    index >= 0 &&
    (bytes[index] === 0x20 || bytes[index] === 0x0a || bytes[index] === 0x0d || bytes[index] === 0x09 || bytes[index] === 0x0c || bytes[index] === 0x00)
  )
    index--;
  // `/ID` exactly: not the tail of a longer name such as /UID.
  return index >= 2 && bytes[index] === 0x44 && bytes[index - 1] === 0x49 && bytes[index - 2] === 0x2f;
}
