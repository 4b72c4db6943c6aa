'use server';
import { revalidatePath } from 'next/cache';
import { requirePermission } from '@/lib/auth/session';
import { fieldErrors, runAction, type ActionState } from '@/lib/errors';
import { markNotificationReadInput } from '@/lib/notifications/schemas';
import { markAllNotificationsRead, markNotificationRead } from '@/lib/notifications/service';

/**
 * Parse, authenticate, mark (the service scopes every write to the actor's own
 * rows), revalidate. No audit row: reading one's inbox changes no case.
 * The layout is revalidated because the unread badge sits in it.
 */

export async function markNotificationReadAction(raw: unknown): Promise<ActionState> {
  const parsed = markNotificationReadInput.safeParse(raw);
  if (!parsed.success) return fieldErrors(parsed.error);
  return runAction(async () => {
    const actor = await requirePermission('notifications.view_own');
    await markNotificationRead(parsed.data.notificationId, { actor });
    revalidatePath('/', 'layout');
    return undefined;
  });
}

export async function markAllNotificationsReadAction(): Promise<ActionState> {
  return runAction(async () => {
    const actor = await requirePermission('notifications.view_own');
    await markAllNotificationsRead({ actor });
    revalidatePath('/', 'layout');
    return undefined;
  });
}
