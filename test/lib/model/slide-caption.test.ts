import { describe, expect, it } from "vitest";
import { slideCaption } from "../../../src/lib/model/slide-caption.js";

describe("slideCaption", () => {
  it("says the filters, the sources and the date as the view's caption does", () => {
    expect(
      slideCaption({
        filters: "sector Industry",
        sources: [
          { publisher: "Dawn", n: 4 },
          { publisher: "BelTA", n: 2 },
          { publisher: "APP", n: 1 },
          { publisher: "MFA", n: 1 },
        ],
        dataDate: "27 Aug 2025",
      }),
    ).toEqual({
      filters: "sector Industry",
      sources: "Dawn (4), BelTA (2), APP (1) and 1 more",
      dataDate: "27 Aug 2025",
    });
  });

  it("says so when there is no filter, no source or no date", () => {
    expect(slideCaption({ filters: "", sources: [], dataDate: null })).toEqual({
      filters: "All commitments, no filter",
      sources: "none cited",
      dataDate: "an unknown date",
    });
  });
});
