/**
 * The build cache (`out/.cache/build-cache.json`, or `--cache-dir`): for every brief, the hash of
 * its source, what it rendered and from which inputs. Read at the start of a build, written at
 * the end when anything in it changed; a missing, corrupt or foreign cache is simply empty
 * (everything rebuilds). Every build reads it whole, so it is kept small: the template inputs,
 * the same for most outputs of a format, are stored once and referred to by hash.
 */
export type { BuildCache, CacheEntry, OutputRecord } from './cache-records.js';
export { type ReadCache, readCache } from './read-cache.js';
export { cacheFileName } from './stored-cache.js';
export { writeCache } from './write-cache.js';
