/**
 * Chromium names structure elements after DOM node ids (`node00000159`), which keep counting
 * across every document a renderer has loaded: the same brief printed second gets other ids.
 * Renumbering them in their original order (so the /IDTree stays sorted) makes the bytes
 * depend on the document alone.
 */
import { PDFArray, PDFDict, PDFHexString, PDFName, PDFString, type PDFDocument, type PDFObject } from 'pdf-lib';

const isText = (value: PDFObject | undefined): value is PDFString | PDFHexString => value instanceof PDFString || value instanceof PDFHexString;

/** Renames every structure element ID to `node00000001`… and rewrites the references to them. */
export function renumberStructureIds(document: PDFDocument): void {
  const ID = PDFName.of('ID');
  const owners = new Set<PDFDict>();
  const old = new Set<string>();
  for (const [, object] of document.context.enumerateIndirectObjects()) {
    if (!(object instanceof PDFDict)) continue;
    const id = object.get(ID);
    if (isText(id)) {
      owners.add(object);
      old.add(id.decodeText());
    }
  }
  if (old.size === 0) return;
  const renamed = new Map([...old].sort().map((name, index) => [name, `node${String(index + 1).padStart(8, '0')}`]));
  const rename = (value: PDFObject | undefined) => {
    const name = isText(value) ? renamed.get(value.decodeText()) : undefined;
    return name === undefined ? value : PDFString.of(name);
  };
  for (const [, object] of document.context.enumerateIndirectObjects()) {
    if (!(object instanceof PDFDict)) continue;
    if (owners.has(object)) object.set(ID, rename(object.get(ID))!);
    renameHeaders(document, object, rename);
    // /IDTree leaves: /Names [ (id) ref (id) ref … ].
    const names = object.lookup(PDFName.of('Names'));
    if (names instanceof PDFArray) for (let index = 0; index < names.size(); index += 2) names.set(index, rename(names.get(index))!);
    const limits = object.lookup(PDFName.of('Limits'));
    if (limits instanceof PDFArray) for (let index = 0; index < limits.size(); index++) limits.set(index, rename(limits.get(index))!);
  }
}

/** Table cells point at their header cells by ID: /A << /Headers [ (id) … ] >>, or an array of such. */
function renameHeaders(document: PDFDocument, element: PDFDict, rename: (value: PDFObject | undefined) => PDFObject | undefined): void {
  const attributes = element.lookup(PDFName.of('A'));
  const list = attributes instanceof PDFArray ? attributes.asArray().map((item) => document.context.lookup(item)) : [attributes];
  for (const attribute of list) {
    if (!(attribute instanceof PDFDict)) continue;
    const headers = attribute.lookup(PDFName.of('Headers'));
    if (headers instanceof PDFArray) for (let index = 0; index < headers.size(); index++) headers.set(index, rename(headers.get(index))!);
  }
}
