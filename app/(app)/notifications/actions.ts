'use server';
import { z } from 'zod';
import { serverAction } from '@/lib/actions/case-action';
import type { ActionState } from '@/lib/errors';
import { markNotificationReadInput } from '@/lib/notifications/schemas';
import { markAllNotificationsRead, markNotificationRead } from '@/lib/notifications/service';

/**
 * The service scopes every write to the actor's own rows; the permission is
 * checked here. No audit row: reading one's inbox changes no case. The layout
 * is revalidated because the unread badge sits in it.
 */
const options = { permission: 'notifications.view_own', revalidate: () => [['/', 'layout']] as const } as const;

export const markNotificationReadAction = serverAction(
  markNotificationReadInput,
  ({ notificationId }, ctx) => markNotificationRead(notificationId, ctx),
  options,
);

const markAll = serverAction(z.undefined(), (_, ctx) => markAllNotificationsRead(ctx), { ...options, reply: () => undefined });
export async function markAllNotificationsReadAction(): Promise<ActionState> {
  return markAll(undefined);
}
