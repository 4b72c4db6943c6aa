import type { Locator } from '@playwright/test';
import { expect } from '@playwright/test';

/**
 * Waits until React has hydrated the element. A form submitted before its
 * handlers are attached falls back to a native GET of the current URL (and
 * would put the password in the query string), so client-side forms wait
 * for this before they are filled in.
 */
export async function waitForHydration(locator: Locator): Promise<void> {
  await expect
    .poll(() => locator.evaluate((el) => Object.keys(el).some((k) => k.startsWith('__reactProps$') || k.startsWith('__reactFiber$'))), {
      message: 'element was never hydrated by React',
    })
    .toBe(true);
}
