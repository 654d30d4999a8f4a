// Removes dist/ before `prepare` compiles it again: tsc never deletes the output of a source file
// that was moved or removed, and `npm pack` would ship such stale modules (run by `npm run prepare`).
import { rmSync } from 'node:fs';

rmSync(new URL('../dist', import.meta.url), { recursive: true, force: true });
