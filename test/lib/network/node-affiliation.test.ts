import { describe, expect, it } from "vitest";
import {
  affiliationWords,
  drawnLabel,
  institutionFacts,
  isGeneric,
  memberNames,
  outlineOf,
} from "../../../src/lib/network/node-affiliation.js";
import { SCOPED } from "./scopes-fixture.js";

const byId = new Map(SCOPED.map((i) => [i.id, i]));
const get = (id: string) => byId.get(id) as (typeof SCOPED)[number];

describe("a node's affiliation in words", () => {
  it("names a country, an international organisation, and a joint body by its members", () => {
    expect(affiliationWords(get("pk"))).toBe("Pakistan");
    expect(affiliationWords(get("un"))).toBe("International organisation");
    expect(affiliationWords(get("jc"))).toBe("Joint body of Belarus and Pakistan");
  });

  it("lists three or more members with commas, in alphabetical order", () => {
    expect(memberNames(["PK", "KZ", "BY"])).toBe("Belarus, Kazakhstan and Pakistan");
    expect(memberNames(["PK"])).toBe("Pakistan");
  });

  it("never says null or nothing", () => {
    const bare = { affiliation: "", countries: [], country_name: "" };
    expect(affiliationWords(bare)).toBe("No country given");
    for (const inst of SCOPED) expect(institutionFacts(inst)).not.toMatch(/null|undefined|United States|^ ·/);
  });

  it("gives the facts of the tooltip and panel, with a generic mention tagged", () => {
    expect(institutionFacts(get("jc"))).toBe("Joint body of Belarus and Pakistan · Other");
    expect(institutionFacts(get("gen"), ", ", true)).toBe("Pakistan, chamber, generic mention");
  });
});

describe("a node's marks", () => {
  it("rings international organisations, double-rings joint bodies, leaves countries plain", () => {
    expect(SCOPED.map((i) => outlineOf(i.affiliation))).toEqual(["plain", "plain", "ring", "double", "plain"]);
  });

  it("labels a generic institution as such", () => {
    expect(isGeneric(get("gen"))).toBe(true);
    expect(isGeneric(get("pk"))).toBe(false);
    expect(drawnLabel(get("gen"), "Chambers of commerce")).toBe("Chambers of commerce (generic)");
    expect(drawnLabel(get("pk"), "PK")).toBe("PK");
  });
});
