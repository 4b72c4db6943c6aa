import type { Locator, Page } from '@playwright/test';
import { DEMO_PASSWORD } from '../support/demo';
import { waitForHydration } from '../support/hydration';

/** /login: the credentials form (app/(auth)/login/login-form.tsx). */
export class LoginPage {
  readonly form: Locator;
  readonly heading: Locator;
  readonly email: Locator;
  readonly password: Locator;
  readonly submit: Locator;
  readonly error: Locator;

  constructor(readonly page: Page) {
    this.form = page.getByTestId('login-form');
    this.heading = page.getByRole('heading', { level: 1 });
    this.email = page.locator('#email');
    this.password = page.locator('#password');
    this.submit = this.form.locator('button[type="submit"]');
    this.error = page.getByTestId('login-error');
  }

  async goto(callbackUrl?: string): Promise<void> {
    await this.page.goto(callbackUrl ? `/login?callbackUrl=${encodeURIComponent(callbackUrl)}` : '/login');
    await this.ready();
  }

  /** The form is on screen and React owns it. */
  async ready(): Promise<void> {
    await waitForHydration(this.form);
  }

  /** Fills and submits the form; the caller asserts where that leads. */
  async signIn(email: string, password: string = DEMO_PASSWORD): Promise<void> {
    await this.ready();
    await this.email.fill(email);
    await this.password.fill(password);
    await this.submit.click();
  }
}
