/**
 * The event read from a text's front matter, headline and dateline.
 */
import { describe, expect, it } from "vitest";
import { datelineLength, eventIdOf, eventOf, readDateline } from "../../../src/lib/drafting/event-header.js";

describe("event header", () => {
  it("reads place and date from a dateline, in either form", () => {
    expect(readDateline("AMMAN, 7 August 2023 — Jordan and Egypt signed…")).toEqual({
      place: "Amman",
      date: "2023-08-07",
    });
    expect(readDateline("NEW DELHI, (Agency - 10th Feb, 2025) The two sides…")).toEqual({
      place: "New Delhi",
      date: "2025-02-10",
    });
    expect(readDateline("The two sides met.")).toEqual({});
    expect(datelineLength("AMMAN, 7 August 2023 — Jordan")).toBe("AMMAN, 7 August 2023 — ".length);
  });

  it("prefers given values, then front matter, then the headline", () => {
    const text =
      "---\nevent_title: Fourth session\nevent_date: 2025-03-03\nsource_url: https://example.org/a\n---\n\n# Headline\n\nBody.";
    expect(eventOf({ text }, "Headline", "Body.")).toMatchObject({
      title: "Fourth session",
      start_date: "2025-03-03",
      source_url: "https://example.org/a",
    });
    expect(eventOf({ text, event: { title: "Given" } }, "Headline", "Body.").title).toBe("Given");
    expect(eventOf({ text: "# Headline\n\nBody." }, "Headline", "Body.")).toMatchObject({
      title: "Headline",
      id: "headline",
    });
  });

  it("makes an id from the date and the title's words", () => {
    expect(eventIdOf("The 4th Session of the Norway–Chile Commission", "2025-03-03")).toBe(
      "2025-03-03-4th-session-norway-chile-commission",
    );
  });
});
