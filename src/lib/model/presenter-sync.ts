/**
 * How the deck (the audience's window) and the presenter view follow each
 * other through a BroadcastChannel: one channel per story (two stories open
 * at once do not hear each other), a window that moves tells the others its
 * slide and theme, a window that opens asks for them. Messages are checked
 * here, as anything posted on the channel could be: a malformed one, or one
 * of another story, is ignored. A window that follows a message does not
 * post one back, so nothing echoes.
 */
import type { Theme } from "./view-state.js";

/** Where a window is: its 0-based slide and its theme. */
export interface SyncPlace {
  index: number;
  theme: Theme;
}

export type SyncMessage =
  /** "I am at this slide": posted on every move or theme switch, and in answer to a hello. */
  | { type: "place"; story: string; index: number; theme: Theme }
  /** "Where are you?": posted by a window that has just opened. */
  | { type: "hello"; story: string };

/** The channel of a story's windows. */
export function presenterChannel(storyId: string): string {
  return `accord-atlas:present:${storyId}`;
}

export function placeMessage(story: string, place: SyncPlace): SyncMessage {
  return { type: "place", story, index: place.index, theme: place.theme };
}

export function helloMessage(story: string): SyncMessage {
  return { type: "hello", story };
}

/** A message of `story`'s channel, checked; null for anything else. */
export function readSyncMessage(data: unknown, story: string): SyncMessage | null {
  if (typeof data !== "object" || data === null) return null;
  const m = data as Record<string, unknown>;
  if (m.story !== story) return null;
  if (m.type === "hello") return { type: "hello", story };
  if (m.type !== "place") return null;
  if (typeof m.index !== "number" || !Number.isInteger(m.index) || m.index < 0) return null;
  if (m.theme !== "light" && m.theme !== "dark") return null;
  return { type: "place", story, index: m.index, theme: m.theme };
}

/**
 * What a window at `place`, showing a story of `count` slides, does with a
 * message: `follow` is the place to go to (null when it stays), `answer`
 * whether to post its own place (to a hello).
 */
export function syncStep(
  place: SyncPlace,
  message: SyncMessage,
  count: number,
): { follow: SyncPlace | null; answer: boolean } {
  if (message.type === "hello") return { follow: null, answer: true };
  if (message.index >= count) return { follow: null, answer: false };
  const same = message.index === place.index && message.theme === place.theme;
  return { follow: same ? null : { index: message.index, theme: message.theme }, answer: false };
}
