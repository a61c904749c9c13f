import { describe, expect, it } from "vitest";
import { affiliationLabel, affiliationOf, jointMembersLabel } from "../../../src/lib/model/institution-scope.js";

describe("affiliationOf", () => {
  it("gives a national body its country, by code and by name", () => {
    expect(affiliationOf({ country: "PK" })).toEqual({ affiliation: "PK", countries: ["PK"], label: "Pakistan" });
    expect(affiliationOf({ scope: "national", country: "BY" }).label).toBe("Belarus");
  });

  it("gives an international organisation no country", () => {
    expect(affiliationOf({ scope: "international" })).toEqual({
      affiliation: "international",
      countries: [],
      label: "International organisation",
    });
  });

  it("gives a joint body each of its members, named in alphabetical order", () => {
    expect(affiliationOf({ scope: "joint", members: ["PK", "BY"] })).toEqual({
      affiliation: "joint",
      countries: ["PK", "BY"],
      label: "Joint body (Belarus–Pakistan)",
    });
    expect(jointMembersLabel(["ZW", "BY", "PK"])).toBe("Belarus–Pakistan–Zimbabwe");
  });

  it("words the affiliation keys for legends", () => {
    expect(affiliationLabel("joint")).toBe("Joint bodies");
    expect(affiliationLabel("international")).toBe("International organisations");
    expect(affiliationLabel("ZW")).toBe("Zimbabwe");
  });
});
