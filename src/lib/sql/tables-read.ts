/**
 * Which of our tables a SQL text reads, so the page loads those before
 * running it and no other (src/components/db.ts). Pure.
 *
 * A word counts when it is one of the table names, written bare or in double
 * quotes, in any case, outside string literals and comments, and not a
 * column or an alias: not right after `.` (`c.commitments` is a column) and
 * not right after `AS` (`count(*) AS events` names a result column). When in
 * doubt it counts: loading a table a query does not read costs bytes, not
 * correctness. A table the rule misses makes DuckDB fail with "Table with
 * name … does not exist", which the page answers by loading it and running
 * the query again (see {@link missingTable}).
 */

/** The names among `tables` that `text` reads, in the order of `tables`. */
export function tablesIn<T extends string>(text: string, tables: readonly T[]): T[] {
  const wanted = new Map(tables.map((t) => [t.toLowerCase(), t]));
  const found = new Set<T>();
  let previous = ""; // the previous token, lower case ("." for a dot)
  let i = 0;
  const n = text.length;
  while (i < n) {
    const ch = text[i];
    if (ch === "'") {
      // String literal; '' is an escaped quote.
      i++;
      while (i < n) {
        if (text[i] === "'") {
          if (text[i + 1] === "'") i += 2;
          else break;
        } else i++;
      }
      i++;
      previous = "'";
      continue;
    }
    if (ch === "-" && text[i + 1] === "-") {
      while (i < n && text[i] !== "\n") i++;
      continue;
    }
    if (ch === "/" && text[i + 1] === "*") {
      const end = text.indexOf("*/", i + 2);
      i = end < 0 ? n : end + 2;
      continue;
    }
    let word: string | undefined;
    if (ch === '"') {
      let j = i + 1;
      let name = "";
      while (j < n) {
        if (text[j] === '"') {
          if (text[j + 1] === '"') {
            name += '"';
            j += 2;
          } else break;
        } else name += text[j++];
      }
      word = name;
      i = j + 1;
    } else if (/[A-Za-z_]/.test(ch)) {
      let j = i + 1;
      while (j < n && /[A-Za-z0-9_$]/.test(text[j])) j++;
      word = text.slice(i, j);
      i = j;
    }
    if (word !== undefined) {
      const lower = word.toLowerCase();
      const table = wanted.get(lower);
      if (table !== undefined && previous !== "." && previous !== "as") found.add(table);
      previous = lower;
      continue;
    }
    if (!/\s/.test(ch)) previous = ch;
    i++;
  }
  return tables.filter((t) => found.has(t));
}

/**
 * The table named in DuckDB's error for a table that does not exist
 * ("Catalog Error: Table with name commitments does not exist!"), if it is
 * one of `tables`.
 */
export function missingTable<T extends string>(message: string, tables: readonly T[]): T | undefined {
  const match = /Table with name "?([A-Za-z0-9_]+)"? does not exist/i.exec(message);
  if (!match) return undefined;
  const name = match[1].toLowerCase();
  return tables.find((t) => t.toLowerCase() === name);
}
