import type { Page } from 'playwright-core';

/**
 * The phone layout check of one page, evaluated in the page as it stands: no horizontal scrolling
 * at the viewport's width, and every visible control at least TARGET px tall (WCAG 2.5.5; our bar
 * for controls is 44 px, above 2.5.8's 24). Controls are buttons, fields, selects, summaries and
 * links standing on their own; a link inside a sentence (its paragraph, list item or cell holds
 * other words) is exempt, as in WCAG 2.5.8. A checkbox or radio counts with its label: the row
 * they share is the target. Icon-like controls (a symbol, not a word) must be as wide as tall.
 * Returns readable lines, one per problem: what, where, how big.
 */
export const TARGET = 44;

export async function layoutProblems(page: Page): Promise<string[]> {
  return page.evaluate(measureLayout, TARGET);
}

function measureLayout(target: number): string[] {
  // Evaluated in the page: no module scope, and only arrow functions (kept as written).
  const problems: string[] = [];
  const width = document.documentElement.clientWidth;
  const describe = (element: Element) => {
    const tag = element.tagName.toLowerCase();
    const type = element.getAttribute('type') ? `[type=${element.getAttribute('type')}]` : '';
    const id = element.id ? `#${element.id}` : '';
    const classes = element.classList.length ? `.${[...element.classList].join('.')}` : '';
    const labelled = element instanceof HTMLInputElement || element instanceof HTMLSelectElement || element instanceof HTMLTextAreaElement ? element.labels?.[0]?.textContent : null;
    const name = (element.getAttribute('aria-label') ?? labelled ?? element.textContent ?? '').replace(/\s+/g, ' ').trim().slice(0, 50);
    return `${tag}${type}${id}${classes} "${name}"`;
  };
  const size = (rect: DOMRect) => `${Math.round(rect.width)}×${Math.round(rect.height)} px`;

  // 1. Horizontal scrolling, and the innermost elements that stick out (outside scroll boxes).
  const scrollWidth = document.documentElement.scrollWidth;
  if (scrollWidth > width) {
    problems.push(`the page scrolls sideways: ${scrollWidth} px wide at a ${width} px viewport`);
    const scrolls = (element: Element) => {
      for (let node = element.parentElement; node && node !== document.body; node = node.parentElement) {
        const overflow = getComputedStyle(node).overflowX;
        if (overflow === 'auto' || overflow === 'scroll' || overflow === 'hidden' || overflow === 'clip') return true;
      }
      return false;
    };
    const sticking = [...document.body.querySelectorAll('*')].filter((element) => {
      const rect = element.getBoundingClientRect();
      return rect.width > 0 && rect.right > width + 0.5 && !scrolls(element) && !element.closest('details:not([open]) > :not(summary)');
    });
    const innermost = sticking.filter((element) => !sticking.some((other) => other !== element && element.contains(other)));
    for (const element of innermost.slice(0, 6)) problems.push(`  sticks out: ${describe(element)} reaches ${Math.round(element.getBoundingClientRect().right)} px`);
  }

  // 2. Touch targets.
  const shown = (element: Element) => {
    const rect = element.getBoundingClientRect();
    if (rect.width <= 1 || rect.height <= 1) return false; // not rendered, or visually hidden
    if (rect.right <= 0 || rect.bottom <= 0) return false; // moved off screen (the skip link)
    const style = getComputedStyle(element);
    return style.visibility !== 'hidden' && style.display !== 'none';
  };
  const words = (element: Element | null) => (element?.textContent ?? '').replace(/\s+/g, '');
  // A link is in a sentence when the block of text around it (its first ancestor that is not
  // inline) says more than the link; an item of a flex or grid row is a control of its own.
  const inSentence = (link: Element) => {
    for (let node = link.parentElement; node; node = node.parentElement) {
      const display = getComputedStyle(node).display;
      if (display === 'inline' || display === 'contents') continue;
      if (display.includes('flex') || display.includes('grid')) return false;
      return words(node).length > words(link).length;
    }
    return false;
  };
  const controls = document.querySelectorAll('button, input:not([type=hidden]), select, textarea, summary, a[href]');
  for (const control of controls) {
    if (!shown(control)) continue;
    if (control.closest('[hidden], [inert], dialog:not([open])')) continue;
    // A closed disclosure's content keeps its boxes in Chromium (content-visibility), unseen.
    const closed = control.closest('details:not([open])');
    if (closed && control !== closed.querySelector(':scope > summary')) continue;
    if (control.tagName === 'A' && inSentence(control)) continue;
    let measured: Element = control;
    if (control instanceof HTMLInputElement && (control.type === 'checkbox' || control.type === 'radio')) {
      // The row holding the box and its label is what a finger hits.
      const label = control.labels?.[0];
      if (label) {
        let row: Element | null = control.parentElement;
        while (row && !row.contains(label)) row = row.parentElement;
        measured = row && row.getBoundingClientRect().height < 4 * target ? row : label;
      }
    }
    const rect = measured.getBoundingClientRect();
    const iconLike = control.tagName !== 'INPUT' && control.tagName !== 'SELECT' && words(control).length <= 2;
    const short = rect.height < target - 0.5;
    const narrow = iconLike && rect.width < target - 0.5;
    if (short || narrow) problems.push(`too small to tap: ${describe(control)}${measured === control ? '' : ` (its row ${describe(measured)})`} is ${size(rect)}`);
  }
  return problems;
}
