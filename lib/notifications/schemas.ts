import { z } from 'zod';

export const markNotificationReadInput = z.object({ notificationId: z.string().uuid() });
export type MarkNotificationReadInput = z.input<typeof markNotificationReadInput>;

/** The inbox's URL parameters; anything unreadable falls back to the first page. */
export const notificationListQuery = z.object({
  page: z.coerce.number().int().min(1).max(10_000).catch(1).default(1),
});
