import type { Locator, Page } from 'playwright-core';

/**
 * The keyboard alone, as a person who cannot use a mouse moves through a page: Tab, Shift+Tab,
 * Enter and Space. After every key that moves the focus, the focused element must be in the
 * page (not the body) and drawn visibly: a non-none outline with a width, or a box-shadow
 * (WCAG 2.4.7). Problems are collected, not thrown, so a test reports all of them at once.
 */
export function keyboardOnly(page: Page) {
  const problems: string[] = [];

  async function press(key: string) {
    await page.keyboard.press(key);
    const problem = await page.evaluate(focusProblem);
    // Tab past the last stop leaves the page for the browser's own controls: the wrap, not a fault.
    const wrapped = problem === FELL_BACK && (key === 'Tab' || key === 'Shift+Tab');
    if (problem && !wrapped) problems.push(`${key} on ${new URL(page.url()).pathname}: ${problem}`);
  }

  /** Tabs forward (the way a person looks for it) until `target` has the focus. */
  async function tabTo(target: Locator, limit = 80) {
    await target.waitFor();
    for (let stop = 0; stop < limit; stop += 1) {
      await press('Tab');
      if (await hasFocus(target)) return;
    }
    throw new Error(`Tab never reached ${target.toString()} on ${page.url()}`);
  }

  /** Tabs to a link or button and presses Enter (which may leave the page, so no check after). */
  async function activate(target: Locator) {
    await tabTo(target);
    await page.keyboard.press('Enter');
  }

  return { press, tabTo, activate, problems };
}

const FELL_BACK = 'the focus fell back to the page';

export const hasFocus = (target: Locator) => target.evaluate((element) => element === document.activeElement);

/** Runs in the page: why the focused element does not show the focus, or null when it does. */
function focusProblem(): string | null {
  const element = document.activeElement;
  // Evaluated in the page: the module's constants are not in scope there.
  if (!element || element === document.body) return 'the focus fell back to the page';
  const style = getComputedStyle(element);
  const outlined = style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) > 0;
  const shadowed = style.boxShadow !== 'none' && style.boxShadow !== '';
  if (outlined || shadowed) return null;
  const name = element.getAttribute('aria-label') ?? element.textContent?.trim().slice(0, 60) ?? '';
  const id = element.id ? `#${element.id}` : '';
  const type = element.getAttribute('type') ? `[type=${element.getAttribute('type')}]` : '';
  return `${element.tagName.toLowerCase()}${id}${type} "${name}" shows no focus (outline ${style.outlineStyle} ${style.outlineWidth})`;
}
