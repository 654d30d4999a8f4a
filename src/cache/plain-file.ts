/**
 * A VFile and its messages as plain data, and back: what crosses to and from worker processes
 * (thread-codec.ts) and what the model cache keeps of a brief's messages (model-cache.ts).
 */
import { VFile } from 'vfile';
import { VFileMessage } from 'vfile-message';
import type { Point, Position } from 'unist';

export interface PlainMessage {
  reason: string;
  place: Position | Point | undefined;
  ruleId: string | undefined;
  source: string | undefined;
  fatal: boolean | null | undefined;
  note: string | undefined;
  url: string | undefined;
  actual: string | undefined;
  expected: string[] | undefined;
}

export interface PlainFile {
  path: string;
  value: string;
  messages: PlainMessage[];
}

/** A VFile and its messages as plain data (also what the model cache stores); `withText` false leaves its text out. */
export function encodeFile(file: VFile, withText = true): PlainFile {
  return {
    path: file.path,
    value: withText ? String(file.value) : '',
    messages: file.messages.map((message) => ({
      reason: message.reason,
      place: message.place ?? undefined,
      ruleId: message.ruleId ?? undefined,
      source: message.source ?? undefined,
      fatal: message.fatal,
      note: message.note,
      url: message.url,
      actual: message.actual,
      expected: message.expected,
    })),
  };
}

/** The VFile `encodeFile` described, its messages rebuilt. */
export function decodeFile(plain: PlainFile): VFile {
  const file = new VFile({ path: plain.path, value: plain.value });
  for (const item of plain.messages) {
    const message = new VFileMessage(item.reason, {
      ...(item.place ? { place: item.place } : {}),
      ...(item.ruleId ? { ruleId: item.ruleId } : {}),
      ...(item.source ? { source: item.source } : {}),
    });
    message.file = plain.path;
    message.fatal = item.fatal;
    if (item.note !== undefined) message.note = item.note;
    if (item.url !== undefined) message.url = item.url;
    if (item.actual !== undefined) message.actual = item.actual;
    if (item.expected !== undefined) message.expected = item.expected;
    file.messages.push(message);
  }
  return file;
}
