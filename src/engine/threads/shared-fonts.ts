/**
 * The font rules inside a standalone HTML page (about 200 KB of base64, the same for every brief
 * set in the same fonts) cross from a worker to the build only when they differ from the last
 * ones that worker sent: the page goes across as the parts around them. They were most of what
 * a brief's result carried, paid for three times (serialised, piped, parsed again) per brief.
 * Each worker's channel keeps order, so the build's side needs only the last rules of each worker.
 */
import { fontsIn } from '../../render/font-splice.js';
import type { RenderedOutput } from '../brief-job-types.js';

/** An HTML page as it crosses: the bytes around its font rules, and the rules when they changed. */
export interface SplicedOutput {
  format: 'html';
  used: Array<[string, string]>;
  head: Uint8Array;
  tail: Uint8Array;
  /** Which rules (numbered by the worker), with their bytes unless they are the last ones sent. */
  fonts: { key: number; data: Uint8Array | null };
}

export type CrossingOutput = RenderedOutput | SplicedOutput;

/** The worker's side: which rules it sent last. */
export class FontSender {
  private last: number | undefined;

  /** `outputs` as they cross: a page with known font rules as its parts. */
  encode(outputs: readonly RenderedOutput[]): CrossingOutput[] {
    return outputs.map((output) => {
      const fonts = output.format === 'html' ? fontsIn(output.data) : undefined;
      if (!fonts) return output;
      const known = fonts.key === this.last;
      this.last = fonts.key;
      // Copies: a view would carry its whole buffer across.
      const head = output.data.slice(0, fonts.start);
      const tail = output.data.slice(fonts.start + fonts.bytes.length);
      return { format: 'html', used: output.used, head, tail, fonts: { key: fonts.key, data: known ? null : fonts.bytes } };
    });
  }
}

/** The build's side, one per worker: the rules that worker sent last. */
export class FontReceiver {
  private last: { key: number; data: Uint8Array } | undefined;

  /** `result` with its pages whole again. */
  joined<Result extends { outputs: readonly CrossingOutput[] }>(result: Result): Result {
    return { ...result, outputs: this.decode(result.outputs) };
  }

  /** `outputs` whole again, in the order the worker sent them. */
  decode(outputs: readonly CrossingOutput[]): RenderedOutput[] {
    return outputs.map((output) => {
      if (!('head' in output)) return output;
      const { key, data } = output.fonts;
      if (data) this.last = { key, data };
      if (this.last?.key !== key) throw new Error(`A build worker referred to font rules ${key} it had not sent`);
      return { format: 'html', used: output.used, data: Buffer.concat([output.head, this.last.data, output.tail]) };
    });
  }
}
