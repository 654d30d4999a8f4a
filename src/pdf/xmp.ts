/**
 * The XMP metadata stream (ISO 16684-1) PDF/A and PDF/UA read their identification from, holding
 * the same facts as the document information dictionary: PDF/A-2 (ISO 19005-2 §6.6.2.3) requires
 * every Info entry to have an equal XMP property. pdfuaid is not one of the schemas PDF/A
 * predefines, so a PDF/A file that uses it declares it in a PDF/A extension schema (§6.6.2.3.3).
 * Written by hand: the packet is one fixed shape with a dozen values, and the XMP libraries on npm
 * read packets rather than write them.
 */

export interface XmpFacts {
  title: string;
  author: string;
  subject: string;
  keywords: readonly string[];
  /** The keywords as the Info dictionary holds them (`; `-separated). */
  keywordText: string;
  lang: string;
  producer: string;
  /** ISO 8601, to the second (what the Info dictionary's dates keep). */
  date: string;
  /** Declare PDF/A-2b conformance (and the extension schema for pdfuaid that it requires). */
  archive: boolean;
}

const escapeXml = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
const items = (values: readonly string[]) => values.map((value) => `<rdf:li>${escapeXml(value)}</rdf:li>`).join('');
const alt = (value: string) => `<rdf:Alt><rdf:li xml:lang="x-default">${escapeXml(value)}</rdf:li></rdf:Alt>`;

const namespaces = {
  rdf: 'http://www.w3.org/1999/02/22-rdf-syntax-ns#',
  dc: 'http://purl.org/dc/elements/1.1/',
  xmp: 'http://ns.adobe.com/xap/1.0/',
  pdf: 'http://ns.adobe.com/pdf/1.3/',
  pdfaid: 'http://www.aiim.org/pdfa/ns/id/',
  pdfuaid: 'http://www.aiim.org/pdfua/ns/id/',
  pdfaExtension: 'http://www.aiim.org/pdfa/ns/extension/',
  pdfaSchema: 'http://www.aiim.org/pdfa/ns/schema#',
  pdfaProperty: 'http://www.aiim.org/pdfa/ns/property#',
};

/** The extension schema that makes `pdfuaid:part` a known property of a PDF/A file. */
const pdfuaExtension = [
  `<rdf:Description rdf:about="" xmlns:pdfaExtension="${namespaces.pdfaExtension}" xmlns:pdfaSchema="${namespaces.pdfaSchema}" xmlns:pdfaProperty="${namespaces.pdfaProperty}">`,
  '<pdfaExtension:schemas><rdf:Bag><rdf:li rdf:parseType="Resource">',
  '<pdfaSchema:schema>PDF/UA identification</pdfaSchema:schema>',
  `<pdfaSchema:namespaceURI>${namespaces.pdfuaid}</pdfaSchema:namespaceURI>`,
  '<pdfaSchema:prefix>pdfuaid</pdfaSchema:prefix>',
  '<pdfaSchema:property><rdf:Seq><rdf:li rdf:parseType="Resource">',
  '<pdfaProperty:name>part</pdfaProperty:name>',
  '<pdfaProperty:valueType>Integer</pdfaProperty:valueType>',
  '<pdfaProperty:category>internal</pdfaProperty:category>',
  '<pdfaProperty:description>The part of ISO 14289 the file conforms to</pdfaProperty:description>',
  '</rdf:li></rdf:Seq></pdfaSchema:property>',
  '</rdf:li></rdf:Bag></pdfaExtension:schemas>',
  '</rdf:Description>',
].join('\n');

/** The XMP packet for `facts`, as UTF-8 text. */
export function xmpPacket(facts: XmpFacts): string {
  const properties = [
    '<dc:format>application/pdf</dc:format>',
    `<dc:title>${alt(facts.title)}</dc:title>`,
    facts.author ? `<dc:creator><rdf:Seq>${items([facts.author])}</rdf:Seq></dc:creator>` : '',
    facts.subject ? `<dc:description>${alt(facts.subject)}</dc:description>` : '',
    facts.keywords.length > 0 ? `<dc:subject><rdf:Bag>${items(facts.keywords)}</rdf:Bag></dc:subject>` : '',
    `<dc:language><rdf:Bag>${items([facts.lang])}</rdf:Bag></dc:language>`,
    facts.keywords.length > 0 ? `<pdf:Keywords>${escapeXml(facts.keywordText)}</pdf:Keywords>` : '',
    `<pdf:Producer>${escapeXml(facts.producer)}</pdf:Producer>`,
    `<xmp:CreatorTool>${escapeXml(facts.producer)}</xmp:CreatorTool>`,
    `<xmp:CreateDate>${facts.date}</xmp:CreateDate>`,
    `<xmp:ModifyDate>${facts.date}</xmp:ModifyDate>`,
    `<xmp:MetadataDate>${facts.date}</xmp:MetadataDate>`,
    facts.archive ? '<pdfaid:part>2</pdfaid:part>' : '',
    facts.archive ? '<pdfaid:conformance>B</pdfaid:conformance>' : '',
    '<pdfuaid:part>1</pdfuaid:part>',
  ].filter((line) => line !== '');
  const prefixes: (keyof typeof namespaces)[] = ['dc', 'xmp', 'pdf', ...(facts.archive ? (['pdfaid'] as const) : []), 'pdfuaid'];
  const declared = prefixes.map((prefix) => `xmlns:${prefix}="${namespaces[prefix]}"`);
  return [
    '<?xpacket begin="\uFEFF" id="W5M0MpCehiHzreSzNTczkc9d"?>',
    '<x:xmpmeta xmlns:x="adobe:ns:meta/">',
    `<rdf:RDF xmlns:rdf="${namespaces.rdf}">`,
    `<rdf:Description rdf:about="" ${declared.join(' ')}>`,
    ...properties,
    '</rdf:Description>',
    ...(facts.archive ? [pdfuaExtension] : []),
    '</rdf:RDF>',
    '</x:xmpmeta>',
    '<?xpacket end="r"?>',
  ].join('\n');
}
