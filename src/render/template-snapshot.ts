/**
 * What one build found when it looked its template files and stylesheets up (RenderOptions
 * templateSnapshot = the build's id): looked up once per build, not once per brief.
 */

/** What the current snapshot found: one build's at a time (another id starts afresh). */
let snapshotId: string | undefined;
const snapshotFound = new Map<string, unknown>();

/** What `find` gives for `what` in `snapshot`, found once per snapshot. */
export function inSnapshot<T>(snapshot: string, what: readonly string[], find: () => T): T {
  if (snapshot !== snapshotId) {
    snapshotFound.clear();
    snapshotId = snapshot;
  }
  const key = what.join('\0');
  if (snapshotFound.has(key)) return snapshotFound.get(key) as T;
  const found = find();
  snapshotFound.set(key, found);
  return found;
}
