import { AxeBuilder } from '@axe-core/playwright';
import type { Page } from 'playwright-core';

/**
 * axe-core on the page as it stands, with the WCAG 2.0/2.1 A and AA rules (issue 8: no serious
 * or critical violation anywhere). axe's source is injected by Playwright's evaluate, which the
 * page's CSP does not govern, so nothing is fetched and the page's policy stays as it ships.
 * Returns the serious and critical violations as readable lines (rule, impact, what, where),
 * one per offending element, so a failing test says what to fix without a debugger.
 */
export const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

export type Finding = { page: string; text: string };

export async function seriousViolations(page: Page, label: string): Promise<Finding[]> {
  const results = await new AxeBuilder({ page }).withTags(AXE_TAGS).analyze();
  const findings: Finding[] = [];
  for (const violation of results.violations) {
    if (violation.impact !== 'serious' && violation.impact !== 'critical') continue;
    for (const node of violation.nodes) {
      const where = node.target.map(String).join(' > ');
      const why = node.failureSummary?.replace(/\s+/g, ' ').trim() ?? '';
      const text = `${violation.id} (${violation.impact}): ${violation.help}\n    at ${where}: ${node.html.slice(0, 200)}\n    ${why}`;
      findings.push({ page: label, text });
    }
  }
  return findings;
}

/**
 * One paragraph per distinct finding with the pages it occurs on: a fault in the shared header
 * reads once, not thirty times. Empty when there is nothing to fix.
 */
export function report(findings: Finding[]): string {
  const pages = new Map<string, string[]>();
  for (const { page, text } of findings) pages.set(text, [...(pages.get(text) ?? []), page]);
  return [...pages].map(([text, on]) => `${text}\n    on ${on.join(', ')}`).join('\n\n');
}
