/**
 * The sizes of a sector timeline's lanes in the chart's own pixels: a row of
 * marks, the room around it, a density strip, a collapsed lane. Shared by
 * the lane layout (lane-layout.ts) and by what fits a frame
 * (lanes-in-frame.ts), which a story's checks read without the layout.
 */

/** The height of one row of marks, px. */
export const ROW = 14;
/** Room above and below a lane's marks, px. */
export const LANE_PAD = 8;
/** The height of a lane's density strip, px. */
export const DENSITY_HEIGHT = 30;
/** The height of a collapsed lane, px. */
export const COLLAPSED_HEIGHT = 18;
