import type { Locator, Page } from '@playwright/test';

/**
 * The notifications inbox (app/(app)/notifications/page.tsx) and the unread
 * badge in the header (app/(app)/layout.tsx). The inbox is paginated (30 a
 * page) and one sweep notifies about every seeded case at once, so finding a
 * notice walks the pages rather than assuming it is on the first.
 */
export class Inbox {
  readonly unreadCount: Locator;
  readonly list: Locator;
  readonly items: Locator;
  readonly next: Locator;

  constructor(readonly page: Page) {
    this.unreadCount = page.getByTestId('unread-count');
    this.list = page.getByTestId('notification-list');
    this.items = page.getByTestId('notification-item');
    this.next = page.getByTestId('pagination-next');
  }

  /** Opens the inbox the way a user does: the link around the header badge. */
  async openFromHeader(): Promise<void> {
    await this.unreadCount.click();
    await this.page.waitForURL((url) => url.pathname === '/notifications');
    await this.list.waitFor();
  }

  /** The unread count shown in the header ("99+" reads as 100). */
  async unread(): Promise<number> {
    const text = (await this.unreadCount.textContent())?.trim() ?? '';
    return text === '99+' ? 100 : Number(text);
  }

  /**
   * The notices containing every one of `texts`, on whichever page they are;
   * leaves the browser on that page. Returns an empty locator when none matches.
   */
  async find(...texts: string[]): Promise<Locator> {
    const matching = () => texts.reduce((l, text) => l.filter({ hasText: text }), this.items);
    for (;;) {
      await this.list.waitFor();
      if ((await matching().count()) > 0 || (await this.next.count()) === 0) return matching();
      const before = this.page.url();
      await this.next.click();
      await this.page.waitForURL((url) => url.toString() !== before);
    }
  }
}
