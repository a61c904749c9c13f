/**
 * Splitting enumerations into one commitment per item: documents signed
 * together ("a protocol …, the minutes … and an agreement …"), parties signing
 * in turn ("by the ministries of health and by the ministries of Awqaf"),
 * coordinated actions ("to set up … and to introduce …") and lists of fields
 * of cooperation ("in energy, oil and gas, transport and agriculture") when
 * their items fall in different sectors. One document that covers several
 * things stays one.
 */

export interface EnumerationItem {
  text: string;
  /** Offsets in the sentence. */
  start: number;
  end: number;
  kind: "document" | "signatory" | "action" | "field";
}

const DOCUMENT =
  /\b(?:agreements?|memorand(?:um|a)|mous?|protocols?|programmes?|programs?|plans?|road ?maps?|treaty|treaties|conventions?|minutes|statements?|declarations?|decisions?|accords?|contracts?|schedules?)\b/i;

/** Pieces of `text` cut at the separators, with their offsets (from `base`). */
function cut(text: string, base: number, separator: RegExp): EnumerationItem[] {
  const items: EnumerationItem[] = [];
  let start = 0;
  for (const m of text.matchAll(separator)) {
    items.push({ text: text.slice(start, m.index), start: base + start, end: base + m.index, kind: "document" });
    start = m.index + m[0].length;
  }
  items.push({ text: text.slice(start), start: base + start, end: base + text.length, kind: "document" });
  return items
    .map((i) => {
      const lead = i.text.length - i.text.trimStart().length;
      const t = i.text.trim().replace(/[.;:]$/, "");
      return { ...i, text: t, start: i.start + lead, end: i.start + lead + t.length };
    })
    .filter((i) => i.text !== "");
}

/** Documents listed after a signing verb (from `from`); fewer than two means no enumeration. */
export function documentItems(sentence: string, from: number): EnumerationItem[] {
  const object = sentence.slice(from);
  const pieces = cut(
    object,
    from,
    /,\s*(?:and\s+|as well as\s+|together with\s+)?|\s+(?:and|as well as|together with)\s+(?=(?:an?|the)\s)|;\s*/g,
  );
  const items: EnumerationItem[] = [];
  for (const piece of pieces) {
    const last = items[items.length - 1];
    if (DOCUMENT.test(piece.text) && /^(?:an?|the|its|their|including|further|new)\b/i.test(piece.text))
      items.push(piece);
    else if (last) Object.assign(last, { text: sentence.slice(last.start, piece.end), end: piece.end });
  }
  return items.length >= 2 ? items.map((i) => ({ ...i, text: i.text.replace(/^including\s+/i, "") })) : [];
}

/** "signed by X and by Y": one item per signatory. */
export function signatoryItems(sentence: string): EnumerationItem[] {
  const at = sentence.search(/\bby\s/);
  if (at < 0 || !/\band by\s/.test(sentence.slice(at))) return [];
  return cut(sentence.slice(at), at, /,?\s+and (?=by\s)/g).map((i) => ({ ...i, kind: "signatory" }));
}

/** "agreed to A, to B and to C": one item per infinitive (from the first "to" after `from`). */
export function actionItems(sentence: string, from: number): EnumerationItem[] {
  const rest = sentence.slice(from);
  const first = rest.search(/\bto\s+\p{Ll}/u);
  if (first < 0) return [];
  const items = cut(rest.slice(first), from + first, /,\s*(?:and\s+)?(?=to\s+\p{Ll})|\s+and\s+(?=to\s+\p{Ll})/gu);
  return items.length >= 2 ? items.map((i) => ({ ...i, kind: "action" })) : [];
}

/**
 * A list of fields after "in", "of" or "as": items cut at commas (an Oxford
 * comma keeps "oil and gas" whole; without one the last "and" also cuts).
 * `sectorOf` names each item's sector; the list splits only when they differ.
 */
export function fieldItems(
  sentence: string,
  from: number,
  sectorOf: (text: string) => string | undefined,
): EnumerationItem[] {
  const rest = sentence.slice(from);
  const list =
    /\b(?:in(?: the (?:fields?|areas?|spheres?|sectors?) of)?|such as|namely|including|named)\s+([^.;:()]{8,400})/u.exec(
      rest,
    );
  if (!list?.[1]) return [];
  const body = list[1].replace(/\s+(?:as priority areas?|as the|with the aim|so that|to promote|which|that)\b.*$/u, "");
  const base = from + list.index + list[0].length - list[1].length;
  const oxford = /,\s+and\s+/.test(body);
  if ((body.match(/,\s+and\s+/g) ?? []).length > 1) return [];
  let items = cut(body, base, oxford ? /,\s*(?:and\s+)?/g : /,\s*|\s+and\s+(?!.*,)/g);
  if (items.length < 3) return [];
  items = items.filter((i) => i.text.split(/\s+/).length <= 6);
  const sectors = new Set(items.map((i) => sectorOf(i.text)).filter((s) => s !== undefined));
  if (items.length < 3 || sectors.size < 2) return [];
  return items.map((i) => ({ ...i, text: i.text.replace(/^(?:the|and)\s+/i, ""), kind: "field" }));
}
