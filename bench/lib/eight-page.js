/**
 * An eight-page brief made from the sample, for comparing on the issue's own terms ("20 eight-page
 * documents"): the front matter, key judgments and the four files, without the background, the
 * Russian bases file, the extradition analysis, reactions, timeline and disagreements. It still
 * checks without errors (some sources go unused, a warning).
 */
export function eightPageBrief(sample) {
  const cut = (text, from, to) => {
    const start = text.indexOf(from);
    const end = to === undefined ? text.length : text.indexOf(to, start);
    if (start === -1 || end === -1) throw new Error(`eight-page brief: the sample no longer has ${from}`);
    return text.slice(0, start) + text.slice(end);
  };
  let text = cut(sample, '## The extradition question');
  text = cut(text, '## Background', '## The four files');
  const bases = text.indexOf('::::file{id=bases');
  if (bases === -1) throw new Error('eight-page brief: the sample no longer has the bases file');
  const close = text.indexOf('\n::::\n', bases) + '\n::::\n'.length;
  return text.slice(0, bases) + text.slice(close);
}
