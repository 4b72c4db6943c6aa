import type { Locator, Page } from '@playwright/test';
import { waitForHydration } from '../support/hydration';

/** The signed-in frame around every page (app/(app)/layout.tsx). */
export class AppShell {
  readonly nav: Locator;
  readonly signedInAs: Locator;
  readonly signOutButton: Locator;
  readonly notFound: Locator;

  constructor(readonly page: Page) {
    this.nav = page.locator('header.topbar nav');
    this.signedInAs = page.getByTestId('signed-in-as');
    this.signOutButton = page.getByTestId('sign-out');
    this.notFound = page.getByTestId('not-found');
  }

  localeButton(locale: 'ko' | 'en'): Locator {
    return this.page.getByTestId(`locale-${locale}`);
  }

  /** Submits the language form (a server action); the caller asserts the new language appears. */
  async switchLocale(locale: 'ko' | 'en'): Promise<void> {
    const button = this.localeButton(locale);
    await waitForHydration(button);
    await button.click();
  }

  async signOut(): Promise<void> {
    await waitForHydration(this.signOutButton);
    await this.signOutButton.click();
    await this.page.waitForURL((url) => url.pathname === '/login');
  }
}
