/**
 * The timeline's legend as the Share menu's exports draw it under the figure
 * (export-image.ts): status colours, the shapes of how binding a commitment
 * is, and the marks for overdue and target.
 */
import { STATUS_META } from "../../lib/model/value-labels.js";
import { STRENGTH_SHAPES } from "../../lib/timeline/event-labels.js";
import type { LegendGroup, LegendItem } from "../export-image.js";
import { OVERDUE } from "./timeline-symbols.js";

export function timelineLegendItems(): LegendGroup[] {
  return [
    {
      title: "Status",
      items: Object.values(STATUS_META).map((m): LegendItem => ({ label: m.label, color: m.color, shape: "square" })),
    },
    {
      title: "Shape",
      items: Object.values(STRENGTH_SHAPES).map(
        (s): LegendItem => ({
          label: s.label,
          color: "#777",
          shape: s.shape === "circle" ? "dot" : s.shape,
        }),
      ),
    },
    {
      title: "Marks",
      items: [
        { label: "red ring = overdue", color: OVERDUE, shape: "ring" },
        { label: "hollow = target", color: "#777", shape: "ring" },
      ],
    },
  ];
}
