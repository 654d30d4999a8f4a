/**
 * A brief built on a worker thread must report exactly what it reports on the main thread:
 * every message crosses `postMessage` (structured clone) with its hint, place and rule intact.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { runBriefJob } from '../src/engine/brief-job.js';
import { decodeJobResult, encodeJobResult } from '../src/engine/threads/thread-codec.js';

const brief = `---
id: codec-brief
title: A brief with problems
date: 2025-10-28
classification: UNCLASSIFIED
summary: Something happened. [@nobody]
---

## Key judgments

:::judgment{likelihood=probable confidence=high}
It will go on. [@nobody]
:::
`;

it('keeps every field of every message across the thread boundary', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'briefsmith-codec-'));
  writeFileSync(join(dir, 'codec.md'), brief);
  const result = await runBriefJob({ path: join(dir, 'codec.md'), cwd: dir, formats: ['md'], build: 'test' });
  const fields = (message: (typeof result.file.messages)[number]) => ({
    reason: message.reason,
    place: message.place,
    ruleId: message.ruleId,
    source: message.source,
    fatal: message.fatal,
    note: message.note,
    url: message.url,
    actual: message.actual,
    expected: message.expected,
  });
  expect(result.file.messages.length).toBeGreaterThan(1);
  // At least one message carries a hint, so dropping hints in the codec cannot pass unnoticed.
  expect(result.file.messages.some((message) => typeof message.note === 'string' && message.note.length > 0)).toBe(true);
  const crossed = decodeJobResult(structuredClone(encodeJobResult(result)));
  expect(crossed.file.messages.map(fields)).toEqual(result.file.messages.map(fields));
  expect(crossed.file.path).toBe(result.file.path);
});
