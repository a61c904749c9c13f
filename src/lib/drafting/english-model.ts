/**
 * wink-nlp with its English lite model, loaded once on first use (it runs in
 * Node and in the browser, offline). The drafter asks it for date entities and
 * parts of speech.
 */

import model from "wink-eng-lite-web-model";
import winkNLP from "wink-nlp";

type Nlp = ReturnType<typeof winkNLP>;
let nlp: Nlp | undefined;

function english(): Nlp {
  nlp ??= winkNLP(model);
  return nlp;
}

/** The DATE entities wink finds in `text` ("by December 2025", "2026"), in order. */
export function dateEntities(text: string): string[] {
  const n = english();
  return n
    .readDoc(text)
    .entities()
    .filter((e) => e.out(n.its.type) === "DATE")
    .out(n.its.value) as string[];
}

/** Tokens of `text` with their parts of speech (universal tags: VERB, NOUN, PROPN…). */
export function partsOfSpeech(text: string): { token: string; pos: string }[] {
  const n = english();
  const doc = n.readDoc(text);
  const tokens = doc.tokens().out() as string[];
  const tags = doc.tokens().out(n.its.pos) as string[];
  return tokens.map((token, i) => ({ token, pos: tags[i] ?? "X" }));
}
