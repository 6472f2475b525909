/**
 * `page` with what lies between its two markers (the markers included) replaced by `section`, which
 * starts and ends with those markers; throws `<pageName> has lost its <what> markers` when they are
 * missing or out of order, so a regenerated page never loses its hand-written text.
 *
 * @example
 * replaceBetweenMarkers('a <!-- s --> old <!-- e --> b', ['<!-- s -->', '<!-- e -->'], '<!-- s --> new <!-- e -->', 'docs/x.md', 'table')
 * //=> 'a <!-- s --> new <!-- e --> b'
 */
export function replaceBetweenMarkers(page: string, [start, end]: readonly [string, string], section: string, pageName: string, what: string): string {
  const from = page.indexOf(start);
  const to = page.indexOf(end);
  if (from < 0 || to < from) throw new Error(`${pageName} has lost its ${what} markers`);
  return page.slice(0, from) + section + page.slice(to + end.length);
}
