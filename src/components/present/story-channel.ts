/**
 * The BroadcastChannel between a story's windows (the deck and its
 * presenter view): what this window does is told to the others, what they
 * tell is followed (src/lib/model/presenter-sync.ts). A window that opens
 * either announces its place (the deck: the slide the audience sees is the
 * one shown) or asks the others for theirs (the presenter view). Browsers
 * without BroadcastChannel get a channel that does nothing.
 *
 *     const channel = storyChannel(story, "announce", here, follow, invalidation);
 *     channel.tell(place);  // after a move of this window's own
 */
import {
  helloMessage,
  placeMessage,
  presenterChannel,
  readSyncMessage,
  type SyncPlace,
  syncStep,
} from "../../lib/model/presenter-sync.js";
import type { Story } from "../../lib/model/stories.js";

export interface StoryChannel {
  /** Tells the other windows this window's place. */
  tell(place: SyncPlace): void;
}

/**
 * Opens `story`'s channel. `here` reads this window's place; `follow` is
 * called with the place another window moved to (and must not tell it back).
 * Closed on `invalidation`.
 */
export function storyChannel(
  story: Story,
  greet: "announce" | "ask",
  here: () => SyncPlace,
  follow: (place: SyncPlace) => void,
  invalidation?: Promise<unknown>,
): StoryChannel {
  if (typeof BroadcastChannel !== "function") return { tell: () => {} };
  const channel = new BroadcastChannel(presenterChannel(story.id));
  const tell = (place: SyncPlace) => channel.postMessage(placeMessage(story.id, place));
  channel.addEventListener("message", (event) => {
    const message = readSyncMessage(event.data, story.id);
    if (!message) return;
    const step = syncStep(here(), message, story.slides.length);
    if (step.follow) follow(step.follow);
    if (step.answer) tell(here());
  });
  invalidation?.then(() => channel.close());
  if (greet === "announce") tell(here());
  else channel.postMessage(helloMessage(story.id));
  return { tell };
}
