/**
 * Keyboard steps the browser tests share: where the focus is (never on
 * <body>), and Tab until it reaches an element. (The marks a chart draws and
 * where arrow keys lead are in chart-keys.ts.)
 */
import type { Frame, Page } from "playwright-core";
import { expect } from "vitest";

/** Where the focus is, and whether it fell to <body> (or nowhere). */
function focusState(page: Page | Frame, selector: string): Promise<{ body: boolean; matches: boolean }> {
  return page.evaluate((sel) => {
    const active = document.activeElement;
    return { body: !active || active === document.body, matches: !!active?.matches(sel) };
  }, selector);
}

/** Asserts the focus is on `selector` (and so not on <body>). */
export async function expectFocusOn(page: Page | Frame, selector: string): Promise<void> {
  const state = await focusState(page, selector);
  expect(state.body, "the focus fell to <body>").toBe(false);
  expect(state.matches, `the focus is not on ${selector}`).toBe(true);
}

/** Presses Tab until the focus is on `selector`, checking after each press that it is not on <body>. */
export async function tabTo(page: Page, selector: string, limit = 150, scope: Page | Frame = page): Promise<void> {
  for (let i = 0; i < limit; i++) {
    await page.keyboard.press("Tab");
    const state = await focusState(scope, selector);
    expect(state.body, `Tab ${i + 1} left the focus on <body>`).toBe(false);
    if (state.matches) return;
  }
  throw new Error(`${limit} presses of Tab never reached ${selector}`);
}
