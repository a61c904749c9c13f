/**
 * The gazetteer: institutions of the records by name, acronym or alias, new
 * ones from organisation names (with country, scope and type from their
 * words), generic bodies, and a minister's title never taken for a body.
 */
import { describe, expect, it } from "vitest";
import { draftText } from "../../../src/lib/drafting/draft-text.js";
import { Gazetteer } from "../../../src/lib/drafting/gazetteer.js";
import { nameCandidates } from "../../../src/lib/drafting/organisation-names.js";
import { INVENTED_CONTEXT, pressRelease } from "./invented-context.js";

const gazetteer = () => new Gazetteer(INVENTED_CONTEXT.institutions, ["NO", "CL"]);
const idsIn = (sentence: string, g = gazetteer()) => g.find(sentence, 0, 0).map((f) => f.id);

describe("known institutions", () => {
  it("finds a record by name, by acronym and by alias", () => {
    expect(idsIn("The Norwegian Veterinary Agency will train inspectors.")).toEqual(["no-nva"]);
    expect(idsIn("The NVA will train inspectors.")).toEqual(["no-nva"]);
    expect(idsIn("Sernapesca will share data.")).toEqual(["cl-sernapesca"]);
  });

  it("finds a record whose name carries a country qualifier from the text's possessive", () => {
    expect(idsIn("Chile's Ministry of Trade will lead the talks.")).toEqual(["cl-mintrade"]);
  });

  it("falls back to the records' government, or proposes one", () => {
    const g = new Gazetteer(INVENTED_CONTEXT.institutions, ["NO", "PE"]);
    expect(g.government("NO")).toBe("no-government");
    expect(g.government("PE")).toBe("pe-government");
    expect(g.proposed()[0]).toMatchObject({ name: "Government of Peru", country: "PE", type: "government" });
  });
});

describe("new organisations", () => {
  it("proposes a named body with its acronym, country and type", () => {
    const g = gazetteer();
    const [id] = idsIn("Norway's Directorate of Fisheries Research (DFR) will host the experts.", g);
    expect(g.proposed().find((p) => p.id === id)).toMatchObject({
      name: "Directorate of Fisheries Research",
      acronym: "DFR",
      country: "NO",
      scope: "national",
      naming: "named",
      type: "agency",
    });
    expect(idsIn("The DFR will publish the results.", g)).toEqual([id]);
  });

  it("gives a joint body the event's countries as members, an international one no country", () => {
    const g = gazetteer();
    idsIn("The Joint Fisheries Commission and the United Nations Environment Programme will meet.", g);
    expect(g.proposed().map((p) => [p.name, p.scope, p.members ?? p.country ?? null])).toEqual([
      ["Joint Fisheries Commission", "joint", ["NO", "CL"]],
      ["United Nations Environment Programme", "international", null],
    ]);
  });

  it("never takes a minister's title for an institution", () => {
    const countryBefore = () => undefined;
    expect(
      nameCandidates("Minister of Foreign Affairs Ana Soto met Prime Minister Per Berg.", ["NO", "CL"], countryBefore),
    ).toEqual([]);
    expect(
      nameCandidates("The Secretary of the Norwegian Seafood Council attended.", ["NO", "CL"], countryBefore).map(
        (c) => c.name,
      ),
    ).toEqual(["Norwegian Seafood Council"]);
  });

  it("proposes generic bodies per country when the words say so", () => {
    const g = gazetteer();
    idsIn("The private sectors of both countries will take part in the fair, with Chilean investors.", g);
    expect(g.proposed().map((p) => [p.name, p.naming, p.country])).toEqual([
      ["private sector (Norway)", "generic", "NO"],
      ["private sector (Chile)", "generic", "CL"],
      ["investors (Chile)", "generic", "CL"],
    ]);
  });

  it("proposes one generic body per country for two country adjectives joined by and", () => {
    const g = gazetteer();
    idsIn("Links between Norwegian and Chilean commercial banks will be fostered.", g);
    expect(g.proposed().map((p) => [p.name, p.naming, p.country])).toEqual([
      ["commercial banks (Norway)", "generic", "NO"],
      ["commercial banks (Chile)", "generic", "CL"],
    ]);
  });

  it("puts the bodies a commitment names in its parties, else the governments", () => {
    const text = pressRelease(
      "OSLO, 3 March 2025 — Norway and Chile held their fourth joint commission on Monday.",
      "The NVA and Sernapesca signed a memorandum on salmon health.",
      "The sides agreed to study hydropower.",
    );
    const drafts = draftText({ text }, INVENTED_CONTEXT).commitments;
    expect(drafts.map((c) => c.parties)).toEqual([
      ["no-nva", "cl-sernapesca"],
      ["no-government", "cl-government"],
    ]);
  });
});
