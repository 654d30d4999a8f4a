/** The content-stream walker and the two editors that share it: artifact marks and soft hyphens. */
import { describe, expect, it } from 'vitest';
import { operatorCode, walkContent } from '../src/pdf/content-stream.js';
import { applySplices, type ContentEditor, type Splice } from '../src/pdf/page-content.js';
import { artifactEditor } from '../src/pdf/artifacts.js';

const bytesOf = (text: string) => new Uint8Array(Buffer.from(text, 'latin1'));

/** Runs `editor` over `content` alone and returns the edited text. */
function edited(editor: ContentEditor, content: string): string {
  const bytes = bytesOf(content);
  const splices: Splice[] = [];
  const pass = editor(bytes, splices);
  walkContent(bytes, (operation) => pass.visit(operation));
  pass.finish?.();
  return applySplices(bytes, splices).toString('latin1');
}

describe('walkContent', () => {
  it('reports each operator with where its operands start, past strings, dictionaries, arrays, comments and inline images', () => {
    const content = '/P <</MCID 0 /ActualText (a \\) Tj >> b)>> BDC [(x) -20 (]) ] TJ % Tj in a comment\nBI /W 1 /H 1 ID \u0001EI\u0002 EI Q 1 2 Td';
    const seen: [string, string, number | undefined][] = [];
    walkContent(bytesOf(content), (operation) => {
      seen.push([
        content.slice(operation.operatorStart, operation.end).slice(0, 3),
        content.slice(operation.start, operation.operatorStart).trim(),
        operation.number(1),
      ]);
    });
    expect(seen).toEqual([
      ['BDC', '/P <</MCID 0 /ActualText (a \\) Tj >> b)>>', undefined],
      ['TJ', '[(x) -20 (]) ]', undefined],
      ['BI', '', undefined],
      ['ID ', '/W 1 /H 1', 1],
      ['EI', '', undefined],
      ['Q', '', undefined],
      ['Td', '1 2', 2],
    ]);
    expect(operatorCode('BDC')).not.toBe(operatorCode('BMC'));
  });
});

describe('artifactEditor', () => {
  it('wraps painting outside marked content, never inside a path, a text object boundary or a tag', () => {
    const content = [
      'q 1 0 0 1 0 0 cm 0 0 0 rg',
      'BT /F1 10 Tf 1 0 0 1 5 5 Tm <01> Tj 2 0 Td <02> Tj ET',
      '0 0 10 10 re W n',
      '/P <</MCID 0 >>BDC BT <03> Tj ET EMC',
      '1 1 1 1 re f 3 1 1 1 re f',
      '/Span <</MCID 1 >>BDC 0 0 m 5 5 l S',
      'Q EMC',
      '/Im1 Do',
    ].join('\n');
    expect(edited(artifactEditor, content)).toBe(
      [
        'q 1 0 0 1 0 0 cm 0 0 0 rg',
        'BT /F1 10 Tf 1 0 0 1 5 5 Tm \n/Artifact BMC\n<01> Tj 2 0 Td <02> Tj \nEMC\nET',
        '0 0 10 10 re W n',
        '/P <</MCID 0 >>BDC BT <03> Tj ET EMC',
        '\n/Artifact BMC\n1 1 1 1 re f 3 1 1 1 re f',
        '\nEMC\n/Span <</MCID 1 >>BDC 0 0 m 5 5 l S',
        'Q EMC',
        '\n/Artifact BMC\n/Im1 Do\nEMC\n',
      ].join('\n'),
    );
  });

  it('adds nothing to a stream whose painting is all tagged, or that paints nothing', () => {
    for (const content of ['/P <</MCID 0 >>BDC BT <01> Tj ET 0 0 1 1 re f EMC', 'q 0 0 5 5 re W n Q', '/Artifact BMC 0 0 1 1 re f EMC']) {
      expect(edited(artifactEditor, content)).toBe(content);
    }
  });

  it('closes an artifact before an EMC that matches nothing, and leaves that EMC alone', () => {
    expect(edited(artifactEditor, '0 0 1 1 re f EMC 0 0 1 1 re f')).toBe('\n/Artifact BMC\n0 0 1 1 re f \nEMC\nEMC \n/Artifact BMC\n0 0 1 1 re f\nEMC\n');
  });
});
