/**
 * Which rows a long list of choices shows (the filter bar's institution list
 * holds thousands): the choices whose search text holds the query, the
 * ticked ones first, then the others in list order, at most `limit` of them.
 * The rest stay reachable by narrowing the query or by asking for more.
 */

/** The rows to show (indices into the list) and how many choices match in all. */
export interface ChoiceWindow {
  shown: number[];
  matching: number;
}

/**
 * The window over `texts` (each choice's lower-case search text) for `query`
 * (matched lower-case, trimmed; empty matches all), with the choices for which
 * `ticked` holds first, cut at `limit` rows.
 */
export function choiceWindow(
  texts: readonly string[],
  query: string,
  ticked: (index: number) => boolean,
  limit: number,
): ChoiceWindow {
  const q = query.trim().toLowerCase();
  const first: number[] = [];
  const rest: number[] = [];
  let matching = 0;
  for (let i = 0; i < texts.length; i++) {
    if (q !== "" && !texts[i].includes(q)) continue;
    matching++;
    if (ticked(i)) first.push(i);
    else if (rest.length < limit) rest.push(i);
  }
  return { shown: first.concat(rest).slice(0, Math.max(0, limit)), matching };
}
