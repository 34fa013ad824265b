import AxeBuilder from '@axe-core/playwright';
import { expect, type Page } from '@playwright/test';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const shots = fileURLToPath(new URL('../../../dist/web-e2e/screenshots', import.meta.url));
mkdirSync(shots, { recursive: true });

/** Tablet portrait and landscape, and the shared screen in the meeting room. */
export const VIEWPORTS = [
  { width: 768, height: 1024 },
  { width: 1024, height: 768 },
  { width: 1920, height: 1080 },
];

/**
 * Every screen is checked the same way: an axe scan (WCAG 2.1 A/AA rules) with no serious or critical violation,
 * and a full-page screenshot at each viewport, saved under dist/web-e2e/screenshots.
 */
export async function checkScreen(page: Page, name: string): Promise<void> {
  const result = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  const bad = result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  expect(bad.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(', ')})`), `axe on ${name}`).toEqual([]);
  const original = page.viewportSize();
  for (const vp of VIEWPORTS) {
    await page.setViewportSize(vp);
    await page.screenshot({ path: join(shots, `${name}-${vp.width}x${vp.height}.png`), fullPage: true });
  }
  if (original) await page.setViewportSize(original);
}
