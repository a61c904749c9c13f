/**
 * A hand-written story and its slides' contents for the deck tests: a
 * drawing, stacked horizontal bars, and scorecard bars beside a due-next
 * table, as the views describe themselves (src/lib/model/slide-content.ts).
 */
import type { DeckStory } from "../../../src/lib/deck/deck-build.js";
import type { SlideContent } from "../../../src/lib/model/slide-content.js";

export const STORY: DeckStory = {
  id: "sample-deck",
  title: "Pakistan and Belarus, in three slides",
  description: "Who is bound, which sectors, and what is due.",
  slides: [
    { title: "Who is bound? 72 institutions", note: "Every dot is an institution." },
    { title: "Industry and trade lead", note: "Two sectors hold most of the commitments." },
    { title: "What is due next", note: "Three targets fall before the session." },
  ],
};

const caption = (filters: string): SlideContent["caption"] => ({
  filters,
  sources: "33 documents (MFA Pakistan, BelTA)",
  dataDate: "2026-03-01",
});

export const CONTENTS: SlideContent[] = [
  {
    charts: [
      {
        kind: "image",
        svg: '<svg xmlns="http://www.w3.org/2000/svg" width="400" height="300"><circle cx="200" cy="150" r="80" fill="#1b9e77"/><text x="10" y="20">Minsk</text></svg>',
        width: 400,
        height: 300,
        alt: "A network of 72 institutions",
      },
    ],
    caption: caption("All sectors, 2015–2026"),
    link: "https://atlas.example/network",
  },
  {
    charts: [
      {
        kind: "bars",
        measure: "Commitments",
        categories: ["Industry", "Trade", "Agriculture"],
        series: [
          { name: "Done", values: [5, 3, 2], colour: "#1b9e77" },
          { name: "In progress", values: [8, 6, 1], colour: "rgb(217, 95, 2)" },
        ],
        stacked: true,
        horizontal: true,
      },
    ],
    caption: caption("Sectors by status"),
    link: "https://atlas.example/?sector=industry&sector=trade",
  },
  {
    charts: [
      {
        kind: "bars",
        measure: "Commitments",
        categories: ["On time", "Overdue"],
        series: [{ name: "Count", values: [12, 4], colour: "#abc" }],
        stacked: false,
        horizontal: false,
      },
      {
        kind: "table",
        title: "Due next",
        columns: ["Due", "Commitment"],
        rows: [
          ["2026-04-01", "Tractor assembly line in Lahore"],
          ["2026-05-15", "Trade target of $1bn"],
        ],
      },
    ],
    caption: caption("Scorecards"),
    link: "https://atlas.example/timeline?status=announced",
  },
];
