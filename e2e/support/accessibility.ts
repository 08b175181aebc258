import AxeBuilder from '@axe-core/playwright';
import { expect, type Page } from '@playwright/test';

/** The impacts that fail a test: axe's "serious" and "critical" (WCAG failures that block or seriously hinder someone). */
const blocking = new Set(['serious', 'critical']);

type Violation = Awaited<ReturnType<AxeBuilder['analyze']>>['violations'][number];

function describe(violation: Violation): string {
  const where = violation.nodes
    .slice(0, 5)
    .map((node) => node.target.join(' '))
    .join(' | ');
  return `${violation.id} (${violation.impact}): ${violation.help}: ${where}`;
}

/**
 * Runs axe-core (every rule it enables by default: WCAG 2.x A and AA, and its best
 * practices) on the page as it is now, and fails on any serious or critical violation,
 * naming the rule and the elements. Minor and moderate findings are not failures.
 */
export async function expectNoSeriousAxeViolations(page: Page, what = page.url()) {
  const { violations } = await new AxeBuilder({ page }).analyze();
  expect(violations.filter((violation) => blocking.has(violation.impact ?? '')).map(describe), `axe on ${what}`).toEqual([]);
}
