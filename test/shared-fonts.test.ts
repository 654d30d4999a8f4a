/**
 * A page's font rules cross from a worker once per change of fonts, not with every page
 * (src/engine/threads/shared-fonts.ts): the build joins each page back byte for byte.
 */
import { describe, expect, it } from 'vitest';
import type { RenderedOutput } from '../src/engine/brief-job-types.js';
import { type CrossingOutput, FontReceiver, FontSender } from '../src/engine/threads/shared-fonts.js';
import { htmlBytes, withFonts } from '../src/render/font-splice.js';
import { fontsMark } from '../src/render/font-splice.js';
import type { Brief } from '../src/types.js';

/** A standalone page of `body` set in `fonts`, as render.ts makes it. */
function page(body: string, fonts: string): RenderedOutput {
  const brief = {} as Brief;
  const html = withFonts(brief, `<html><head><style>${fontsMark}\np{}</style></head><body>${body}</body></html>`, fonts)!;
  return { format: 'html', data: htmlBytes(brief, html), used: [] };
}

const fontBytes = (outputs: CrossingOutput[]) => outputs.map((output) => ('head' in output ? (output.fonts.data?.length ?? 0) : -1));
const text = (outputs: RenderedOutput[]) => outputs.map((output) => new TextDecoder().decode(output.data));

describe('font rules shared between pages', () => {
  it('cross with the first page of each set of fonts only, and every page is whole again', () => {
    const latin = '@font-face{font-family:A;src:url(data:font/woff2;base64,AAAA)}';
    const arabic = '@font-face{font-family:B;src:url(data:font/woff2;base64,BBBB)}';
    const pages = [page('one', latin), page('two', latin), page('ثلاثة', arabic), page('four', latin), page('five', latin)];
    const md: RenderedOutput = { format: 'md', data: new TextEncoder().encode('# md'), used: [] };
    const sender = new FontSender();
    const receiver = new FontReceiver();
    const crossed = pages.map((output) => sender.encode([output, md]));
    expect(crossed.map((outputs) => fontBytes(outputs)[0])).toEqual([latin.length, 0, arabic.length, latin.length, 0]);
    expect(crossed.map((outputs) => text(receiver.decode(outputs)))).toEqual(pages.map((output) => text([output, md])));
  });

  it('are refused when a worker refers to rules it never sent', () => {
    const latin = '@font-face{font-family:A}';
    const sender = new FontSender();
    sender.encode([page('one', latin)]);
    expect(() => new FontReceiver().decode(sender.encode([page('two', latin)]))).toThrow('had not sent');
  });
});
