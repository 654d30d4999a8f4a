/**
 * The index page's one script, inline and allowed by its hash with 'strict-dynamic': it sorts and
 * filters the list the page already shows, and on the first search loads MiniSearch and the
 * search data (paths read from the form's data attributes, so this text, and its hash, never
 * change). Without it the page still lists every brief.
 */
import { createHash } from 'node:crypto';
import { searchGlobal, searchOptions } from './search-index.js';

export const indexScript = `(function () {
  var form = document.getElementById('controls');
  var list = document.getElementById('briefs');
  if (!form || !list) return;
  var items = Array.prototype.slice.call(list.children);
  var query = form.elements.namedItem('q');
  var keyword = form.elements.namedItem('keyword');
  var classification = form.elements.namedItem('classification');
  var sort = form.elements.namedItem('sort');
  var status = document.getElementById('status');
  var search = null, loading = null, hits = null;
  form.hidden = false;
  function load(src) {
    return new Promise(function (resolve, reject) {
      var script = document.createElement('script');
      script.src = src; script.onload = resolve; script.onerror = reject;
      document.head.appendChild(script);
    });
  }
  function index() {
    if (!loading) loading = load(form.dataset.library).then(function () { return load(form.dataset.index); }).then(function () {
      search = MiniSearch.loadJS(globalThis.${searchGlobal}, ${JSON.stringify(searchOptions)});
    });
    return loading;
  }
  function compare(order) {
    return function (left, right) {
      var a = left.dataset, b = right.dataset;
      if (order === 'relevance' && hits) return hits.get(b.id) - hits.get(a.id);
      if (order === 'title') return a.title.localeCompare(b.title);
      var key = order === 'updated' ? 'updated' : 'date';
      var byDate = a[key] < b[key] ? -1 : a[key] > b[key] ? 1 : 0;
      return (order === 'oldest' ? byDate : -byDate) || a.title.localeCompare(b.title);
    };
  }
  function apply() {
    var shown = items.filter(function (item) {
      var data = item.dataset;
      return (!keyword.value || JSON.parse(data.keywords).indexOf(keyword.value) >= 0)
        && (!classification.value || data.classification === classification.value)
        && (!hits || hits.has(data.id));
    });
    shown.sort(compare(sort.value));
    items.forEach(function (item) { item.hidden = true; });
    shown.forEach(function (item) { item.hidden = false; list.appendChild(item); });
    status.textContent = shown.length + ' of ' + items.length + ' brief' + (items.length === 1 ? '' : 's') + (hits ? ' matching \\u201c' + query.value.trim() + '\\u201d' : '');
  }
  function find() {
    var text = query.value.trim();
    if (!text) { hits = null; if (sort.value === 'relevance') sort.value = 'newest'; apply(); return; }
    index().then(function () {
      if (query.value.trim() !== text) return;
      hits = new Map();
      search.search(text, { prefix: true, fuzzy: 0.2, boost: { title: 3, keywords: 2, summary: 1.5 } }).forEach(function (hit) { hits.set(hit.id, hit.score); });
      sort.value = 'relevance';
      apply();
    }, function () { status.textContent = 'Search is unavailable: its data could not be loaded.'; });
  }
  var timer;
  query.addEventListener('input', function () { clearTimeout(timer); timer = setTimeout(find, 150); });
  form.addEventListener('submit', function (event) { event.preventDefault(); clearTimeout(timer); find(); });
  [keyword, classification, sort].forEach(function (control) { control.addEventListener('change', apply); });
  apply();
})();`;

/** The CSP source that allows exactly this script. */
export const indexScriptHash = `'sha256-${createHash('sha256').update(indexScript).digest('base64')}'`;
