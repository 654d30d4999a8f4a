/**
 * When an open view of a brief reloads: as soon as the brief's new HTML is written — a preview
 * writes it before the other formats are rendered and the PDF is printed — rather than when the
 * whole rebuild ends, and once per save. A view that shows its brief's errors reloads at the end,
 * when the brief's new state is known (its HTML being written does not yet say the errors are
 * gone from the page the server gives), and so does a brief whose rebuild ended in a failure.
 */
import type { BriefStatus, WatchEvent } from '../watch/watch.js';
import type { LiveReload } from './live-reload.js';

/** The watch's events, turned into reloads for `reload`; `briefs` gives each brief's state so far. */
export function reloadViews(reload: LiveReload, briefs: () => BriefStatus[]): (event: WatchEvent) => void {
  const reloaded = new Set<string>();
  return (event) => {
    if (event.type === 'written') {
      if (event.format !== 'html' || briefs().some((status) => status.id === event.id && !status.ok)) return;
      reloaded.add(event.id);
      reload.send(event.id);
      return;
    }
    if (event.reason === 'brief') {
      for (const status of event.rebuilt) if (!status.ok || !reloaded.has(status.id)) reload.send(status.id);
    } else reload.send('*');
    reloaded.clear();
  };
}
