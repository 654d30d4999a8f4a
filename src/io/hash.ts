/** Content hashes for the build cache and the manifest. */
import { createHash } from 'node:crypto';

/** Hex sha256 of `data`. */
export function sha256(data: string | Uint8Array): string {
  return createHash('sha256').update(data).digest('hex');
}
