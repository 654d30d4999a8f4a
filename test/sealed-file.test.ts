/**
 * Sealed cache files (src/cache/sealed-file.ts): what is read back is what was sealed, trusted
 * only for the reader's own shape; the file is ASCII (read faster than UTF-8), and a file sealed
 * with raw UTF-8 text, as before, reads the same.
 */
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { expect, it } from 'vitest';
import { readSealed, sealed } from '../src/cache/sealed-file.js';

const dir = mkdtempSync(join(tmpdir(), 'bs-sealed-'));
const path = join(dir, 'entry.json');
const text = fc.string({ unit: fc.constantFrom('a', 'é', '’', '\ud83d\ude00', '\ud800', '\u2028', '\u007f', 'ب', '"', '\\', '\n') });

it('reads back what it sealed, from an ASCII file, trusted for its own shape only', () => {
  fc.assert(
    fc.property(fc.dictionary(text, fc.oneof(text, fc.integer(), fc.array(text, { maxLength: 3 }))), (value) => {
      writeFileSync(path, sealed('shape', value));
      expect(readFileSync(path).every((byte) => byte < 0x80)).toBe(true);
      expect(readSealed(path, 'shape')).toEqual({ value: JSON.parse(JSON.stringify(value)), trusted: true });
      expect(readSealed(path, 'another shape')?.trusted).toBe(false);
    }),
    { numRuns: 500 },
  );
});

it('reads a file sealed with raw UTF-8 text (the format before the ASCII one), and refuses changed bytes', () => {
  const value = { title: 'Ahmed al-Sharaa’s visit — «Moscow»', arabic: 'أحمد الشرع' };
  const body = JSON.stringify(value);
  const seal = createHash('sha256').update('shape').update('\n').update(body).digest('hex');
  writeFileSync(path, `${JSON.stringify({ seal, shape: 'shape' })}\n${body}`);
  expect(readSealed(path, 'shape')).toEqual({ value, trusted: true });
  writeFileSync(path, `${JSON.stringify({ seal, shape: 'shape' })}\n${body.replace('visit', 'visits')}`);
  expect(readSealed(path, 'shape')).toBeNull();
});
